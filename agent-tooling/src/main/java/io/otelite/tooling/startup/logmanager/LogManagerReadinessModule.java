package io.otelite.tooling.startup.logmanager;

import io.otelite.instrumentation.api.InstrumentationModule;
import io.otelite.instrumentation.api.TypeInstrumentation;
import java.util.Collections;
import java.util.List;

/**
 * Part of the agent, not a library instrumentation: tells {@code AfterApplicationLogging} when the
 * application has initialised java.util.logging. Installed always, never listed or switched off by
 * users (not registered as a service).
 */
public final class LogManagerReadinessModule extends InstrumentationModule {
  public LogManagerReadinessModule() {
    super("otelite-logmanager-readiness");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Collections.singletonList(new LogManagerInstrumentation());
  }
}
