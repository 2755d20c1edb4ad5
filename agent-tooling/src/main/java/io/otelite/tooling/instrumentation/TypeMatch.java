package io.otelite.tooling.instrumentation;

import io.otelite.instrumentation.api.TypeInstrumentation;
import java.security.ProtectionDomain;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.utility.JavaModule;

/**
 * Decides whether a class is transformed, cheapest test first: the name filter (no class file
 * parsed), then whether the class loader has the library at all (cached per loader), and only then
 * the type matcher, which may walk the class hierarchy.
 */
final class TypeMatch implements AgentBuilder.RawMatcher {
  private final TypeInstrumentation typeInstrumentation;
  private final LibraryPresence libraryPresence;

  TypeMatch(TypeInstrumentation typeInstrumentation, LibraryPresence libraryPresence) {
    this.typeInstrumentation = typeInstrumentation;
    this.libraryPresence = libraryPresence;
  }

  @Override
  public boolean matches(
      TypeDescription type,
      ClassLoader classLoader,
      JavaModule module,
      Class<?> classBeingRedefined,
      ProtectionDomain protectionDomain) {
    return typeInstrumentation.mayMatchName(type.getName())
        && libraryPresence.isPresentIn(classLoader)
        && typeInstrumentation.typeMatcher().matches(type);
  }
}
