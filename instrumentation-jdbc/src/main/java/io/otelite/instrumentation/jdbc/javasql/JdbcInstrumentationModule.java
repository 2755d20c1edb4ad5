package io.otelite.instrumentation.jdbc.javasql;

import com.google.auto.service.AutoService;
import io.otelite.instrumentation.api.InstrumentationModule;
import io.otelite.instrumentation.api.TypeInstrumentation;
import java.util.List;

/**
 * JDBC client spans for any driver and any pool: instruments the implementations of {@code
 * java.sql.Statement} (and its prepared and callable kinds) and {@code java.sql.Connection},
 * whoever provides them.
 *
 * <p>Configuration:
 *
 * <ul>
 *   <li>{@code otel.instrumentation.jdbc.enabled} (default {@code true}): the whole module.
 *   <li>{@code otel.instrumentation.common.db-query-sanitization.enabled} (default {@code true}):
 *       replace the literals of {@code db.query.text} with {@code ?}.
 *   <li>{@code otel.instrumentation.jdbc.transaction.enabled} (default {@code true}): spans for
 *       {@code Connection.commit()} and {@code rollback()}.
 * </ul>
 *
 * <p>Telemetry: one CLIENT span per statement execution, batch, commit or rollback, named {@code
 * {db.operation.name} {db.collection.name}} (see {@code DbClientInstrumenter}), and the histogram
 * {@code db.client.operation.duration}.
 *
 * <p>There are no library marker classes: {@code java.sql} is in every JVM, so every class loader
 * may hold a driver. Types are matched by their super types, after a cheap name filter that skips
 * the JDK.
 */
@AutoService(InstrumentationModule.class)
public class JdbcInstrumentationModule extends InstrumentationModule {
  public JdbcInstrumentationModule() {
    super("jdbc");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return List.of(new JdbcConnectionInstrumentation(), new JdbcStatementInstrumentation());
  }

  /** The JDK has no JDBC driver: skip its classes before any class file is read. */
  static boolean mayBeDriverClass(String className) {
    return !(className.startsWith("java.")
        || className.startsWith("javax.")
        || className.startsWith("jdk.")
        || className.startsWith("sun.")
        || className.startsWith("com.sun."));
  }
}
