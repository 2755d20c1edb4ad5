package io.otelite.instrumentation.api.http.server;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.MeterBuilder;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.semconv.ClientAttributes;
import io.opentelemetry.semconv.ErrorAttributes;
import io.opentelemetry.semconv.HttpAttributes;
import io.opentelemetry.semconv.HttpAttributes.HttpRequestMethodValues;
import io.opentelemetry.semconv.NetworkAttributes;
import io.opentelemetry.semconv.ServerAttributes;
import io.opentelemetry.semconv.UrlAttributes;
import io.opentelemetry.semconv.UserAgentAttributes;
import io.otelite.instrumentation.api.span.AttributeTarget;
import io.otelite.instrumentation.api.span.RepeatedLongs;
import io.otelite.instrumentation.api.span.SamplerTraits;
import io.otelite.instrumentation.api.trace.AgentTracing;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Everything an HTTP server instrumentation does apart from reading its library's objects, which an
 * {@link HttpServerAttributesGetter} does: extracts the caller's context with the configured
 * propagators, starts the SERVER span with the stable semconv attributes, names it {@code {method}
 * {http.route}}, applies the status rules when it ends (5xx or an exception is an error, 4xx is
 * not) and records {@code http.server.request.duration} and {@code http.server.active_requests}.
 */
public final class HttpServerInstrumenter<REQUEST, RESPONSE> {
  private final Tracer tracer;
  private final TextMapPropagator propagator;
  private final HttpServerMetrics metrics;
  private final HttpServerSettings settings;
  private final HttpServerAttributesGetter<REQUEST, RESPONSE> getter;
  private final TextMapGetter<REQUEST> headers;
  private final SamplerTraits samplerTraits;
  private final DurationAttributes durationAttributes = new DurationAttributes();

  /** {@code instrumentationVersion} may be {@code null}. */
  public HttpServerInstrumenter(
      OpenTelemetry openTelemetry,
      String instrumentationName,
      String instrumentationVersion,
      HttpServerAttributesGetter<REQUEST, RESPONSE> getter,
      HttpServerSettings settings) {
    MeterBuilder meterBuilder = openTelemetry.meterBuilder(instrumentationName);
    if (instrumentationVersion != null) {
      meterBuilder.setInstrumentationVersion(instrumentationVersion);
    }
    this.tracer = AgentTracing.tracer(openTelemetry, instrumentationName, instrumentationVersion);
    this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
    this.metrics = HttpServerMetrics.create(meterBuilder.build());
    this.settings = settings;
    this.getter = getter;
    this.headers = new RequestHeaders<>(getter);
    this.samplerTraits = SamplerTraits.configured();
  }

  /** With the agent's OpenTelemetry and the user's configuration. */
  public static <REQUEST, RESPONSE> HttpServerInstrumenter<REQUEST, RESPONSE> create(
      String instrumentationName,
      String instrumentationVersion,
      HttpServerAttributesGetter<REQUEST, RESPONSE> getter) {
    return new HttpServerInstrumenter<>(
        GlobalOpenTelemetry.get(),
        instrumentationName,
        instrumentationVersion,
        getter,
        HttpServerSettings.fromInstrumentationConfig());
  }

  /**
   * Starts the SERVER span of a request that has just arrived, as a child of the context its
   * headers carry (or of {@code base}, usually {@link Context#current()}, when they carry none or a
   * malformed one).
   *
   * @param route the route if already known (then part of the span name from the start, where
   *     samplers see it), else {@code null}
   * @param routeSource who supplied {@code route}: a later {@link HttpServerExchange#updateRoute}
   *     replaces it only from a source that knows more
   */
  public HttpServerExchange start(
      Context base, REQUEST request, String route, HttpRouteSource routeSource) {
    long startNanos = System.nanoTime();
    Context parent = propagator.extract(base, request, headers);
    String path = getter.path(request);
    if (settings.excludedPaths().matches(path)) {
      return HttpServerExchange.excluded(parent);
    }

    String originalMethod = getter.method(request);
    String method = settings.knownMethods().normalize(originalMethod);
    String forwarded = getter.requestHeader(request, "forwarded");
    String scheme = ForwardedHeaders.forwardedParameter(forwarded, "proto");
    if (scheme == null) {
      scheme = ForwardedHeaders.firstEntry(getter.requestHeader(request, "x-forwarded-proto"));
    }
    if (scheme == null) {
      scheme = getter.scheme(request);
    }
    String protocolVersion = protocolVersion(getter.protocol(request));

    String spanName = HttpServerSpanName.of(method, route);
    Span span;
    if (samplerTraits.attributesBeforeSampling(parent)) {
      AttributeTarget attributes = AgentTracing.startAttributes(tracer);
      setStartAttributes(
          attributes,
          request,
          originalMethod,
          method,
          scheme,
          path,
          route,
          forwarded,
          protocolVersion);
      span = AgentTracing.startSpan(tracer, spanName, SpanKind.SERVER, parent, attributes);
    } else {
      span = AgentTracing.startSpan(tracer, spanName, SpanKind.SERVER, parent, null);
      if (span.isRecording()) {
        setStartAttributes(
            AttributeTarget.of(span),
            request,
            originalMethod,
            method,
            scheme,
            path,
            route,
            forwarded,
            protocolVersion);
      }
    }

    HttpServerExchange exchange =
        new HttpServerExchange(
            parent,
            span,
            startNanos,
            method,
            scheme,
            protocolVersion,
            metrics.activeRequestAttributes(method, scheme),
            route,
            routeSource,
            request,
            getter,
            false);
    metrics.requestStarted(exchange.activeRequestAttributes(), exchange.context());
    return exchange;
  }

  private void setStartAttributes(
      AttributeTarget span,
      REQUEST request,
      String originalMethod,
      String method,
      String scheme,
      String path,
      String route,
      String forwarded,
      String protocolVersion) {
    span.put(HttpAttributes.HTTP_REQUEST_METHOD, method);
    if (HttpRequestMethodValues.OTHER.equals(method) && originalMethod != null) {
      span.put(HttpAttributes.HTTP_REQUEST_METHOD_ORIGINAL, originalMethod);
    }
    span.putIfPresent(UrlAttributes.URL_SCHEME, scheme);
    span.putIfPresent(UrlAttributes.URL_PATH, path);
    span.putIfPresent(UrlAttributes.URL_QUERY, QueryRedaction.redact(getter.query(request)));
    span.putIfPresent(HttpAttributes.HTTP_ROUTE, route);
    setServerAddress(span, request, forwarded);
    setClientAddress(span, request, forwarded);
    span.putIfPresent(NetworkAttributes.NETWORK_PROTOCOL_VERSION, protocolVersion);
    span.putIfPresent(
        UserAgentAttributes.USER_AGENT_ORIGINAL, getter.requestHeader(request, "user-agent"));
    CapturedHttpHeaders captured = settings.capturedRequestHeaders();
    for (int i = 0; i < captured.size(); i++) {
      List<String> values = getter.requestHeaderValues(request, captured.name(i));
      if (!values.isEmpty()) {
        span.put(captured.key(i), values);
      }
    }
  }

  /**
   * Ends the exchange with the response as the client receives it; only the first call for an
   * exchange has an effect. {@code error} is what escaped the application, or {@code null}.
   */
  public void end(HttpServerExchange exchange, RESPONSE response, Throwable error) {
    if (!exchange.tryEnd() || exchange.isExcluded()) {
      return;
    }
    long durationNanos = System.nanoTime() - exchange.startNanos();
    if (error == null) {
      error = exchange.asyncError();
    }
    if (error != null) {
      error = getter.applicationError(error);
    }
    Span span = exchange.span();
    int statusCode = response == null ? 0 : getter.statusCode(response, error);
    String errorType = errorType(statusCode, error);
    // a span that is not recorded drops whatever it is given: give it nothing to box or read
    if (span.isRecording()) {
      setEndAttributes(span, response, statusCode, errorType, error);
    }

    Attributes duration =
        durationAttributes.of(
            exchange.method(),
            exchange.scheme(),
            exchange.route(),
            exchange.protocolVersion(),
            errorType,
            statusCode);
    // metrics before the span ends: whoever sees the span can rely on the metrics being recorded
    // too
    metrics.requestEnded(
        exchange.activeRequestAttributes(), duration, durationNanos, exchange.context());
    span.end();
  }

  private void setEndAttributes(
      Span span, RESPONSE response, int statusCode, String errorType, Throwable error) {
    if (statusCode > 0) {
      span.setAttribute(HttpAttributes.HTTP_RESPONSE_STATUS_CODE, RepeatedLongs.of(statusCode));
    }
    if (error != null) {
      span.recordException(error);
    }
    if (errorType != null) {
      span.setAttribute(ErrorAttributes.ERROR_TYPE, errorType);
      span.setStatus(StatusCode.ERROR);
    }
    CapturedHttpHeaders captured = settings.capturedResponseHeaders();
    if (response != null) {
      for (int i = 0; i < captured.size(); i++) {
        List<String> values = getter.responseHeaderValues(response, captured.name(i));
        if (!values.isEmpty()) {
          span.setAttribute(captured.key(i), values);
        }
      }
    }
  }

  /**
   * Semconv: a 5xx (or an invalid code) is an error named by its code; an exception without such a
   * status is named by its class; a request that ends with neither a status nor an exception is
   * {@code _OTHER}. 4xx is the client's fault, not the server's, and no error here.
   */
  static String errorType(int statusCode, Throwable error) {
    if (statusCode >= 500 || (statusCode > 0 && statusCode < 100)) {
      return Integer.toString(statusCode);
    }
    if (error != null) {
      return error.getClass().getName();
    }
    return statusCode > 0 ? null : ErrorAttributes.ErrorTypeValues.OTHER;
  }

  /**
   * {@code HTTP/1.1} becomes {@code 1.1}; {@code HTTP/2.0} becomes {@code 2}, as semconv writes it.
   */
  static String protocolVersion(String protocol) {
    if (protocol == null || !protocol.startsWith("HTTP/")) {
      return null;
    }
    // the versions nearly every request has, without a new string each time
    if (protocol.equals("HTTP/1.1")) {
      return "1.1";
    }
    if (protocol.equals("HTTP/2.0")) {
      return "2";
    }
    if (protocol.equals("HTTP/1.0")) {
      return "1.0";
    }
    String version = protocol.substring("HTTP/".length());
    if (version.endsWith(".0") && !version.startsWith("1")) {
      return version.substring(0, version.length() - 2);
    }
    return version.isEmpty() ? null : version;
  }

  private void setServerAddress(AttributeTarget span, REQUEST request, String forwarded) {
    String host = ForwardedHeaders.forwardedParameter(forwarded, "host");
    if (host == null) {
      host = ForwardedHeaders.firstEntry(getter.requestHeader(request, "x-forwarded-host"));
    }
    if (host != null) {
      span.putIfPresent(ServerAttributes.SERVER_ADDRESS, ForwardedHeaders.hostOf(host));
      int port = ForwardedHeaders.portOf(host);
      if (port > 0) {
        span.put(ServerAttributes.SERVER_PORT, RepeatedLongs.of(port));
      }
      return;
    }
    span.putIfPresent(ServerAttributes.SERVER_ADDRESS, getter.serverAddress(request));
    int port = getter.serverPort(request);
    if (port > 0) {
      span.put(ServerAttributes.SERVER_PORT, RepeatedLongs.of(port));
    }
  }

  private void setClientAddress(AttributeTarget span, REQUEST request, String forwarded) {
    String peerAddress = getter.peerAddress(request);
    String client = ForwardedHeaders.forwardedParameter(forwarded, "for");
    if (client == null) {
      client = ForwardedHeaders.firstEntry(getter.requestHeader(request, "x-forwarded-for"));
    }
    String clientAddress = client == null ? null : ForwardedHeaders.hostOf(client);
    span.putIfPresent(
        ClientAttributes.CLIENT_ADDRESS, clientAddress != null ? clientAddress : peerAddress);
    span.putIfPresent(NetworkAttributes.NETWORK_PEER_ADDRESS, peerAddress);
    int peerPort = getter.peerPort(request);
    if (peerPort > 0) {
      span.put(NetworkAttributes.NETWORK_PEER_PORT, RepeatedLongs.ofConnectionPort(peerPort));
    }
  }

  /**
   * Lets propagators read the request's headers through the library's getter: {@link #get} the
   * first field of a name, {@link #getAll} every one, which W3C Trace Context and baggage need (two
   * {@code traceparent} fields are no parent; several {@code tracestate} or {@code baggage} fields
   * are one list).
   */
  private static final class RequestHeaders<REQUEST> implements TextMapGetter<REQUEST> {
    private final HttpServerAttributesGetter<REQUEST, ?> getter;

    RequestHeaders(HttpServerAttributesGetter<REQUEST, ?> getter) {
      this.getter = getter;
    }

    @Override
    public Iterable<String> keys(REQUEST request) {
      return getter.requestHeaderNames(request);
    }

    @Override
    public String get(REQUEST request, String key) {
      return request == null ? null : getter.requestHeader(request, key);
    }

    /**
     * An absent header, the usual case, costs one lookup and no allocation; a header present once
     * costs a second lookup and the iterator.
     */
    @Override
    public Iterator<String> getAll(REQUEST request, String key) {
      String first = request == null ? null : getter.requestHeader(request, key);
      if (first == null) {
        return Collections.emptyIterator();
      }
      if (getter.requestHeaderRepeated(request, key)) {
        return getter.requestHeaderValues(request, key).iterator();
      }
      return new OneValue(first);
    }
  }

  /** The only value of a header. */
  private static final class OneValue implements Iterator<String> {
    private String value;

    OneValue(String value) {
      this.value = value;
    }

    @Override
    public boolean hasNext() {
      return value != null;
    }

    @Override
    public String next() {
      if (value == null) {
        throw new NoSuchElementException();
      }
      String next = value;
      value = null;
      return next;
    }
  }
}
