package io.otelite.instrumentation.servlet;

import io.otelite.instrumentation.api.InstrumentationModule;
import io.otelite.instrumentation.api.TypeInstrumentation;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * SERVER spans and HTTP server metrics for the containers of one servlet namespace. Named {@code
 * servlet} like the OpenTelemetry agent's module, so {@code OTEL_INSTRUMENTATION_SERVLET_ENABLED=
 * false} switches both namespaces off; each also has the agent's per-version names.
 *
 * <p>A namespace's module lives in its package, which is its helper package: the advice, the
 * accessor and the async listener there are the only classes that name the namespace's types. The
 * container frame's instrumentation is part of it too: a container's classes see its servlet API.
 */
public abstract class ServletInstrumentationModule extends InstrumentationModule {
  private final String namespace;
  private final String advicePrefix;

  /**
   * @param namespace {@code javax.servlet} or {@code jakarta.servlet}
   * @param classPrefix how the classes of the module's package begin ({@code Javax}, {@code
   *     Jakarta}): its advice is {@code <prefix>ServletAdvice} and {@code
   *     <prefix>ContainerExchangeAdvice}
   */
  protected ServletInstrumentationModule(String namespace, String classPrefix, String... aliases) {
    super("servlet", aliases);
    this.namespace = namespace;
    this.advicePrefix = getClass().getPackageName() + '.' + classPrefix;
  }

  @Override
  public List<String> libraryMarkerClassNames() {
    return Collections.singletonList(namespace + ".http.HttpServlet");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    String servletAdvice = advicePrefix + "ServletAdvice";
    return Arrays.asList(
        ServletEntryInstrumentation.servletService(namespace, servletAdvice),
        ServletEntryInstrumentation.filterDoFilter(namespace, servletAdvice),
        new ContainerExchangeInstrumentation(advicePrefix + "ContainerExchangeAdvice"));
  }
}
