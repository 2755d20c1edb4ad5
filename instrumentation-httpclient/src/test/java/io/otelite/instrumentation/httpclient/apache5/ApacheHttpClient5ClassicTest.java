package io.otelite.instrumentation.httpclient.apache5;

import static io.opentelemetry.semconv.UrlAttributes.URL_FULL;
import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.sdk.trace.data.SpanData;
import io.otelite.instrumentation.httpclient.AbstractHttpClientTest;
import io.otelite.instrumentation.httpclient.RecordingHttpServer.ReceivedRequest;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApacheHttpClient5ClassicTest extends AbstractHttpClientTest {
  private final CloseableHttpClient client = HttpClients.createDefault();

  @AfterEach
  void closeClient() throws Exception {
    client.close();
  }

  @Override
  protected int sendGet(URI uri) throws Exception {
    return send(client, uri);
  }

  private static int send(CloseableHttpClient client, URI uri) throws Exception {
    return client.execute(
        new HttpGet(uri),
        response -> {
          EntityUtils.consume(response.getEntity());
          return response.getCode();
        });
  }

  @Override
  protected String instrumentationName() {
    return "io.otelite.apache-httpclient";
  }

  @Override
  protected Class<? extends Exception> connectionRefusedException() {
    return HttpHostConnectException.class;
  }

  @Override
  protected Long resendCountAfterOneRedirect() {
    return 1L;
  }

  @ParameterizedTest
  @ValueSource(strings = {"/ok?page=1", "/ok?next=http://elsewhere.example/x"})
  void aRelativeRequestIsReportedWithTheTargetHostsUrl(String relativeUri) throws Exception {
    HttpHost target = new HttpHost("127.0.0.1", server.port());

    int status =
        client.execute(
            target,
            new HttpGet(relativeUri),
            response -> {
              EntityUtils.consume(response.getEntity());
              return response.getCode();
            });

    assertThat(status).isEqualTo(200);
    assertThat(onlyClientSpan().getAttributes().get(URL_FULL))
        .isEqualTo("http://127.0.0.1:" + server.port() + relativeUri);
  }

  @Test
  void theMinimalClientIsTracedToo() throws Exception {
    try (CloseableHttpClient minimal = HttpClients.createMinimal()) {
      assertThat(send(minimal, server.uri("/ok"))).isEqualTo(200);
    }

    assertThat(server.lastReceived().headerValues("traceparent"))
        .singleElement()
        .asString()
        .contains(onlyClientSpan().getSpanId());
  }

  @Test
  void anotherHttpClientCalledDuringTheCallMakesNoSecondSpan() throws Exception {
    // e.g. an interceptor that fetches a token with HttpURLConnection: one logical call, one span
    try (CloseableHttpClient withInterceptor =
        HttpClients.custom()
            .addRequestInterceptorFirst(
                (request, entity, context) -> {
                  HttpURLConnection token =
                      (HttpURLConnection) server.uri("/token").toURL().openConnection();
                  try (InputStream body = token.getInputStream()) {
                    body.readAllBytes();
                  }
                })
            .build()) {
      assertThat(send(withInterceptor, server.uri("/ok"))).isEqualTo(200);
    }

    SpanData client = onlyClientSpan();
    Thread.sleep(100);
    assertThat(harness.spans()).containsExactly(client);
    assertThat(client.getInstrumentationScopeInfo().getName())
        .isEqualTo("io.otelite.apache-httpclient");
    assertThat(server.received())
        .extracting(request -> request.path)
        .containsExactly("/token", "/ok");
    ReceivedRequest main = server.lastReceived();
    assertThat(main.headerValues("traceparent"))
        .singleElement()
        .asString()
        .contains(client.getSpanId());
  }
}
