package io.otelite.instrumentation.servlet.jakarta;

import io.otelite.instrumentation.api.http.server.HttpServerInstrumenter;
import io.otelite.instrumentation.servlet.ServletInstrumentationScope;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The one configured instrumenter (per application class loader, like every class of this package).
 */
final class JakartaServletSingletons {
  private static final HttpServerInstrumenter<HttpServletRequest, HttpServletResponse>
      INSTRUMENTER =
          HttpServerInstrumenter.create(
              ServletInstrumentationScope.NAME,
              ServletInstrumentationScope.VERSION,
              new JakartaServletAttributesGetter());

  private JakartaServletSingletons() {}

  static HttpServerInstrumenter<HttpServletRequest, HttpServletResponse> instrumenter() {
    return INSTRUMENTER;
  }
}
