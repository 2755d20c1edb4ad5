package io.otelite.instrumentation.api.http.client;

import static io.opentelemetry.semconv.ErrorAttributes.ERROR_TYPE;
import static io.opentelemetry.semconv.HttpAttributes.HTTP_REQUEST_METHOD;
import static io.opentelemetry.semconv.HttpAttributes.HTTP_REQUEST_METHOD_ORIGINAL;
import static io.opentelemetry.semconv.HttpAttributes.HTTP_REQUEST_RESEND_COUNT;
import static io.opentelemetry.semconv.HttpAttributes.HTTP_RESPONSE_STATUS_CODE;
import static io.opentelemetry.semconv.NetworkAttributes.NETWORK_PROTOCOL_VERSION;
import static io.opentelemetry.semconv.ServerAttributes.SERVER_ADDRESS;
import static io.opentelemetry.semconv.ServerAttributes.SERVER_PORT;
import static io.opentelemetry.semconv.UrlAttributes.URL_FULL;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.impl.InstrumentationUtil;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import io.opentelemetry.semconv.HttpAttributes.HttpRequestMethodValues;
import io.otelite.instrumentation.api.AgentVersion;
import io.otelite.instrumentation.api.http.KnownHttpMethods;
import io.otelite.instrumentation.api.span.AttributeTarget;
import io.otelite.instrumentation.api.span.RepeatedLongs;
import io.otelite.instrumentation.api.span.SamplerTraits;
import io.otelite.instrumentation.api.trace.AgentTracing;

/**
 * Turns one HTTP client call into a CLIENT span, propagation headers and an {@code
 * http.client.request.duration} entry, following the stable HTTP semantic conventions. A library
 * only says how to read its objects ({@link HttpClientAttributesGetter}) and how to set a header on
 * its request ({@link TextMapSetter}); the rules live here, once for every client:
 *
 * <ul>
 *   <li>span name {@code {method}}, or {@code HTTP} for a method that is not {@linkplain
 *       KnownHttpMethods known};
 *   <li>{@code url.full} without user-info and with sensitive query values {@code REDACTED};
 *   <li>4xx, 5xx and failures without a response are errors, with {@code error.type} the status
 *       code or the exception's class name;
 *   <li>no span inside another HTTP client call, nor where the OpenTelemetry SDK suppresses
 *       instrumentation (its own exporters).
 * </ul>
 *
 * <p>Use: {@code if (shouldStart(parent)) op = start(parent, request)}, then exactly one {@code
 * end(op, ...)}.
 */
public final class HttpClientInstrumenter<REQUEST, RESPONSE> {
  private final Tracer tracer;
  private final TextMapPropagator propagator;
  private final HttpClientAttributesGetter<REQUEST, RESPONSE> getter;
  private final TextMapSetter<REQUEST> headerSetter;
  private final KnownHttpMethods knownMethods;
  private final UrlRedactor urlRedactor;
  private final HttpClientDurationMetric durationMetric;
  private final SamplerTraits samplerTraits;

  /** The scope is {@code instrumentationName} at the agent's version. */
  HttpClientInstrumenter(
      OpenTelemetry openTelemetry,
      String instrumentationName,
      HttpClientAttributesGetter<REQUEST, RESPONSE> getter,
      TextMapSetter<REQUEST> headerSetter,
      HttpClientSettings settings) {
    this.tracer = AgentVersion.tracer(openTelemetry, instrumentationName);
    this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
    this.getter = getter;
    this.headerSetter = headerSetter;
    this.knownMethods = settings.knownMethods();
    this.urlRedactor = settings.urlRedactor();
    this.durationMetric =
        new HttpClientDurationMetric(AgentVersion.meter(openTelemetry, instrumentationName));
    this.samplerTraits = SamplerTraits.configured();
  }

  /**
   * With the agent's OpenTelemetry and the user's configuration.
   *
   * @param instrumentationName the tracer and meter name, {@code io.otelite.<module name>}
   * @param headerSetter sets one header on the library's request, or {@code null} when the library
   *     injects through {@link #inject} itself (immutable requests)
   */
  public static <REQUEST, RESPONSE> HttpClientInstrumenter<REQUEST, RESPONSE> create(
      String instrumentationName,
      HttpClientAttributesGetter<REQUEST, RESPONSE> getter,
      TextMapSetter<REQUEST> headerSetter) {
    return new HttpClientInstrumenter<>(
        GlobalOpenTelemetry.get(),
        instrumentationName,
        getter,
        headerSetter,
        HttpClientSettings.fromInstrumentationConfig());
  }

  /**
   * False inside another HTTP client call (one span per logical call) and where the SDK suppresses
   * us.
   */
  public boolean shouldStart(Context parentContext) {
    return HttpClientOperation.fromContext(parentContext) == null
        && !InstrumentationUtil.shouldSuppressInstrumentation(parentContext);
  }

  /**
   * Starts the CLIENT span under {@code parentContext} and, with a header setter, injects its
   * context.
   */
  public HttpClientOperation start(Context parentContext, REQUEST request) {
    long startNanos = System.nanoTime();
    String originalMethod = getter.method(request);
    String method = knownMethods.normalize(originalMethod);
    boolean knownMethod = !HttpRequestMethodValues.OTHER.equals(method);
    String url = getter.urlFull(request);
    // the metric needs the server either way; the span's attributes only if it is recorded
    String serverAddress = url == null ? null : UrlParts.host(url);
    int serverPort = url == null ? -1 : UrlParts.port(url);

    String spanName = knownMethod ? method : "HTTP";
    Span span;
    if (samplerTraits.attributesBeforeSampling(parentContext)) {
      AttributeTarget attributes = AgentTracing.startAttributes(tracer);
      setStartAttributes(attributes, method, originalMethod, url, serverAddress, serverPort);
      span = AgentTracing.startSpan(tracer, spanName, SpanKind.CLIENT, parentContext, attributes);
    } else {
      span = AgentTracing.startSpan(tracer, spanName, SpanKind.CLIENT, parentContext, null);
      if (span.isRecording()) {
        setStartAttributes(
            AttributeTarget.of(span), method, originalMethod, url, serverAddress, serverPort);
      }
    }
    HttpClientOperation operation =
        new HttpClientOperation(parentContext, span, startNanos, method, serverAddress, serverPort);
    if (headerSetter != null) {
      propagator.inject(operation.context(), request, headerSetter);
    }
    return operation;
  }

  private void setStartAttributes(
      AttributeTarget span,
      String method,
      String originalMethod,
      String url,
      String serverAddress,
      int serverPort) {
    span.put(HTTP_REQUEST_METHOD, method);
    if (HttpRequestMethodValues.OTHER.equals(method) && originalMethod != null) {
      span.put(HTTP_REQUEST_METHOD_ORIGINAL, originalMethod);
    }
    if (url != null) {
      span.put(URL_FULL, urlRedactor.redact(url));
    }
    span.putIfPresent(SERVER_ADDRESS, serverAddress);
    if (serverPort > 0) {
      span.put(SERVER_PORT, RepeatedLongs.of(serverPort));
    }
  }

  /**
   * Writes the operation's context into {@code carrier} with the configured propagators: for
   * libraries whose request cannot take headers (an immutable request is copied), and for resends
   * that use a new request object.
   */
  public <C> void inject(HttpClientOperation operation, C carrier, TextMapSetter<C> setter) {
    propagator.inject(operation.context(), carrier, setter);
  }

  /**
   * Ends the span and records the duration. Only the first call for an operation counts, so racing
   * completions (a future completing while the caller gives up) cannot end it twice.
   *
   * @param response the response if one was received, else {@code null}
   * @param error what the call threw, if anything
   */
  public void end(
      HttpClientOperation operation, REQUEST request, RESPONSE response, Throwable error) {
    if (!operation.markEnded()) {
      return;
    }
    long endNanos = System.nanoTime();
    Span span = operation.span();
    // a span that is not recorded drops whatever it is given: give it nothing to box
    boolean recording = span.isRecording();
    AttributesBuilder metricAttributes =
        Attributes.builder().put(HTTP_REQUEST_METHOD, operation.method);
    if (operation.serverAddress != null) {
      metricAttributes.put(SERVER_ADDRESS, operation.serverAddress);
    }
    if (operation.serverPort > 0) {
      metricAttributes.put(SERVER_PORT, RepeatedLongs.of(operation.serverPort));
    }

    int statusCode = response == null ? 0 : getter.statusCode(request, response);
    if (statusCode > 0) {
      if (recording) {
        span.setAttribute(HTTP_RESPONSE_STATUS_CODE, RepeatedLongs.of(statusCode));
      }
      metricAttributes.put(HTTP_RESPONSE_STATUS_CODE, RepeatedLongs.of(statusCode));
    }
    String protocolVersion = response == null ? null : getter.protocolVersion(request, response);
    if (protocolVersion != null) {
      span.setAttribute(NETWORK_PROTOCOL_VERSION, protocolVersion);
      metricAttributes.put(NETWORK_PROTOCOL_VERSION, protocolVersion);
    }
    int resendCount = operation.resendCount();
    if (resendCount > 0 && recording) {
      span.setAttribute(HTTP_REQUEST_RESEND_COUNT, (long) resendCount);
    }

    // semconv: a received error status wins over the exception that the library may throw for it
    String errorType = null;
    if (statusCode >= 400) {
      errorType = Integer.toString(statusCode);
    } else if (error != null) {
      errorType = error.getClass().getName();
    }
    if (error != null) {
      span.recordException(error);
    }
    if (errorType != null) {
      span.setAttribute(ERROR_TYPE, errorType);
      span.setStatus(StatusCode.ERROR);
      metricAttributes.put(ERROR_TYPE, errorType);
    }
    // the metric before the span ends, as on the server: whoever sees the span (an async client's
    // caller, a test) can rely on the call being counted too
    durationMetric.record(
        operation.startNanos(), endNanos, metricAttributes.build(), operation.context());
    span.end();
  }
}
