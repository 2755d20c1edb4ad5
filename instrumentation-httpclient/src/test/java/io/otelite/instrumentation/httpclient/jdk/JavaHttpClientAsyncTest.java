package io.otelite.instrumentation.httpclient.jdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.otelite.instrumentation.httpclient.AbstractHttpClientTest;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class JavaHttpClientAsyncTest extends AbstractHttpClientTest {
  private final HttpClient client =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

  @Override
  protected int sendGet(URI uri) throws Exception {
    try {
      return client
          .sendAsync(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding())
          .join()
          .statusCode();
    } catch (CompletionException e) {
      throw (Exception) e.getCause();
    }
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
  void actionsChainedOnTheFutureRunWithTheCallersContext() throws Exception {
    SpanContext[] caller = new SpanContext[1];
    CompletableFuture<SpanContext> seenByCallback =
        harness.runWithSpan(
            "parent",
            () -> {
              caller[0] = Span.current().getSpanContext();
              return client
                  .sendAsync(
                      HttpRequest.newBuilder(server.uri("/ok")).build(),
                      HttpResponse.BodyHandlers.discarding())
                  .thenApply(response -> Span.current().getSpanContext());
            });

    assertThat(seenByCallback.join()).isEqualTo(caller[0]);
  }

  @Test
  void theSpanHasEndedWhenTheApplicationSeesTheResponse() throws Exception {
    boolean[] endedBeforeCallback = new boolean[1];
    client
        .sendAsync(
            HttpRequest.newBuilder(server.uri("/ok")).build(),
            HttpResponse.BodyHandlers.discarding())
        .thenAccept(response -> endedBeforeCallback[0] = harness.spans().size() == 1)
        .join();

    assertThat(endedBeforeCallback[0]).isTrue();
  }

  @Test
  void cancellingTheReturnedFutureCancelsIt() {
    CompletableFuture<HttpResponse<Void>> future =
        client.sendAsync(
            HttpRequest.newBuilder(server.uri("/ok")).build(),
            HttpResponse.BodyHandlers.discarding());

    future.cancel(true);

    assertThat(future).isCancelled();
  }
}
