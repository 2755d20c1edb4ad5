package io.otelite.instrumentation.api.db;

/**
 * What a database library knows about the database behind one connection, as the stable
 * conventions' connection-level attributes of every span and metric point of a call on it. A
 * library reads it once per connection (JDBC: from the connection's URL) and hands it to {@link
 * DbClientInstrumenter#start} with each call. Never credentials.
 *
 * <p>Implementations whose {@code equals} compares these four values let calls on equal connections
 * share one set of metric attributes; with identity equality they are made per connection object.
 */
public interface DbConnectionAttributes {
  /** {@code db.system.name}, e.g. {@code postgresql}; never {@code null}. */
  String system();

  /** {@code db.namespace}, or {@code null} when unknown. */
  String namespace();

  /** {@code server.address}, or {@code null} for an embedded database. */
  String serverAddress();

  /** {@code server.port}, or {@code -1} when unknown. */
  int serverPort();
}
