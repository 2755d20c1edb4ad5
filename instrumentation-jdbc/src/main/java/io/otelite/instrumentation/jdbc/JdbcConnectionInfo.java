package io.otelite.instrumentation.jdbc;

import io.otelite.instrumentation.api.db.DbConnectionAttributes;
import io.otelite.instrumentation.api.db.DbSystemNames;
import io.otelite.instrumentation.api.db.SqlDialect;
import java.util.Objects;

/**
 * What a span tells about the database a JDBC connection talks to, read once per connection from
 * its URL (see {@link JdbcUrlParser}). Never holds credentials: user names and passwords in URLs
 * are skipped, not kept.
 */
public final class JdbcConnectionInfo implements DbConnectionAttributes {
  /** For a connection nothing could be learned about. */
  public static final JdbcConnectionInfo UNKNOWN =
      new JdbcConnectionInfo(DbSystemNames.OTHER_SQL, null, null, -1);

  private final String system;
  private final String namespace;
  private final String serverAddress;
  private final int serverPort;
  private final SqlDialect dialect;

  public JdbcConnectionInfo(String system, String namespace, String serverAddress, int serverPort) {
    this.system = Objects.requireNonNull(system);
    this.namespace = emptyToNull(namespace);
    this.serverAddress = emptyToNull(serverAddress);
    this.serverPort = serverPort;
    this.dialect = SqlDialect.forSystem(system);
  }

  @Override
  public String system() {
    return system;
  }

  /**
   * {@code db.namespace}: the database (PostgreSQL: {@code database|schema} when the URL names a
   * schema).
   */
  @Override
  public String namespace() {
    return namespace;
  }

  /** {@code server.address} as configured, or {@code null} for embedded databases. */
  @Override
  public String serverAddress() {
    return serverAddress;
  }

  /** {@code server.port}: from the URL, else the system's default port; {@code -1} when unknown. */
  @Override
  public int serverPort() {
    return serverPort;
  }

  /** How this system's SQL is read by the sanitizer. */
  public SqlDialect dialect() {
    return dialect;
  }

  private static String emptyToNull(String value) {
    return value == null || value.isEmpty() ? null : value;
  }

  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof JdbcConnectionInfo)) {
      return false;
    }
    JdbcConnectionInfo that = (JdbcConnectionInfo) other;
    return serverPort == that.serverPort
        && system.equals(that.system)
        && Objects.equals(namespace, that.namespace)
        && Objects.equals(serverAddress, that.serverAddress);
  }

  @Override
  public int hashCode() {
    return Objects.hash(system, namespace, serverAddress, serverPort);
  }

  @Override
  public String toString() {
    return "JdbcConnectionInfo{system="
        + system
        + ", namespace="
        + namespace
        + ", serverAddress="
        + serverAddress
        + ", serverPort="
        + serverPort
        + '}';
  }
}
