package io.otelite.tooling.testing;

import io.opentelemetry.common.ComponentLoader;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.internal.DefaultConfigProperties;
import io.otelite.instrumentation.api.InstrumentationConfig;
import io.otelite.tooling.instrumentation.InstrumentationInstaller;
import java.lang.instrument.Instrumentation;
import java.util.Collections;

/**
 * Kept apart from {@link InstrumentationTestHarness} so that no class naming the bootstrap package
 * is loaded before the bootstrap jar is appended.
 */
final class HarnessInstallation {
  private HarnessInstallation() {}

  static void installAllModules(Instrumentation instrumentation) {
    ClassLoader classPath = HarnessInstallation.class.getClassLoader();
    ConfigProperties config =
        DefaultConfigProperties.create(
            Collections.emptyMap(), ComponentLoader.forClassLoader(classPath));
    InstrumentationConfig.set(config);
    InstrumentationInstaller.forSharedClassPath(instrumentation, classPath).install(config, true);
  }
}
