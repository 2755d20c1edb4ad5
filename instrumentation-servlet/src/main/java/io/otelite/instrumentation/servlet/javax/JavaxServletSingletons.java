package io.otelite.instrumentation.servlet.javax;

import io.otelite.instrumentation.api.http.server.HttpServerInstrumenter;
import io.otelite.instrumentation.servlet.ServletInstrumentationScope;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * The one configured instrumenter (per application class loader, like every class of this package).
 */
final class JavaxServletSingletons {
  private static final HttpServerInstrumenter<HttpServletRequest, HttpServletResponse>
      INSTRUMENTER =
          HttpServerInstrumenter.create(
              ServletInstrumentationScope.NAME,
              ServletInstrumentationScope.VERSION,
              new JavaxServletAttributesGetter());

  private JavaxServletSingletons() {}

  static HttpServerInstrumenter<HttpServletRequest, HttpServletResponse> instrumenter() {
    return INSTRUMENTER;
  }
}
