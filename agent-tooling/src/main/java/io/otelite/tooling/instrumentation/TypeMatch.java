package io.otelite.tooling.instrumentation;

import io.otelite.instrumentation.api.TypeInstrumentation;
import net.bytebuddy.description.type.TypeDescription;

/**
 * Decides whether a class is transformed, cheapest test first: the name filter (no class file
 * parsed), then whether the class loader has the library at all (cached per loader), and only then
 * the type matcher, which may walk the class hierarchy.
 */
final class TypeMatch {
  private final TypeInstrumentation typeInstrumentation;
  private final LibraryPresence libraryPresence;

  TypeMatch(TypeInstrumentation typeInstrumentation, LibraryPresence libraryPresence) {
    this.typeInstrumentation = typeInstrumentation;
    this.libraryPresence = libraryPresence;
  }

  /** The first two tests, which need no description of the class. */
  boolean mayMatch(String typeName, ClassLoader classLoader) {
    return typeInstrumentation.mayMatchName(typeName) && libraryPresence.isPresentIn(classLoader);
  }

  /** The last test, for a class that passed {@link #mayMatch}. */
  boolean typeMatches(TypeDescription type) {
    return typeInstrumentation.typeMatcher().matches(type);
  }

  boolean matches(TypeDescription type, ClassLoader classLoader) {
    return mayMatch(type.getName(), classLoader) && typeMatches(type);
  }
}
