package io.otelite.tooling.resource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Properties;
import java.util.function.UnaryOperator;

/**
 * {@code spring.application.name}, looked up where Spring Boot reads it and in Spring Boot's order
 * of precedence: a {@code --spring.application.name=} program argument, the system property, the
 * {@code SPRING_APPLICATION_NAME} environment variable, then the application configuration packaged
 * in the main jar ({@link ApplicationJar}). A value that is a placeholder ({@code ${...}}), which
 * only Spring can resolve, is not a name.
 */
final class SpringApplicationName {
  static final String KEY = "spring.application.name";
  private static final String ARGUMENT = "--" + KEY + "=";

  private SpringApplicationName() {}

  /**
   * @param javaCommand the JVM's {@code sun.java.command}: main class or jar, then the arguments
   * @param systemProperty reads a system property
   * @param environment reads an environment variable
   */
  static String find(
      String javaCommand,
      UnaryOperator<String> systemProperty,
      UnaryOperator<String> environment,
      ApplicationJar jar) {
    String name = fromCommand(javaCommand);
    if (name == null) {
      name = usable(systemProperty.apply(KEY));
    }
    if (name == null) {
      name = usable(environment.apply("SPRING_APPLICATION_NAME"));
    }
    if (name == null && jar != null) {
      name = jar.springApplicationName();
    }
    return name;
  }

  static String fromCommand(String javaCommand) {
    if (javaCommand == null) {
      return null;
    }
    for (String argument : javaCommand.split(" ")) {
      if (argument.startsWith(ARGUMENT)) {
        return usable(argument.substring(ARGUMENT.length()));
      }
    }
    return null;
  }

  static String fromProperties(InputStream in) throws IOException {
    Properties properties = new Properties();
    properties.load(in); // ISO 8859-1, as Spring Boot reads .properties by default
    return usable(properties.getProperty(KEY));
  }

  /**
   * The first {@code spring.application.name} of a YAML file (any document), written nested ({@code
   * spring:} / {@code application:} / {@code name:}), flat, or mixed. Block mappings only: this is
   * a key lookup, not a YAML parser (the agent carries none); flow mappings, anchors and multi-line
   * scalars are not read.
   */
  static String fromYaml(InputStream in) throws IOException {
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    Deque<Integer> indents = new ArrayDeque<>(); // the indent of each open key in paths
    Deque<String> paths = new ArrayDeque<>();
    String line;
    while ((line = reader.readLine()) != null) {
      String content = withoutComment(line);
      String trimmed = content.trim();
      if (trimmed.startsWith("---") || trimmed.startsWith("...")) {
        indents.clear();
        paths.clear();
        continue;
      }
      if (trimmed.isEmpty() || trimmed.startsWith("- ")) {
        continue;
      }
      int colon = keyEnd(trimmed);
      if (colon < 0) {
        continue;
      }
      int indent = content.indexOf(trimmed.charAt(0));
      while (!indents.isEmpty() && indents.peek() >= indent) {
        indents.pop();
        paths.pop();
      }
      String key = unquote(trimmed.substring(0, colon).trim());
      String path = paths.isEmpty() ? key : paths.peek() + '.' + key;
      String value = trimmed.substring(colon + 1).trim();
      if (value.isEmpty()) {
        indents.push(indent);
        paths.push(path);
      } else if (path.equals(KEY)) {
        String name = usable(unquote(value));
        if (name != null) {
          return name;
        }
      }
    }
    return null;
  }

  /** The index of the colon that ends a mapping key ({@code key:} or {@code key: value}), or -1. */
  private static int keyEnd(String trimmed) {
    char quote = trimmed.charAt(0) == '"' || trimmed.charAt(0) == '\'' ? trimmed.charAt(0) : 0;
    int from = quote == 0 ? 0 : Math.max(1, trimmed.indexOf(quote, 1));
    for (int i = trimmed.indexOf(':', from); i >= 0; i = trimmed.indexOf(':', i + 1)) {
      if (i == trimmed.length() - 1 || trimmed.charAt(i + 1) == ' ') {
        return i;
      }
    }
    return -1;
  }

  /** The line up to a comment: {@code #} at its start or after a space, outside quotes. */
  private static String withoutComment(String line) {
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '#' && (i == 0 || line.charAt(i - 1) == ' ' || line.charAt(i - 1) == '\t')) {
        return line.substring(0, i);
      }
    }
    return line;
  }

  private static String unquote(String value) {
    if (value.length() >= 2) {
      char first = value.charAt(0);
      if ((first == '"' || first == '\'') && value.charAt(value.length() - 1) == first) {
        return value.substring(1, value.length() - 1);
      }
    }
    return value;
  }

  private static String usable(String name) {
    if (name == null) {
      return null;
    }
    String trimmed = name.trim();
    return trimmed.isEmpty() || trimmed.contains("${") ? null : trimmed;
  }
}
