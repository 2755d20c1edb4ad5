package io.otelite.tooling.startup;

import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs, in premain and before any transformer or agent thread exists, the code that advice and the
 * agent's threads reach first, so that its classes are initialised here and never for the first
 * time on a thread that may hold an application's lock. A class initialiser that waits for such a
 * lock while the application waits for the class is a start-up that never ends (the SDK's context
 * storage on a GC-notification thread against Tomcat's logging set-up was one).
 *
 * <p>Nothing here records telemetry: contexts are made and dropped, headers are written to a map.
 */
public final class EagerInitialization {
  private static final ContextKey<String> WARM_UP =
      ContextKey.named("otelite-eager-initialization");

  private EagerInitialization() {}

  /** The context storage (and its {@code ServiceLoader} lookup), spans and baggage in a context. */
  public static void contextStorage() {
    Context context =
        Context.current().with(WARM_UP, "").with(Span.getInvalid()).with(Baggage.empty());
    try (Scope ignored = context.makeCurrent()) {
      Span.current();
      Baggage.current();
    }
  }

  /** The configured propagators, both ways, on a sample of the headers a request carries. */
  public static void propagators(ContextPropagators propagators) {
    Map<String, String> incoming = new HashMap<>();
    incoming.put("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
    incoming.put("tracestate", "otelite=warm-up");
    incoming.put("baggage", "otelite=warm-up");
    Context extracted =
        propagators.getTextMapPropagator().extract(Context.root(), incoming, MapGetter.INSTANCE);
    propagators.getTextMapPropagator().inject(extracted, new HashMap<String, String>(), Map::put);
  }

  private enum MapGetter implements TextMapGetter<Map<String, String>> {
    INSTANCE;

    @Override
    public Iterable<String> keys(Map<String, String> carrier) {
      return carrier.keySet();
    }

    @Override
    public String get(Map<String, String> carrier, String key) {
      return carrier == null ? null : carrier.get(key);
    }
  }
}
