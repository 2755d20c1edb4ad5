package io.otelite.instrumentation.httpclient.jdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelite.instrumentation.httpclient.AbstractHttpClientTest;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class JavaHttpClientSyncTest extends AbstractHttpClientTest {
  private final HttpClient client =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

  @Override
  protected int sendGet(URI uri) throws Exception {
    return client
        .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  @Override
  protected String instrumentationName() {
    return "io.otelite.java-http-client";
  }

  @Override
  protected Class<? extends Exception> connectionRefusedException() {
    return ConnectException.class;
  }

  @Test
  void theApplicationsRequestObjectIsNotChanged() throws Exception {
    HttpRequest request = HttpRequest.newBuilder(server.uri("/ok")).header("x-app", "1").build();

    HttpResponse<Void> response =
        harness.runWithSpan(
            "parent",
            () -> {
              HttpResponse<Void> sent =
                  client.send(request, HttpResponse.BodyHandlers.discarding());
              // read within a span, after sending: still only what the application put there
              assertThat(request.headers().map()).containsOnlyKeys("x-app");
              return sent;
            });

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(request.headers().map()).containsOnlyKeys("x-app");
    assertThat(server.lastReceived().headerValues("x-app")).containsExactly("1");
    assertThat(server.lastReceived().headerValues("traceparent")).hasSize(1);
  }

  @Test
  void aTraceparentTheApplicationSetIsReplacedNotDuplicated() throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(server.uri("/ok"))
            .header("Traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")
            .build();

    client.send(request, HttpResponse.BodyHandlers.discarding());

    assertThat(server.lastReceived().headerValues("traceparent"))
        .singleElement()
        .asString()
        .contains(onlyClientSpan().getSpanId());
  }

  @Test
  void theOpenTelemetryExportersOwnRequestsAreNotTraced() throws Exception {
    HttpRequest export =
        HttpRequest.newBuilder(server.uri("/v1/traces"))
            .header("User-Agent", "OTel-OTLP-Exporter-Java/1.63.0")
            .POST(HttpRequest.BodyPublishers.ofString("{}"))
            .build();

    client.send(export, HttpResponse.BodyHandlers.discarding());
    Thread.sleep(200);

    assertThat(harness.spans()).isEmpty();
    assertThat(server.lastReceived().headerValues("traceparent")).isEmpty();
  }
}
