package io.otelite.tooling;

import io.opentelemetry.context.Context;

/**
 * Where the agent's own OpenTelemetry classes live. In the agent jar they are relocated to {@code
 * io.otelite.shaded.io.opentelemetry} (agent/pom.xml), which leaves {@code io.opentelemetry} to the
 * application's copy; in-process tests run them under their original name.
 *
 * <p>The names are derived from a loaded class, never written as literals: the shade step rewrites
 * every string constant that starts with the original package, so a literal would silently become
 * the relocated name.
 */
public final class OpenTelemetryRelocation {
  private static final String SHADED_ROOT = "io.otelite.shaded.";
  private static final String CONTEXT_CLASS_IN_PACKAGE = "context.Context";

  /**
   * {@code io.otelite.shaded.io.opentelemetry.} in the agent jar, {@code io.opentelemetry.} in
   * tests.
   */
  public static final String AGENT_PACKAGE_PREFIX = agentPackagePrefix();

  /**
   * Whether the agent's classes carry the relocated name, that is: whether this runs from the agent
   * jar.
   */
  public static final boolean ACTIVE = AGENT_PACKAGE_PREFIX.startsWith(SHADED_ROOT);

  /** {@code io.opentelemetry.}: the name the application and extension jars use. */
  public static final String ORIGINAL_PACKAGE_PREFIX =
      ACTIVE ? AGENT_PACKAGE_PREFIX.substring(SHADED_ROOT.length()) : AGENT_PACKAGE_PREFIX;

  private static final String ORIGINAL_PATH_PREFIX = ORIGINAL_PACKAGE_PREFIX.replace('.', '/');
  // the application's annotations (@WithSpan) keep their name in the agent jar too
  private static final String ANNOTATIONS_PATH_PREFIX =
      ORIGINAL_PATH_PREFIX + "instrumentation/annotations/";
  private static final String SHADED_PATH_ROOT = SHADED_ROOT.replace('.', '/');

  private OpenTelemetryRelocation() {}

  /**
   * The name the agent jar gives to {@code internalName} (slash-separated, as in class files): an
   * {@code io/opentelemetry/} type becomes the relocated one; every other name stays.
   */
  public static String relocatedInternalName(String internalName) {
    if (ACTIVE
        && internalName.startsWith(ORIGINAL_PATH_PREFIX)
        && !internalName.startsWith(ANNOTATIONS_PATH_PREFIX)) {
      return SHADED_PATH_ROOT + internalName;
    }
    return internalName;
  }

  /**
   * The inverse for resource names: the original name of a relocated {@code META-INF/services/}
   * file, or null.
   */
  public static String originalServiceFile(String resourceName) {
    String servicesPrefix = "META-INF/services/" + SHADED_ROOT;
    if (ACTIVE && resourceName.startsWith(servicesPrefix + ORIGINAL_PACKAGE_PREFIX)) {
      return "META-INF/services/" + resourceName.substring(servicesPrefix.length());
    }
    return null;
  }

  private static String agentPackagePrefix() {
    String contextClass = Context.class.getName();
    return contextClass.substring(0, contextClass.length() - CONTEXT_CLASS_IN_PACKAGE.length());
  }
}
