package io.otelite.instrumentation.api.http;

import io.opentelemetry.semconv.HttpAttributes.HttpRequestMethodValues;
import io.otelite.instrumentation.api.InstrumentationConfig;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The request methods that server and client spans report by name. Any other method becomes {@code
 * _OTHER} (the original goes to {@code http.request.method_original}) and the span is named {@code
 * HTTP}: semconv keeps the method low-cardinality because anything can be sent. Matching is
 * case-sensitive, as semconv requires.
 */
public final class KnownHttpMethods {
  /**
   * The OpenTelemetry agent's key: a list that replaces the default set, for servers and clients.
   */
  public static final String CONFIG_KEY = "otel.instrumentation.http.known-methods";

  /** Semconv's default set (RFC 9110 plus PATCH). */
  public static final List<String> DEFAULT =
      Arrays.asList(
          HttpRequestMethodValues.CONNECT,
          HttpRequestMethodValues.DELETE,
          HttpRequestMethodValues.GET,
          HttpRequestMethodValues.HEAD,
          HttpRequestMethodValues.OPTIONS,
          HttpRequestMethodValues.PATCH,
          HttpRequestMethodValues.POST,
          HttpRequestMethodValues.PUT,
          HttpRequestMethodValues.TRACE);

  private final Set<String> methods;

  private KnownHttpMethods(Collection<String> methods) {
    this.methods = new HashSet<>(methods);
  }

  /** The given methods, or the default set when none are given. */
  public static KnownHttpMethods of(Collection<String> methods) {
    return new KnownHttpMethods(methods.isEmpty() ? DEFAULT : methods);
  }

  /** The methods the user configured with {@value #CONFIG_KEY}, or the default set. */
  public static KnownHttpMethods fromInstrumentationConfig() {
    return of(InstrumentationConfig.getList(CONFIG_KEY));
  }

  /**
   * The value for {@code http.request.method}: the method itself when known, {@code _OTHER}
   * otherwise.
   */
  public String normalize(String method) {
    return method != null && methods.contains(method) ? method : HttpRequestMethodValues.OTHER;
  }
}
