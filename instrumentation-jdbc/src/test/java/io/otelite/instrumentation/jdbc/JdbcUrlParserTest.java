package io.otelite.instrumentation.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JdbcUrlParserTest {

  static Stream<Arguments> urls() {
    return Stream.of(
        // PostgreSQL
        row(
            "jdbc:postgresql://db.example.com:5433/shop",
            "postgresql",
            "shop",
            "db.example.com",
            5433),
        row(
            "jdbc:postgresql://127.0.0.1/otelite?user=otelite&password=otelite",
            "postgresql",
            "otelite",
            "127.0.0.1",
            5432),
        row(
            "jdbc:postgresql://h1:5432,h2:5433/shop?targetServerType=primary",
            "postgresql",
            "shop",
            "h1",
            5432),
        row("jdbc:postgresql://[::1]:6543/shop", "postgresql", "shop", "::1", 6543),
        row(
            "jdbc:postgresql://localhost/shop?currentSchema=sales,public",
            "postgresql",
            "shop|sales",
            "localhost",
            5432),
        row("jdbc:postgresql:shop", "postgresql", "shop", "localhost", 5432),
        row("jdbc:postgresql://localhost/", "postgresql", null, "localhost", 5432),
        // MySQL and MariaDB
        row(
            "jdbc:mysql://mysql.internal:3307/app?useSSL=false",
            "mysql",
            "app",
            "mysql.internal",
            3307),
        row("jdbc:mysql://scott:tiger@mysql.internal/app", "mysql", "app", "mysql.internal", 3306),
        row(
            "jdbc:mysql:loadbalance://a.example,b.example:3310/app",
            "mysql",
            "app",
            "a.example",
            3306),
        row(
            "jdbc:mysql://address=(host=h.example)(port=3307)(type=source)/app",
            "mysql",
            "app",
            "h.example",
            3307),
        row(
            "jdbc:mysql://(host=h.example,port=3308,user=u,password=p)/app",
            "mysql",
            "app",
            "h.example",
            3308),
        row("jdbc:mysql:///app", "mysql", "app", "localhost", 3306),
        row(
            "jdbc:mariadb://127.0.0.1:3306/otelite?user=otelite&password=otelite",
            "mariadb",
            "otelite",
            "127.0.0.1",
            3306),
        row(
            "jdbc:mariadb:replication://primary.example,replica.example/app",
            "mariadb",
            "app",
            "primary.example",
            3306),
        // embedded and file databases
        row("jdbc:h2:mem:orders;DB_CLOSE_DELAY=-1", "h2database", "orders", null, -1),
        row("jdbc:h2:mem:", "h2database", null, null, -1),
        row("jdbc:h2:file:/data/app;USER=sa;PASSWORD=secret", "h2database", "/data/app", null, -1),
        row("jdbc:h2:~/test", "h2database", "~/test", null, -1),
        row("jdbc:h2:tcp://dbhost:9093/~/app", "h2database", "~/app", "dbhost", 9093),
        row("jdbc:h2:tcp://dbhost/app", "h2database", "app", "dbhost", 9092),
        row("jdbc:hsqldb:mem:test", "hsqldb", "test", null, -1),
        row("jdbc:hsqldb:hsql://dbhost/app", "hsqldb", "app", "dbhost", 9001),
        row("jdbc:derby:memory:app;create=true", "derby", "app", null, -1),
        row("jdbc:derby://dbhost:1528/app;user=u;password=p", "derby", "app", "dbhost", 1528),
        row("jdbc:sqlite:/var/data/app.db", "sqlite", "/var/data/app.db", null, -1),
        row("jdbc:sqlite::memory:", "sqlite", null, null, -1),
        // Oracle
        row("jdbc:oracle:thin:@ora.example:1522:ORCL", "oracle.db", "ORCL", "ora.example", 1522),
        row(
            "jdbc:oracle:thin:scott/tiger@ora.example:1521:ORCL",
            "oracle.db",
            "ORCL",
            "ora.example",
            1521),
        row(
            "jdbc:oracle:thin:@//ora.example/service.example",
            "oracle.db",
            "service.example",
            "ora.example",
            1521),
        row(
            "jdbc:oracle:thin:@(DESCRIPTION=(ADDRESS=(PROTOCOL=TCP)(HOST=ora.example)(PORT=1530))"
                + "(CONNECT_DATA=(SERVICE_NAME=svc)))",
            "oracle.db",
            "svc",
            "ora.example",
            1530),
        row("jdbc:oracle:oci:@tnsalias", "oracle.db", "tnsalias", null, -1),
        // SQL Server
        row(
            "jdbc:sqlserver://sql.example:1434;databaseName=app;user=sa;password=secret",
            "microsoft.sql_server",
            "app",
            "sql.example",
            1434),
        row(
            "jdbc:sqlserver://sql.example\\SQLEXPRESS;database=app",
            "microsoft.sql_server",
            "SQLEXPRESS|app",
            "sql.example",
            1433),
        row(
            "jdbc:sqlserver://;serverName=sql.example;portNumber=1500;databaseName=app",
            "microsoft.sql_server",
            "app",
            "sql.example",
            1500),
        row(
            "jdbc:jtds:sqlserver://sql.example:1433/app",
            "microsoft.sql_server",
            "app",
            "sql.example",
            1433),
        // others and wrappers
        row(
            "jdbc:db2://db2.example:50001/SAMPLE:user=u;password=p;",
            "ibm.db2",
            "SAMPLE",
            "db2.example",
            50001),
        row(
            "jdbc:clickhouse://ch.example/analytics",
            "clickhouse",
            "analytics",
            "ch.example",
            8123),
        row("jdbc:p6spy:mysql://mysql.internal/app", "mysql", "app", "mysql.internal", 3306),
        row("jdbc:otel:postgresql://pg.internal/app", "postgresql", "app", "pg.internal", 5432),
        row("jdbc:somedb://some.example:1234/things", "other_sql", "things", "some.example", 1234),
        row("jdbc:weird", "other_sql", null, null, -1),
        row("not a jdbc url", "other_sql", null, null, -1),
        row(null, "other_sql", null, null, -1));
  }

  private static Arguments row(
      String url, String system, String namespace, String address, int port) {
    return Arguments.of(url, new JdbcConnectionInfo(system, namespace, address, port));
  }

  @ParameterizedTest
  @MethodSource("urls")
  void readsTheUrl(String url, JdbcConnectionInfo expected) {
    assertThat(JdbcUrlParser.parse(url)).isEqualTo(expected);
  }

  @ParameterizedTest
  @MethodSource("urls")
  void neverReturnsCredentials(String url, JdbcConnectionInfo ignored) {
    JdbcConnectionInfo info = JdbcUrlParser.parse(url);
    assertThat(String.valueOf(info.namespace()) + info.serverAddress())
        .doesNotContain("secret")
        .doesNotContain("tiger")
        .doesNotContain("password");
  }
}
