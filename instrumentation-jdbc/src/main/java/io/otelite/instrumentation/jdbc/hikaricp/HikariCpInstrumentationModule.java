package io.otelite.instrumentation.jdbc.hikaricp;

import com.google.auto.service.AutoService;
import io.otelite.instrumentation.api.InstrumentationModule;
import io.otelite.instrumentation.api.TypeInstrumentation;
import java.util.List;

/**
 * HikariCP connection pool metrics (tested with 4.0.3 and 6.x), {@code db.client.connection.*} with
 * {@code db.client.connection.pool.name} (see {@code DbConnectionPoolMetrics}), next to whatever
 * metrics tracker the application configured (Micrometer, Dropwizard). Switch: {@code
 * otel.instrumentation.hikaricp.enabled}, the OpenTelemetry Java agent's name.
 */
@AutoService(InstrumentationModule.class)
public final class HikariCpInstrumentationModule extends InstrumentationModule {
  public HikariCpInstrumentationModule() {
    super("hikaricp");
  }

  @Override
  public List<String> libraryMarkerClassNames() {
    return List.of(
        HikariPoolInstrumentation.HIKARI_POOL, "com.zaxxer.hikari.metrics.IMetricsTracker");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return List.of(new HikariPoolInstrumentation());
  }
}
