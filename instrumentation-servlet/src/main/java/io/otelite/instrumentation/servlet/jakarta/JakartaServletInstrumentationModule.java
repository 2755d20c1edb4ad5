package io.otelite.instrumentation.servlet.jakarta;

import com.google.auto.service.AutoService;
import io.otelite.instrumentation.api.InstrumentationModule;
import io.otelite.instrumentation.servlet.ServletInstrumentationModule;

/**
 * {@code jakarta.servlet} 5.0+ containers: Tomcat 10 and 11, Jetty 12 ee9/ee10/ee11. The advice,
 * accessor and async listener of this package are generated from the javax ones at build time (see
 * this module's pom).
 */
@AutoService(InstrumentationModule.class)
public final class JakartaServletInstrumentationModule extends ServletInstrumentationModule {
  public JakartaServletInstrumentationModule() {
    super("jakarta.servlet", "Jakarta", "servlet-5.0", "jakarta-servlet");
  }
}
