package io.otelite.tooling.instrumentation;

import io.otelite.instrumentation.api.TypeInstrumentation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Lets through only the classes being loaded that some instrumentation may match, decided from the
 * name, the class loader, the class file header and, where an instrumentation names one, a text its
 * class file must contain. Every other class (nearly all of them) costs a few string comparisons
 * instead of Byte Buddy's type description and matching, which made up most of the agent's start-up
 * time.
 */
final class CandidateFilter {
  private final IgnoredTypes ignoredTypes;
  private final List<Candidate> candidates = new ArrayList<>();
  private final SuperTypeIndex superTypes = new SuperTypeIndex();

  CandidateFilter(IgnoredTypes ignoredTypes) {
    this.ignoredTypes = ignoredTypes;
  }

  void add(TypeInstrumentation instrumentation, TypeMatch match) {
    candidates.add(new Candidate(instrumentation, match));
  }

  /** {@code name} and {@code internalName}: the class's name with dots and with slashes. */
  boolean mayTransform(ClassLoader loader, String name, String internalName, byte[] classFile) {
    if (ignoredTypes.ignores(name, loader)) {
      return false;
    }
    for (Candidate candidate : candidates) {
      if (candidate.mayMatch(loader, name, internalName, classFile)) {
        return true;
      }
    }
    return false;
  }

  private final class Candidate {
    private final TypeMatch match;
    private final Set<String> requiredSuperTypes = new HashSet<>();
    private final byte[] requiredText;

    Candidate(TypeInstrumentation instrumentation, TypeMatch match) {
      this.match = match;
      for (String type : instrumentation.requiredSuperTypes()) {
        requiredSuperTypes.add(type.replace('.', '/'));
      }
      String text = instrumentation.requiredClassFileText();
      requiredText = text == null ? null : text.getBytes(StandardCharsets.US_ASCII);
    }

    boolean mayMatch(ClassLoader loader, String name, String internalName, byte[] classFile) {
      return match.mayMatch(name, loader)
          && (requiredText == null || contains(classFile, requiredText))
          && (requiredSuperTypes.isEmpty()
              || superTypes.mayHaveSuperType(loader, internalName, classFile, requiredSuperTypes));
    }
  }

  /**
   * A plain search: class files are small, and this runs only where the name and library filters
   * passed.
   */
  static boolean contains(byte[] classFile, byte[] text) {
    if (classFile == null) {
      return true;
    }
    byte first = text[0];
    int last = classFile.length - text.length;
    outer:
    for (int i = 0; i <= last; i++) {
      if (classFile[i] != first) {
        continue;
      }
      for (int j = 1; j < text.length; j++) {
        if (classFile[i + j] != text[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
