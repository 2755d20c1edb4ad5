package io.otelite.instrumentation.annotations;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/**
 * The names javac keeps for a method's parameters when compiling with {@code -parameters}.
 * Reflection usually has them, but not for a class the agent retransformed after it was loaded
 * (runtime attach; the in-process test harness, where JUnit loads test fixtures before the harness
 * installs): there, on Java 17, the rewritten class no longer carries the {@code MethodParameters}
 * attribute and reflection answers {@code arg0}. So when reflection has no names, they are read
 * from the class file as it was compiled (once per method).
 */
final class ParameterNames {
  private ParameterNames() {}

  /** The names, or {@code null} where javac kept none. */
  static String[] of(Method method) {
    Parameter[] parameters = method.getParameters();
    String[] names = new String[parameters.length];
    boolean reflected = true;
    for (int i = 0; i < parameters.length; i++) {
      reflected &= parameters[i].isNamePresent();
      names[i] = parameters[i].getName();
    }
    return reflected ? names : fromClassFile(method);
  }

  private static String[] fromClassFile(Method method) {
    Class<?> type = method.getDeclaringClass();
    String resource = type.getName().replace('.', '/') + ".class";
    ClassLoader loader = type.getClassLoader();
    try (InputStream in =
        loader == null
            ? ClassLoader.getSystemResourceAsStream(resource)
            : loader.getResourceAsStream(resource)) {
      if (in == null) {
        return null;
      }
      List<String> names = new ArrayList<>();
      String descriptor = Type.getMethodDescriptor(method);
      new ClassReader(in.readAllBytes())
          .accept(
              new ClassVisitor(Opcodes.ASM9) {
                @Override
                public MethodVisitor visitMethod(
                    int access,
                    String name,
                    String methodDescriptor,
                    String signature,
                    String[] exceptions) {
                  if (!name.equals(method.getName()) || !methodDescriptor.equals(descriptor)) {
                    return null;
                  }
                  return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitParameter(String parameterName, int parameterAccess) {
                      names.add(parameterName);
                    }
                  };
                }
              },
              ClassReader.SKIP_CODE | ClassReader.SKIP_FRAMES);
      return names.size() == method.getParameterCount() ? names.toArray(new String[0]) : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
