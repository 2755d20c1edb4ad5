package io.otelite.tooling.instrumentation;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.sdk.autoconfigure.spi.internal.DefaultConfigProperties;
import io.otelite.instrumentation.api.InstrumentationModule;
import io.otelite.instrumentation.api.TypeInstrumentation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModuleSelectionTest {
  static final InstrumentationModule JDBC =
      new InstrumentationModule("jdbc", "database") {
        @Override
        public List<TypeInstrumentation> typeInstrumentations() {
          return List.of();
        }
      };

  private static boolean enabled(Map<String, String> config) {
    DefaultConfigProperties properties = DefaultConfigProperties.createFromMap(config);
    boolean byDefault = !"false".equals(config.get("otel.instrumentation.common.default-enabled"));
    return ModuleSelection.isEnabled(JDBC, properties, byDefault);
  }

  @Test
  void modulesAreOnByDefault() {
    assertThat(enabled(Map.of())).isTrue();
  }

  @Test
  void aModuleIsSwitchedOffByName() {
    assertThat(enabled(Map.of("otel.instrumentation.jdbc.enabled", "false"))).isFalse();
  }

  @Test
  void aModuleIsSwitchedOffByAlias() {
    assertThat(enabled(Map.of("otel.instrumentation.database.enabled", "false"))).isFalse();
  }

  @Test
  void defaultEnabledFalseTurnsAllOffExceptThoseAllowedByName() {
    assertThat(enabled(Map.of("otel.instrumentation.common.default-enabled", "false"))).isFalse();
    assertThat(
            enabled(
                Map.of(
                    "otel.instrumentation.common.default-enabled", "false",
                    "otel.instrumentation.jdbc.enabled", "true")))
        .isTrue();
  }
}
