package io.otelite.instrumentation.httpclient.apache;

/**
 * A request as the client executes it: its URI may be relative, with the target host given to
 * {@code execute} separately.
 */
public final class ApacheRequest<HOST, REQUEST> {
  final HOST target;
  final REQUEST request;

  /** {@code target} may be {@code null} (the request's URI is then absolute). */
  public ApacheRequest(HOST target, REQUEST request) {
    this.target = target;
    this.request = request;
  }
}
