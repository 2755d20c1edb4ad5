package io.otelite.instrumentation.api.db;

import io.opentelemetry.semconv.DbAttributes.DbSystemNameValues;
import java.util.Locale;

/**
 * Values of {@code db.system.name}. The stable semconv artifact names only the four stable ones;
 * the others are the registry's well-known values (development status in semantic conventions
 * 1.40), written once here.
 */
public final class DbSystemNames {
  public static final String POSTGRESQL = DbSystemNameValues.POSTGRESQL;
  public static final String MYSQL = DbSystemNameValues.MYSQL;
  public static final String MARIADB = DbSystemNameValues.MARIADB;
  public static final String MICROSOFT_SQL_SERVER = DbSystemNameValues.MICROSOFT_SQL_SERVER;
  public static final String H2DATABASE = "h2database";
  public static final String HSQLDB = "hsqldb";
  public static final String DERBY = "derby";
  public static final String SQLITE = "sqlite";
  public static final String ORACLE_DB = "oracle.db";
  public static final String IBM_DB2 = "ibm.db2";
  public static final String IBM_INFORMIX = "ibm.informix";
  public static final String CLICKHOUSE = "clickhouse";
  public static final String AWS_REDSHIFT = "aws.redshift";
  public static final String SAP_HANA = "sap.hana";
  public static final String FIREBIRDSQL = "firebirdsql";
  public static final String TRINO = "trino";
  public static final String TERADATA = "teradata";

  /** Some SQL database the instrumentation cannot name. */
  public static final String OTHER_SQL = "other_sql";

  private DbSystemNames() {}

  /**
   * The system for a {@code DatabaseMetaData.getDatabaseProductName()} value; the fallback when a
   * URL does not tell.
   */
  public static String fromProductName(String productName) {
    if (productName == null) {
      return OTHER_SQL;
    }
    String name = productName.toLowerCase(Locale.ROOT);
    if (name.contains("postgres")) {
      return POSTGRESQL;
    } else if (name.contains("mariadb")) {
      return MARIADB;
    } else if (name.contains("mysql")) {
      return MYSQL;
    } else if (name.equals("h2")) {
      return H2DATABASE;
    } else if (name.contains("hsql")) {
      return HSQLDB;
    } else if (name.contains("derby")) {
      return DERBY;
    } else if (name.contains("sqlite")) {
      return SQLITE;
    } else if (name.contains("oracle")) {
      return ORACLE_DB;
    } else if (name.contains("sql server")) {
      return MICROSOFT_SQL_SERVER;
    } else if (name.startsWith("db2")) {
      return IBM_DB2;
    } else if (name.contains("informix")) {
      return IBM_INFORMIX;
    } else if (name.contains("clickhouse")) {
      return CLICKHOUSE;
    } else if (name.contains("redshift")) {
      return AWS_REDSHIFT;
    } else if (name.contains("hana")) {
      return SAP_HANA;
    } else if (name.contains("firebird")) {
      return FIREBIRDSQL;
    } else if (name.contains("trino")) {
      return TRINO;
    } else if (name.contains("teradata")) {
      return TERADATA;
    }
    return OTHER_SQL;
  }
}
