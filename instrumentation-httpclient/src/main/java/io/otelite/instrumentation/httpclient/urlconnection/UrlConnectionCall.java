package io.otelite.instrumentation.httpclient.urlconnection;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.otelite.instrumentation.api.CallDepth;
import io.otelite.instrumentation.api.http.client.HttpClientInstrumenter;
import io.otelite.instrumentation.api.http.client.HttpClientOperation;
import io.otelite.instrumentation.api.http.client.InFlightRequests;
import java.net.HttpURLConnection;

/**
 * One instrumented method call on a connection. The request's operation outlives it, in {@link
 * InFlightRequests} (outside this helper package, so it is one map whatever loads this class), from
 * the first method that sends something to the one that reads the response.
 */
final class UrlConnectionCall {
  private static final HttpClientInstrumenter<UrlConnectionRequest, Integer> INSTRUMENTER =
      HttpUrlConnectionSingletons.instrumenter();
  private static final InFlightRequests IN_FLIGHT =
      InFlightRequests.forKind(HttpURLConnection.class);

  private final Scope scope;

  private UrlConnectionCall(Scope scope) {
    this.scope = scope;
  }

  /**
   * @param method the instrumented method's name
   * @return the call, or {@code null} when this is a nested call (the JDK's methods call each
   *     other) or the request is not traced
   */
  static UrlConnectionCall enter(HttpURLConnection connection, String method) {
    if (CallDepth.forKind(HttpURLConnection.class).incrementAndGet() > 1) {
      return null;
    }
    HttpClientOperation operation = IN_FLIGHT.get(connection);
    if (operation == null) {
      Context parentContext = Context.current();
      if (!INSTRUMENTER.shouldStart(parentContext)) {
        return null;
      }
      operation =
          INSTRUMENTER.start(
              parentContext,
              new UrlConnectionRequest(connection, methodToBeSent(connection, method)));
      IN_FLIGHT.put(connection, operation);
    } else if (operation.hasEnded()) {
      return null;
    }
    return new UrlConnectionCall(operation.makeCurrent());
  }

  /** Always called, after {@link #enter}, whatever it returned: it pairs the call-depth count. */
  static void exit(
      Object call, HttpURLConnection connection, String method, int responseCode, Throwable error) {
    try {
      if (call == null) {
        return;
      }
      ((UrlConnectionCall) call).scope.close();
      if (error != null || method.equals("getInputStream")) {
        // getInputStream throws for a 4xx or 5xx status after the response arrived: that is a
        // response
        HttpClientOperation operation = IN_FLIGHT.get(connection);
        if (operation != null) {
          IN_FLIGHT.finish(connection);
          INSTRUMENTER.end(
              operation,
              new UrlConnectionRequest(connection, null),
              responseCode > 0 ? responseCode : null,
              responseCode > 0 ? null : error);
        }
      }
    } finally {
      CallDepth.forKind(HttpURLConnection.class).decrementAndGet();
    }
  }

  /** Ends a request whose response the application never asked for. */
  static void disconnect(HttpURLConnection connection) {
    HttpClientOperation operation = IN_FLIGHT.get(connection);
    if (operation != null && !operation.hasEnded()) {
      IN_FLIGHT.finish(connection);
      INSTRUMENTER.end(operation, new UrlConnectionRequest(connection, null), null, null);
    }
  }

  private static String methodToBeSent(HttpURLConnection connection, String calledMethod) {
    String method = connection.getRequestMethod();
    // what the JDK does inside getOutputStream, before it sends anything
    if (calledMethod.equals("getOutputStream") && "GET".equals(method)) {
      return "POST";
    }
    return method;
  }
}
