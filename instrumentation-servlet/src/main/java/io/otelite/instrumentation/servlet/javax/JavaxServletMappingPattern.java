package io.otelite.instrumentation.servlet.javax;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import javax.servlet.http.HttpServletRequest;

/**
 * {@code request.getHttpServletMapping().getPattern()} of Servlet 4.0, reached without compiling
 * against 4.0 so that the module also runs on 3.0 and 3.1 containers. The method handle is looked
 * up once per application class loader (each has its own copy of this class) and costs about a
 * plain interface call afterwards.
 */
final class JavaxServletMappingPattern {
  /** {@code (HttpServletRequest) -> String}, or {@code null} on a Servlet 3.x container. */
  private static final MethodHandle GET_PATTERN = lookUp();

  private JavaxServletMappingPattern() {}

  /** The pattern of the mapping that matched, or {@code null} when the container cannot tell. */
  static String of(HttpServletRequest request) {
    if (GET_PATTERN == null) {
      return null;
    }
    try {
      return (String) GET_PATTERN.invokeExact(request);
    } catch (Throwable noMapping) {
      return null; // e.g. a request wrapper that returns no mapping
    }
  }

  private static MethodHandle lookUp() {
    try {
      Class<?> mappingType =
          Class.forName(
              "javax.servlet.http.HttpServletMapping",
              false,
              HttpServletRequest.class.getClassLoader());
      MethodHandles.Lookup lookup = MethodHandles.publicLookup();
      MethodHandle getMapping =
          lookup.findVirtual(
              HttpServletRequest.class,
              "getHttpServletMapping",
              MethodType.methodType(mappingType));
      MethodHandle getPattern =
          lookup.findVirtual(mappingType, "getPattern", MethodType.methodType(String.class));
      return MethodHandles.filterReturnValue(getMapping, getPattern);
    } catch (ReflectiveOperationException | LinkageError servlet3) {
      return null;
    }
  }
}
