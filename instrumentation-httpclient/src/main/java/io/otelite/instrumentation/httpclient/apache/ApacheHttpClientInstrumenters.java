package io.otelite.instrumentation.httpclient.apache;

import io.otelite.instrumentation.api.http.client.HttpClientInstrumenter;

/** The configured instrumenter of one Apache HttpClient version. */
public final class ApacheHttpClientInstrumenters {
  /** Both versions report under the OpenTelemetry agent's module name, as one library. */
  public static final String INSTRUMENTATION_NAME = "io.otelite.apache-httpclient";

  private ApacheHttpClientInstrumenters() {}

  public static <HOST, REQUEST, RESPONSE>
      HttpClientInstrumenter<ApacheRequest<HOST, REQUEST>, RESPONSE> create(
          ApacheHttpClientAccessor<HOST, REQUEST, RESPONSE> accessor) {
    return HttpClientInstrumenter.create(
        INSTRUMENTATION_NAME,
        new ApacheHttpClientAttributesGetter<>(accessor),
        (request, name, value) -> accessor.setHeader(request.request, name, value));
  }
}
