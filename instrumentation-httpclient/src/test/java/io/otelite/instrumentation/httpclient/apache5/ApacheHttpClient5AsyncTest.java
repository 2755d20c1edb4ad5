package io.otelite.instrumentation.httpclient.apache5;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.otelite.instrumentation.httpclient.AbstractHttpClientTest;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApacheHttpClient5AsyncTest extends AbstractHttpClientTest {
  private CloseableHttpAsyncClient client;

  @BeforeEach
  void startClient() {
    client = HttpAsyncClients.createDefault();
    client.start();
  }

  @AfterEach
  void closeClient() throws Exception {
    client.close();
  }

  @Override
  protected int sendGet(URI uri) throws Exception {
    return send(client, uri);
  }

  private static int send(CloseableHttpAsyncClient client, URI uri) throws Exception {
    try {
      return client.execute(SimpleRequestBuilder.get(uri).build(), null).get().getCode();
    } catch (ExecutionException e) {
      throw (Exception) e.getCause();
    }
  }

  @Override
  protected String instrumentationName() {
    return "io.otelite.apache-httpclient";
  }

  @Override
  protected Class<? extends Exception> connectionRefusedException() {
    return HttpHostConnectException.class;
  }

  @Test
  void theCallbackRunsWithTheCallersContext() throws Exception {
    SpanContext[] caller = new SpanContext[1];
    CompletableFuture<SpanContext> seenByCallback = new CompletableFuture<>();

    harness.runWithSpan(
        "parent",
        () -> {
          caller[0] = Span.current().getSpanContext();
          return client.execute(
              SimpleRequestBuilder.get(server.uri("/ok")).build(),
              new FutureCallback<SimpleHttpResponse>() {
                @Override
                public void completed(SimpleHttpResponse result) {
                  seenByCallback.complete(Span.current().getSpanContext());
                }

                @Override
                public void failed(Exception ex) {
                  seenByCallback.completeExceptionally(ex);
                }

                @Override
                public void cancelled() {
                  seenByCallback.cancel(false);
                }
              });
        });

    assertThat(seenByCallback.get()).isEqualTo(caller[0]);
  }

  @Test
  void theMinimalClientIsTracedToo() throws Exception {
    try (CloseableHttpAsyncClient minimal = HttpAsyncClients.createMinimal()) {
      minimal.start();
      assertThat(send(minimal, server.uri("/ok"))).isEqualTo(200);
    }

    assertThat(server.lastReceived().headerValues("traceparent"))
        .singleElement()
        .asString()
        .contains(onlyClientSpan().getSpanId());
  }
}
