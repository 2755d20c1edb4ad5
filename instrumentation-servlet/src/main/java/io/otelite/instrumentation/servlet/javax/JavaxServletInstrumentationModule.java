package io.otelite.instrumentation.servlet.javax;

import com.google.auto.service.AutoService;
import io.otelite.instrumentation.api.InstrumentationModule;
import io.otelite.instrumentation.servlet.ServletInstrumentationModule;

/** {@code javax.servlet} 3.0+ containers: Tomcat 7 to 9, Jetty 9.4 to 11, Jetty 12 ee8. */
@AutoService(InstrumentationModule.class)
public final class JavaxServletInstrumentationModule extends ServletInstrumentationModule {
  public JavaxServletInstrumentationModule() {
    super("javax.servlet", "Javax", "servlet-3.0", "javax-servlet");
  }
}
