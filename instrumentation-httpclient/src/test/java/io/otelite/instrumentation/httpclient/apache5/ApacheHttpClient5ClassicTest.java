package io.otelite.instrumentation.httpclient.apache5;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.sdk.trace.data.SpanData;
import io.otelite.instrumentation.httpclient.RecordingHttpServer.ReceivedRequest;
import io.otelite.instrumentation.httpclient.apache.AbstractApacheHttpClientTest;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.HttpClientResponseHandler;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ApacheHttpClient5ClassicTest extends AbstractApacheHttpClientTest {
  private final CloseableHttpClient client = HttpClients.createDefault();

  @AfterEach
  void closeClient() throws Exception {
    client.close();
  }

  @Override
  protected int sendGet(URI uri) throws Exception {
    return send(client, uri);
  }

  /** Reads the whole response, so that the connection goes back to the pool. */
  private static final HttpClientResponseHandler<Integer> STATUS =
      response -> {
        EntityUtils.consume(response.getEntity());
        return response.getCode();
      };

  private static int send(CloseableHttpClient client, URI uri) throws Exception {
    return client.execute(new HttpGet(uri), STATUS);
  }

  @Override
  protected Class<? extends Exception> connectionRefusedException() {
    return HttpHostConnectException.class;
  }

  @Override
  protected int sendGetToTarget(String host, int port, String relativeUri) throws Exception {
    return client.execute(new HttpHost(host, port), new HttpGet(relativeUri), STATUS);
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
