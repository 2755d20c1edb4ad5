package io.otelite.instrumentation.jdbc;

import io.otelite.instrumentation.api.WeakIdentityMap;
import io.otelite.instrumentation.api.db.DbSystemNames;
import java.sql.Connection;
import java.sql.DatabaseMetaData;

/**
 * The database behind each JDBC connection, learned once per connection from {@code
 * DatabaseMetaData} (its URL, and the product name when the URL does not tell), which drivers
 * answer from memory: no statement pays a network round trip for it. Held weakly by connection
 * identity, shared by every class loader. Pool proxies (a new one per borrow in HikariCP) are
 * unwrapped to the physical connection, so a pooled connection is read once, not once per borrow.
 * The proxies themselves are not remembered: unwrapping one is two calls the pool answers from
 * memory, while an entry per borrow would outlive the request and burden every young collection.
 */
public final class JdbcConnections {
  private static final WeakIdentityMap<Connection, JdbcConnectionInfo> INFOS =
      new WeakIdentityMap<>();

  private JdbcConnections() {}

  public static JdbcConnectionInfo infoFor(Connection connection) {
    if (connection == null) {
      return JdbcConnectionInfo.UNKNOWN;
    }
    JdbcConnectionInfo info = INFOS.get(connection);
    if (info != null) {
      return info;
    }
    Connection physical = unwrap(connection);
    if (physical != connection) {
      info = INFOS.get(physical);
    }
    if (info == null) {
      info = read(physical);
      INFOS.put(physical, info);
    }
    return info;
  }

  /** Connections remembered and not yet dropped; for tests. */
  static int size() {
    return INFOS.size();
  }

  private static Connection unwrap(Connection connection) {
    try {
      if (connection.isWrapperFor(Connection.class)) {
        Connection inner = connection.unwrap(Connection.class);
        if (inner != null) {
          return inner;
        }
      }
    } catch (Throwable notSupported) {
      // JDBC 3 drivers (AbstractMethodError), wrappers that refuse: use the connection as it is
    }
    return connection;
  }

  private static JdbcConnectionInfo read(Connection connection) {
    DatabaseMetaData metaData;
    try {
      metaData = connection.getMetaData();
    } catch (Throwable e) {
      return JdbcConnectionInfo.UNKNOWN;
    }
    JdbcConnectionInfo info;
    try {
      info = JdbcUrlParser.parse(metaData.getURL());
    } catch (Throwable e) {
      info = JdbcConnectionInfo.UNKNOWN;
    }
    if (!DbSystemNames.OTHER_SQL.equals(info.system())) {
      return info;
    }
    try {
      String system = DbSystemNames.fromProductName(metaData.getDatabaseProductName());
      return new JdbcConnectionInfo(
          system, info.namespace(), info.serverAddress(), info.serverPort());
    } catch (Throwable e) {
      return info;
    }
  }
}
