package io.otelite.instrumentation.api;

import java.util.Collections;
import java.util.List;

/**
 * One instrumented library (or family of library versions), discovered with {@link
 * java.util.ServiceLoader} and registered with {@code @AutoService(InstrumentationModule.class)}.
 *
 * <p>Users switch a module off with {@code OTEL_INSTRUMENTATION_<NAME>_ENABLED=false}; the names
 * follow the OpenTelemetry Java agent's where one exists.
 *
 * <p>Classes of the module's {@linkplain #helperPackage() helper package} (advice and everything
 * that names library types) are loaded, per application class loader, in a class loader that sees
 * both the application's classes and the agent's. The module class itself is loaded only in the
 * agent's class loader, so it must not name library types: advice is referred to by class name.
 */
public abstract class InstrumentationModule {
  private final String name;
  private final List<String> aliases;

  protected InstrumentationModule(String name, String... aliases) {
    this.name = name;
    this.aliases = List.of(aliases);
  }

  /** The name used in {@code otel.instrumentation.<name>.enabled}. */
  public final String name() {
    return name;
  }

  /** Further names that switch this module too, e.g. a family name such as {@code http-client}. */
  public final List<String> aliases() {
    return aliases;
  }

  /**
   * Classes that must all be present in a class loader for this module to apply there. Class
   * loaders without them are skipped before any type is examined, which keeps matching cheap.
   */
  public List<String> libraryMarkerClassNames() {
    return Collections.emptyList();
  }

  /** Whether the module is on when the user has not said otherwise. */
  public boolean defaultEnabled() {
    return true;
  }

  /** Package (with trailing dot) whose classes are loaded next to the application's classes. */
  public String helperPackage() {
    return getClass().getPackageName() + ".";
  }

  public abstract List<TypeInstrumentation> typeInstrumentations();
}
