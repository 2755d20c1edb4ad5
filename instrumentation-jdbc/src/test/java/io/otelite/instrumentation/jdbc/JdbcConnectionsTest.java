package io.otelite.instrumentation.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class JdbcConnectionsTest {

  @Test
  void aPoolProxyIsUnwrappedEachTimeAndOnlyThePhysicalConnectionIsRemembered() {
    AtomicInteger metadataReads = new AtomicInteger();
    Connection physical =
        physicalConnection("jdbc:postgresql://db.example:6543/orders", metadataReads);
    int before = JdbcConnections.size();

    for (int borrow = 0; borrow < 50; borrow++) {
      JdbcConnectionInfo info = JdbcConnections.infoFor(poolProxy(physical));
      assertThat(info.system()).isEqualTo("postgresql");
      assertThat(info.namespace()).isEqualTo("orders");
      assertThat(info.serverPort()).isEqualTo(6543);
    }

    assertThat(metadataReads).as("the database is read once, not once per borrow").hasValue(1);
    assertThat(JdbcConnections.size() - before)
        .as("one entry, for the physical connection")
        .isEqualTo(1);
  }

  private static Connection physicalConnection(String url, AtomicInteger metadataReads) {
    DatabaseMetaData metaData =
        (DatabaseMetaData)
            Proxy.newProxyInstance(
                DatabaseMetaData.class.getClassLoader(),
                new Class<?>[] {DatabaseMetaData.class},
                (proxy, method, args) -> method.getName().equals("getURL") ? url : null);
    Connection[] self = new Connection[1];
    self[0] =
        (Connection)
            Proxy.newProxyInstance(
                Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                  switch (method.getName()) {
                    case "getMetaData":
                      metadataReads.incrementAndGet();
                      return metaData;
                    case "isWrapperFor":
                      return true;
                    case "unwrap":
                      return self[0];
                    case "hashCode":
                      return System.identityHashCode(proxy);
                    case "equals":
                      return proxy == args[0];
                    default:
                      return null;
                  }
                });
    return self[0];
  }

  /** What a pool hands out per borrow: a new wrapper around the same physical connection. */
  private static Connection poolProxy(Connection physical) {
    return (Connection)
        Proxy.newProxyInstance(
            Connection.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              switch (method.getName()) {
                case "isWrapperFor":
                  return true;
                case "unwrap":
                  return physical;
                case "hashCode":
                  return System.identityHashCode(proxy);
                case "equals":
                  return proxy == args[0];
                default:
                  return method.invoke(physical, args);
              }
            });
  }
}
