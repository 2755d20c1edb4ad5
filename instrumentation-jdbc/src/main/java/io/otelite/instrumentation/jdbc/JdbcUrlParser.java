package io.otelite.instrumentation.jdbc;

import io.otelite.instrumentation.api.db.DbSystemNames;
import java.util.Locale;
import java.util.Map;

/**
 * Reads {@code db.system.name}, {@code db.namespace}, {@code server.address} and {@code
 * server.port} from a JDBC URL, for the drivers' documented URL forms (PostgreSQL, MySQL, MariaDB,
 * H2, HSQLDB, Derby, SQLite, Oracle, SQL Server, Db2 and a generic {@code
 * jdbc:<system>://host:port/database} form for the rest). User names and passwords (in user-info,
 * in Oracle's {@code user/password@}, in properties) are skipped and never returned. The port is
 * the URL's, else the system's default port, as the OpenTelemetry Java agent reports it.
 */
public final class JdbcUrlParser {
  private static final String[] WRAPPER_PREFIXES = {"p6spy:", "log4jdbc:", "otel:"};

  /** How the rest of a URL reads after {@code jdbc:<scheme>:}, for one scheme. */
  @FunctionalInterface
  private interface UrlForm {
    JdbcConnectionInfo parse(String system, int defaultPort, String rest);
  }

  /** What a scheme says: the system, its default port (or -1) and how its URLs read. */
  private static final class Scheme {
    final String system;
    final int defaultPort;
    final UrlForm form;

    Scheme(String system, int defaultPort, UrlForm form) {
      this.system = system;
      this.defaultPort = defaultPort;
      this.form = form;
    }
  }

  private static final UrlForm HIERARCHICAL =
      (system, port, rest) -> hierarchical(system, rest, port, null);
  private static final UrlForm HIERARCHICAL_LOCALHOST =
      (system, port, rest) -> hierarchical(system, rest, port, "localhost");

  private static final Scheme UNKNOWN_SCHEME =
      new Scheme(DbSystemNames.OTHER_SQL, -1, HIERARCHICAL);

  /** Every known scheme, one row each. */
  private static final Map<String, Scheme> SCHEMES =
      Map.ofEntries(
          scheme("postgresql", DbSystemNames.POSTGRESQL, 5432, JdbcUrlParser::postgresql),
          scheme("mysql", DbSystemNames.MYSQL, 3306, HIERARCHICAL_LOCALHOST),
          scheme("mysql+srv", DbSystemNames.MYSQL, 3306, HIERARCHICAL_LOCALHOST),
          scheme("mariadb", DbSystemNames.MARIADB, 3306, HIERARCHICAL_LOCALHOST),
          scheme("h2", DbSystemNames.H2DATABASE, 9092, JdbcUrlParser::h2),
          // HSQLDB's default port depends on the kind of URL (hsql, hsqls, http, https)
          scheme("hsqldb", DbSystemNames.HSQLDB, -1, JdbcUrlParser::hsqldb),
          scheme("derby", DbSystemNames.DERBY, 1527, JdbcUrlParser::derby),
          scheme("sqlite", DbSystemNames.SQLITE, -1, JdbcUrlParser::sqlite),
          scheme("oracle", DbSystemNames.ORACLE_DB, 1521, JdbcUrlParser::oracle),
          scheme("sqlserver", DbSystemNames.MICROSOFT_SQL_SERVER, 1433, JdbcUrlParser::sqlServer),
          scheme("jtds", DbSystemNames.MICROSOFT_SQL_SERVER, 1433, HIERARCHICAL),
          scheme("db2", DbSystemNames.IBM_DB2, 50000, HIERARCHICAL),
          scheme("informix-sqli", DbSystemNames.IBM_INFORMIX, 9088, HIERARCHICAL),
          scheme("clickhouse", DbSystemNames.CLICKHOUSE, 8123, HIERARCHICAL),
          scheme("ch", DbSystemNames.CLICKHOUSE, 8123, HIERARCHICAL),
          scheme("redshift", DbSystemNames.AWS_REDSHIFT, 5439, HIERARCHICAL),
          scheme("sap", DbSystemNames.SAP_HANA, 30015, HIERARCHICAL),
          scheme("firebirdsql", DbSystemNames.FIREBIRDSQL, 3050, HIERARCHICAL),
          scheme("trino", DbSystemNames.TRINO, -1, HIERARCHICAL),
          scheme("teradata", DbSystemNames.TERADATA, 1025, HIERARCHICAL));

  private JdbcUrlParser() {}

  public static JdbcConnectionInfo parse(String url) {
    if (url == null) {
      return JdbcConnectionInfo.UNKNOWN;
    }
    String rest = url.trim();
    if (!startsWithIgnoreCase(rest, "jdbc:")) {
      return JdbcConnectionInfo.UNKNOWN;
    }
    rest = rest.substring("jdbc:".length());
    for (String wrapper : WRAPPER_PREFIXES) {
      if (startsWithIgnoreCase(rest, wrapper)) {
        rest = rest.substring(wrapper.length());
        if (startsWithIgnoreCase(rest, "jdbc:")) {
          rest = rest.substring("jdbc:".length());
        }
      }
    }
    int colon = rest.indexOf(':');
    String name = (colon < 0 ? rest : rest.substring(0, colon)).toLowerCase(Locale.ROOT);
    String afterScheme = colon < 0 ? "" : rest.substring(colon + 1);
    Scheme scheme = SCHEMES.getOrDefault(name, UNKNOWN_SCHEME);
    try {
      return scheme.form.parse(scheme.system, scheme.defaultPort, afterScheme);
    } catch (RuntimeException e) {
      // a URL form nobody foresaw: still name the system
      return new JdbcConnectionInfo(scheme.system, null, null, -1);
    }
  }

  private static Map.Entry<String, Scheme> scheme(
      String name, String system, int defaultPort, UrlForm form) {
    return Map.entry(name, new Scheme(system, defaultPort, form));
  }

  /** {@code jdbc:postgresql://host1:5432,host2/db?currentSchema=s}, {@code jdbc:postgresql:db}. */
  private static JdbcConnectionInfo postgresql(String system, int defaultPort, String rest) {
    if (!rest.startsWith("//")) {
      return new JdbcConnectionInfo(system, beforeAny(rest, "?"), "localhost", defaultPort);
    }
    JdbcConnectionInfo info = hierarchical(system, rest, defaultPort, "localhost");
    String schema = firstListItem(queryParameter(rest, "currentSchema"));
    if (schema == null) {
      return info;
    }
    // semconv: {database}|{schema}
    String namespace = info.namespace() == null ? schema : info.namespace() + "|" + schema;
    return new JdbcConnectionInfo(
        info.system(), namespace, info.serverAddress(), info.serverPort());
  }

  /**
   * {@code [subprotocol:]//[user[:password]@]host[:port][,host2...]/database[?|;params]}, the form
   * most drivers share. The first host names the server.
   */
  private static JdbcConnectionInfo hierarchical(
      String system, String rest, int defaultPort, String defaultHost) {
    int slashes = rest.indexOf("//");
    if (slashes < 0) {
      return new JdbcConnectionInfo(system, null, null, -1);
    }
    String afterSlashes = rest.substring(slashes + 2);
    int authorityEnd = indexOfAny(afterSlashes, "/?;");
    String authority = authorityEnd < 0 ? afterSlashes : afterSlashes.substring(0, authorityEnd);
    String path =
        authorityEnd >= 0 && afterSlashes.charAt(authorityEnd) == '/'
            ? beforeAny(afterSlashes.substring(authorityEnd + 1), "?;:&")
            : null;
    HostAndPort server = HostAndPort.parse(firstHost(withoutUserInfo(authority)));
    String host = server.host == null ? defaultHost : server.host;
    int port = server.port >= 0 ? server.port : (host == null ? -1 : defaultPort);
    return new JdbcConnectionInfo(system, path, host, port);
  }

  /**
   * {@code mem:name}, {@code file:path}, {@code path}, {@code tcp://host:port/path}, {@code
   * ssl://...}; options after {@code ;}.
   */
  private static JdbcConnectionInfo h2(String system, int defaultPort, String rest) {
    String location = beforeAny(rest, ";");
    if (startsWithIgnoreCase(location, "mem:")) {
      return new JdbcConnectionInfo(system, location.substring(4), null, -1);
    }
    if (startsWithIgnoreCase(location, "tcp:") || startsWithIgnoreCase(location, "ssl:")) {
      return server(system, location.substring(4), defaultPort);
    }
    if (startsWithIgnoreCase(location, "file:")) {
      location = location.substring(5);
    } else if (startsWithIgnoreCase(location, "zip:") || startsWithIgnoreCase(location, "nio:")) {
      location = location.substring(4);
    }
    return new JdbcConnectionInfo(system, location, null, -1);
  }

  /**
   * {@code mem:name}, {@code file:path}, {@code res:path}, {@code hsql://host:port/alias}, {@code
   * hsqls://}, {@code http(s)://}.
   */
  private static JdbcConnectionInfo hsqldb(String system, int noDefaultPort, String rest) {
    String location = beforeAny(rest, ";");
    int colon = location.indexOf(':');
    String kind = colon < 0 ? "" : location.substring(0, colon).toLowerCase(Locale.ROOT);
    String target = colon < 0 ? location : location.substring(colon + 1);
    switch (kind) {
      case "hsql":
        return server(system, target, 9001);
      case "hsqls":
        return server(system, target, 554);
      case "http":
        return server(system, target, 80);
      case "https":
        return server(system, target, 443);
      case "mem":
      case "file":
      case "res":
        return new JdbcConnectionInfo(system, target, null, -1);
      default:
        return new JdbcConnectionInfo(system, location, null, -1);
    }
  }

  /**
   * {@code memory:name}, {@code directory:path}, {@code path}, {@code //host:port/name}; options
   * after {@code ;}.
   */
  private static JdbcConnectionInfo derby(String system, int defaultPort, String rest) {
    String location = beforeAny(rest, ";");
    if (location.startsWith("//")) {
      return server(system, location, defaultPort);
    }
    int colon = location.indexOf(':');
    if (colon > 1) {
      // a subsubprotocol such as memory: or directory: (a one-letter prefix is a Windows drive)
      location = location.substring(colon + 1);
    }
    return new JdbcConnectionInfo(system, location, null, -1);
  }

  /** {@code path} or {@code :memory:}. */
  private static JdbcConnectionInfo sqlite(String system, int noDefaultPort, String rest) {
    String location = beforeAny(rest, "?");
    if (location.isEmpty() || location.startsWith(":memory:")) {
      return new JdbcConnectionInfo(system, null, null, -1);
    }
    return new JdbcConnectionInfo(system, location, null, -1);
  }

  /**
   * {@code thin:[user/password]@host:port:sid}, {@code thin:@//host:port/service}, {@code
   * thin:@(DESCRIPTION=(ADDRESS=(HOST=h)(PORT=p))(CONNECT_DATA=(SERVICE_NAME=s)))}, {@code
   * oci:@alias}.
   */
  private static JdbcConnectionInfo oracle(String system, int defaultPort, String rest) {
    int at = rest.lastIndexOf('@');
    if (at < 0) {
      return new JdbcConnectionInfo(system, null, null, -1);
    }
    String descriptor = beforeAny(rest.substring(at + 1), "?");
    if (descriptor.startsWith("(")) {
      String host = keyValue(descriptor, "HOST");
      int port = parsePort(keyValue(descriptor, "PORT"));
      String service = keyValue(descriptor, "SERVICE_NAME");
      if (service == null) {
        service = keyValue(descriptor, "SID");
      }
      return new JdbcConnectionInfo(
          system, service, host, host == null ? -1 : (port < 0 ? defaultPort : port));
    }
    if (descriptor.startsWith("//")) {
      descriptor = descriptor.substring(2);
    }
    int slash = descriptor.indexOf('/');
    String hostPort;
    String database;
    if (slash >= 0) {
      hostPort = descriptor.substring(0, slash);
      database = descriptor.substring(slash + 1);
    } else {
      // host:port:sid, or a TNS alias without any colon
      int firstColon = descriptor.indexOf(':');
      int lastColon = descriptor.lastIndexOf(':');
      if (firstColon < 0) {
        return new JdbcConnectionInfo(system, descriptor, null, -1);
      }
      if (firstColon != lastColon) {
        hostPort = descriptor.substring(0, lastColon);
        database = descriptor.substring(lastColon + 1);
      } else {
        hostPort = descriptor;
        database = null;
      }
    }
    HostAndPort server = HostAndPort.parse(hostPort);
    return new JdbcConnectionInfo(
        system,
        database,
        server.host,
        server.host == null ? -1 : (server.port < 0 ? defaultPort : server.port));
  }

  /**
   * {@code
   * //host[\instance][:port][;databaseName=db;instanceName=i;serverName=h;portNumber=p;...]}.
   */
  private static JdbcConnectionInfo sqlServer(String system, int defaultPort, String rest) {
    String afterSlashes = rest.startsWith("//") ? rest.substring(2) : rest;
    int semicolon = afterSlashes.indexOf(';');
    String hostPart = semicolon < 0 ? afterSlashes : afterSlashes.substring(0, semicolon);
    String properties = semicolon < 0 ? "" : afterSlashes.substring(semicolon);
    String instance = null;
    int backslash = hostPart.indexOf('\\');
    if (backslash >= 0) {
      int colon = hostPart.indexOf(':', backslash);
      instance =
          colon < 0 ? hostPart.substring(backslash + 1) : hostPart.substring(backslash + 1, colon);
      hostPart = hostPart.substring(0, backslash) + (colon < 0 ? "" : hostPart.substring(colon));
    }
    HostAndPort server = HostAndPort.parse(hostPart);
    String host = server.host != null ? server.host : property(properties, "serverName");
    int port = server.port >= 0 ? server.port : parsePort(property(properties, "portNumber"));
    if (port < 0) {
      port = parsePort(property(properties, "port"));
    }
    if (instance == null) {
      instance = property(properties, "instanceName");
    }
    String database = property(properties, "databaseName");
    if (database == null) {
      database = property(properties, "database");
    }
    // semconv: {instance}|{database}
    String namespace =
        instance == null ? database : (database == null ? instance : instance + "|" + database);
    if (host == null) {
      host = "localhost";
    }
    return new JdbcConnectionInfo(system, namespace, host, port < 0 ? defaultPort : port);
  }

  /** {@code //host[:port]/path} where the path (possibly with slashes) names the database. */
  private static JdbcConnectionInfo server(String system, String location, int defaultPort) {
    String afterSlashes = location.startsWith("//") ? location.substring(2) : location;
    int slash = afterSlashes.indexOf('/');
    String authority = slash < 0 ? afterSlashes : afterSlashes.substring(0, slash);
    String path = slash < 0 ? null : afterSlashes.substring(slash + 1);
    HostAndPort server = HostAndPort.parse(firstHost(withoutUserInfo(authority)));
    return new JdbcConnectionInfo(
        system,
        path,
        server.host,
        server.host == null ? -1 : (server.port < 0 ? defaultPort : server.port));
  }

  private static String withoutUserInfo(String authority) {
    int at = authority.lastIndexOf('@');
    return at < 0 ? authority : authority.substring(at + 1);
  }

  /**
   * The first of comma-separated hosts; commas inside parentheses belong to MySQL's {@code
   * (host=h,port=p)}.
   */
  private static String firstHost(String hosts) {
    int depth = 0;
    for (int i = 0; i < hosts.length(); i++) {
      char c = hosts.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == ',' && depth <= 0) {
        return hosts.substring(0, i);
      }
    }
    return hosts;
  }

  /** {@code value} of {@code key=value} in a parenthesized descriptor, case-insensitively. */
  private static String keyValue(String descriptor, String key) {
    String upper = descriptor.toUpperCase(Locale.ROOT);
    int from = 0;
    while (true) {
      int index = upper.indexOf(key, from);
      if (index < 0) {
        return null;
      }
      from = index + key.length();
      char before = index == 0 ? '(' : upper.charAt(index - 1);
      int equals = skipSpaces(upper, from);
      if ((before == '(' || before == ',' || before == ' ')
          && equals < upper.length()
          && upper.charAt(equals) == '=') {
        int start = skipSpaces(upper, equals + 1);
        int end = start;
        while (end < descriptor.length() && ")(,".indexOf(descriptor.charAt(end)) < 0) {
          end++;
        }
        String value = descriptor.substring(start, end).trim();
        return value.isEmpty() ? null : value;
      }
    }
  }

  private static int skipSpaces(String s, int i) {
    while (i < s.length() && s.charAt(i) == ' ') {
      i++;
    }
    return i;
  }

  /** {@code value} of {@code ;key=value} in SQL Server style properties, case-insensitively. */
  private static String property(String properties, String key) {
    int from = 0;
    while (from < properties.length()) {
      int semicolon = properties.indexOf(';', from);
      int end = semicolon < 0 ? properties.length() : semicolon;
      int equals = properties.indexOf('=', from);
      if (equals > from
          && equals < end
          && properties.substring(from, equals).trim().equalsIgnoreCase(key)) {
        String value = properties.substring(equals + 1, end).trim();
        return value.isEmpty() ? null : value;
      }
      from = end + 1;
    }
    return null;
  }

  private static String queryParameter(String url, String name) {
    int question = url.indexOf('?');
    if (question < 0) {
      return null;
    }
    String query = url.substring(question + 1);
    for (String pair : query.split("&")) {
      int equals = pair.indexOf('=');
      if (equals > 0 && pair.substring(0, equals).equalsIgnoreCase(name)) {
        String value = pair.substring(equals + 1);
        return value.isEmpty() ? null : value;
      }
    }
    return null;
  }

  private static String firstListItem(String list) {
    if (list == null) {
      return null;
    }
    String first = beforeAny(list, ",").trim();
    return first.isEmpty() ? null : first;
  }

  private static String beforeAny(String s, String stops) {
    int index = indexOfAny(s, stops);
    return index < 0 ? s : s.substring(0, index);
  }

  private static int indexOfAny(String s, String chars) {
    for (int i = 0; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }

  private static boolean startsWithIgnoreCase(String s, String prefix) {
    return s.regionMatches(true, 0, prefix, 0, prefix.length());
  }

  static int parsePort(String value) {
    if (value == null || value.isEmpty() || value.length() > 5) {
      return -1;
    }
    int port = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      port = port * 10 + (c - '0');
    }
    return port <= 65535 ? port : -1;
  }

  /**
   * One server: {@code host}, {@code host:port}, {@code [v6]:port}, MySQL's {@code (host=h,port=p)}
   * or {@code address=(host=h)(port=p)}.
   */
  private static final class HostAndPort {
    final String host;
    final int port;

    private HostAndPort(String host, int port) {
      this.host = host == null || host.isEmpty() ? null : host;
      this.port = port;
    }

    static HostAndPort parse(String server) {
      String s = server.trim();
      if (s.indexOf('(') >= 0) {
        return new HostAndPort(keyValue(s, "HOST"), parsePort(keyValue(s, "PORT")));
      }
      if (s.startsWith("[")) {
        int close = s.indexOf(']');
        if (close > 0) {
          String host = s.substring(1, close);
          int port =
              close + 1 < s.length() && s.charAt(close + 1) == ':'
                  ? parsePort(s.substring(close + 2))
                  : -1;
          return new HostAndPort(host, port);
        }
      }
      int colon = s.lastIndexOf(':');
      if (colon >= 0 && s.indexOf(':') == colon) {
        return new HostAndPort(s.substring(0, colon), parsePort(s.substring(colon + 1)));
      }
      // no port, or an IPv6 address without brackets
      return new HostAndPort(s, -1);
    }
  }
}
