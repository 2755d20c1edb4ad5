package io.otelite.tooling.instrumentation;

import io.otelite.instrumentation.api.WeakIdentityMap;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.bytebuddy.jar.asm.ClassReader;

/**
 * Answers "is one of these types among the super types of that class?" from class file headers only
 * (the super class and interface names), each header read once per class loader and remembered; the
 * JDK's own ({@code java.*}) once for all class loaders.
 *
 * <p>Why not Byte Buddy's type pool: it parses a whole class file (every method) to describe a
 * type, and did so again for the same super types on every class load; for an application loading
 * thousands of classes that parsing, and compiling the code that does it, was most of the agent's
 * start-up cost.
 */
final class SuperTypeIndex {
  private static final String[] NONE = new String[0];

  /** A type whose class file cannot be read: its super types are unknown, so it may match. */
  private static final String[] UNREADABLE = new String[0];

  /**
   * Lock-free: this runs inside class loading, often on a virtual thread, where blocking on a
   * monitor (or reading a class file while holding one) pins the carrier thread. Two threads may
   * read the same header at once; both get the same answer.
   */
  private final WeakIdentityMap<ClassLoader, Map<String, String[]>> directSuperTypesByLoader =
      new WeakIdentityMap<>();

  private final Map<String, String[]> bootstrapDirectSuperTypes = new ConcurrentHashMap<>();

  /**
   * Whether the class, given by its internal name and class file, has one of {@code wanted}
   * (internal names) among its super types. Answers {@code true} whenever the hierarchy cannot be
   * read: the exact matcher decides then.
   */
  boolean mayHaveSuperType(
      ClassLoader loader, String internalName, byte[] classFile, Set<String> wanted) {
    String[] direct = directSuperTypes(classFile);
    if (direct == UNREADABLE) {
      return true;
    }
    Map<String, String[]> known = knownTo(loader);
    known.put(internalName, direct);
    return reaches(known, loader, direct, wanted);
  }

  private Map<String, String[]> knownTo(ClassLoader loader) {
    if (loader == null) {
      return bootstrapDirectSuperTypes;
    }
    Map<String, String[]> known = directSuperTypesByLoader.get(loader);
    if (known == null) {
      // a race makes a second map, and the loser's few entries are read again later
      known = new ConcurrentHashMap<>();
      directSuperTypesByLoader.put(loader, known);
    }
    return known;
  }

  private boolean reaches(
      Map<String, String[]> known, ClassLoader loader, String[] start, Set<String> wanted) {
    ArrayDeque<String> pending = new ArrayDeque<>();
    Collections.addAll(pending, start);
    Set<String> seen = new HashSet<>();
    while (!pending.isEmpty()) {
      String type = pending.pop();
      if (wanted.contains(type)) {
        return true;
      }
      if (!seen.add(type)) {
        continue;
      }
      // java.* is the JDK's whatever the loader (no other may define it): read once for all loaders
      boolean jdkType = type.startsWith("java/");
      Map<String, String[]> cache = jdkType ? bootstrapDirectSuperTypes : known;
      String[] supers = cache.get(type);
      if (supers == null) {
        supers = directSuperTypes(ClassFiles.read(jdkType ? null : loader, type));
        cache.put(type, supers);
      }
      if (supers == UNREADABLE) {
        return true;
      }
      Collections.addAll(pending, supers);
    }
    return false;
  }

  private static String[] directSuperTypes(byte[] classFile) {
    if (classFile == null) {
      return UNREADABLE;
    }
    try {
      ClassReader header = new ClassReader(classFile);
      String superName = header.getSuperName();
      String[] interfaces = header.getInterfaces();
      if (superName == null) {
        return interfaces.length == 0 ? NONE : interfaces;
      }
      String[] direct = new String[interfaces.length + 1];
      direct[0] = superName;
      System.arraycopy(interfaces, 0, direct, 1, interfaces.length);
      return direct;
    } catch (RuntimeException unsupportedOrBroken) {
      return UNREADABLE;
    }
  }
}
