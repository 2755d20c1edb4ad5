package io.otelite.instrumentation.api.http.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InFlightRequestsTest {
  private final InFlightRequests inFlight = new InFlightRequests();

  private static HttpClientOperation operation() {
    return new HttpClientOperation(Context.root(), Span.getInvalid(), 0, "GET", "h", 80);
  }

  /** Equal by value, as some request classes are: the map must still tell them apart. */
  private static final class EqualRequest {
    @Override
    public boolean equals(Object other) {
      return other instanceof EqualRequest;
    }

    @Override
    public int hashCode() {
      return 1;
    }
  }

  @Test
  void requestsAreKeyedByIdentityNotEquality() {
    EqualRequest first = new EqualRequest();
    EqualRequest second = new EqualRequest();
    HttpClientOperation operation = operation();

    inFlight.put(first, operation);

    assertThat(inFlight.get(first)).isSameAs(operation);
    assertThat(inFlight.get(second)).isNull();
  }

  @Test
  void putReplacesAndFinishKeepsOnlyTheFactThatTheRequestIsDone() {
    Object request = new Object();
    HttpClientOperation replacement = operation();
    inFlight.put(request, operation());
    inFlight.put(request, replacement);

    assertThat(inFlight.size()).isEqualTo(1);
    assertThat(inFlight.get(request)).isSameAs(replacement);

    inFlight.finish(request);
    assertThat(inFlight.get(request)).isNotSameAs(replacement);
    assertThat(inFlight.get(request).hasEnded()).isTrue();
    assertThat(inFlight.get(new Object())).isNull();
  }

  @Test
  void requestsTheApplicationDroppedDoNotStayInTheMap() throws InterruptedException {
    for (int i = 0; i < 100; i++) {
      inFlight.put(new Object(), operation());
    }
    for (int attempt = 0; attempt < 50 && inFlight.size() > 0; attempt++) {
      System.gc();
      List<byte[]> pressure = new ArrayList<>();
      pressure.add(new byte[1 << 20]);
      Thread.sleep(20);
    }

    assertThat(inFlight.size()).isZero();
  }

  @Test
  void thereIsOneMapPerKind() {
    assertThat(InFlightRequests.forKind(String.class))
        .isSameAs(InFlightRequests.forKind(String.class));
    assertThat(InFlightRequests.forKind(String.class))
        .isNotSameAs(InFlightRequests.forKind(Integer.class));
  }
}
