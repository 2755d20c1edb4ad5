package io.otelite.instrumentation.servlet.container;

import com.google.auto.service.AutoService;
import io.otelite.instrumentation.api.InstrumentationModule;
import io.otelite.instrumentation.api.TypeInstrumentation;
import java.util.Collections;
import java.util.List;

/**
 * Marks where a container handles one exchange from start to finish, error page included (see
 * {@link io.otelite.instrumentation.servlet.ServletContainerFrame}), so that a request's SERVER
 * span ends when the container is done with it. Part of {@code servlet}: the servlet modules' spans
 * are what it extends; the advice names no servlet type, so it serves both namespaces.
 */
@AutoService(InstrumentationModule.class)
public final class ServletContainerInstrumentationModule extends InstrumentationModule {
  public ServletContainerInstrumentationModule() {
    super("servlet", "servlet-container");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Collections.singletonList(new ContainerExchangeInstrumentation());
  }
}
