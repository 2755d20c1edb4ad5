package io.otelite.tooling.weaving;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelite.bootstrap.AdviceFailures;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.jar.asm.AnnotationVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An advice class as its module class loader defines it: its advice methods cannot throw, and a
 * value-replacing advice has a companion that keeps the current value where the advice returned its
 * default.
 */
class HarmlessAdviceTest {
  private final List<String> reported = new ArrayList<>();

  @BeforeEach
  void captureReports() {
    AdviceFailures.setReporter((where, error) -> reported.add(where + ": " + error.getMessage()));
  }

  @AfterEach
  void restoreReports() {
    AdviceFailures.setReporter(
        (where, error) -> System.err.println("advice failed in " + where + ": " + error));
  }

  @Test
  void whatAnAdviceMethodThrowsIsReportedAndItsDefaultReturned() throws Exception {
    Class<?> advice = harmless(ThrowingAdvice.class);

    assertThat(call(advice, "enter", "a")).isNull();
    assertThat(call(advice, "exit", 7L)).isEqualTo(0L);
    assertThat(reported)
        .containsExactly(
            ThrowingAdvice.class.getName() + ".enter: enter failed for a",
            ThrowingAdvice.class.getName() + ".exit: exit failed for 7");
  }

  @Test
  void theAdvicesOwnHandlersStillComeFirst() throws Exception {
    Class<?> advice = harmless(OwnHandlerAdvice.class);

    assertThat(call(advice, "enter", "a")).isEqualTo("recovered from a");
    assertThat(reported).isEmpty();
  }

  @Test
  void aReplacingAdvicesCompanionKeepsTheCurrentValueWhereTheAdviceReturnsItsDefault()
      throws Exception {
    Class<?> advice = harmless(ReplacingAdvice.class);

    assertThat(call(advice, "enter$orCurrent", "new", "current")).isEqualTo("new");
    assertThat(call(advice, "enter$orCurrent", "", "current")).isEqualTo("current");
    assertThat(call(advice, "enter$orCurrent", "fail", "current")).isEqualTo("current");
    assertThat(reported).hasSize(1);
  }

  @Test
  void forPrimitivesTheDefaultIsZeroOfEitherSign() throws Exception {
    Class<?> advice = harmless(ReplacingAdvice.class);

    assertThat(call(advice, "exit$orCurrent", 2.5, 1.0)).isEqualTo(2.5);
    assertThat(call(advice, "exit$orCurrent", 0.0, 1.0)).isEqualTo(1.0);
    assertThat(call(advice, "exit$orCurrent", -0.0, 1.0)).isEqualTo(1.0);
    assertThat((Double) call(advice, "exit$orCurrent", Double.NaN, 1.0)).isNaN();
    assertThat(call(advice, "exit$orCurrent", -1.0, 1.0)).isEqualTo(1.0); // it failed
  }

  @Test
  void anAdviceWhoseStackMapFramesDropADeadParameterStillVerifies() throws Exception {
    // as ProGuard writes them: a frame after the parameter's last use no longer lists it
    Class<?> advice = harmless("example.ChoppedAdvice", choppedAdvice());

    assertThat(call(advice, "exit", false)).isNull();
    assertThat(call(advice, "exit", true)).isNull();
    assertThat(reported).containsExactly("example.ChoppedAdvice.exit: chopped");
  }

  public static final class ThrowingAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
    public static Object enter(@Advice.Argument(0) String argument) {
      throw new IllegalStateException("enter failed for " + argument);
    }

    @Advice.OnMethodExit(suppress = Throwable.class, inline = false)
    public static long exit(@Advice.Argument(0) long argument) {
      throw new IllegalStateException("exit failed for " + argument);
    }
  }

  public static final class OwnHandlerAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
    public static String enter(@Advice.Argument(0) String argument) {
      try {
        throw new IllegalStateException(argument);
      } catch (IllegalStateException e) {
        return "recovered from " + e.getMessage();
      }
    }
  }

  public static final class ReplacingAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
    @Advice.AssignReturned.ToArguments(@Advice.AssignReturned.ToArguments.ToArgument(0))
    public static String enter(@Advice.Argument(0) String replacement) {
      if (replacement.equals("fail")) {
        throw new IllegalStateException("failed");
      }
      return replacement.isEmpty() ? null : replacement;
    }

    @Advice.OnMethodExit(suppress = Throwable.class, inline = false)
    @Advice.AssignReturned.ToReturned
    public static double exit(@Advice.Return double replacement) {
      if (replacement < 0) {
        throw new IllegalStateException("failed");
      }
      return replacement;
    }
  }

  private static Object call(Class<?> advice, String name, Object... arguments)
      throws ReflectiveOperationException {
    for (Method method : advice.getMethods()) {
      if (method.getName().equals(name)) {
        return method.invoke(null, arguments);
      }
    }
    throw new NoSuchMethodException(name);
  }

  /**
   * {@code static void exit(@Advice.Argument(0) boolean fail)}, throwing where {@code fail} is
   * true, with the frame at its return dropping {@code fail}.
   */
  private static byte[] choppedAdvice() {
    ClassWriter writer = new ClassWriter(0);
    writer.visit(
        Opcodes.V11,
        Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL,
        "example/ChoppedAdvice",
        null,
        "java/lang/Object",
        null);
    MethodVisitor exit =
        writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "exit", "(Z)V", null, null);
    AnnotationVisitor onExit =
        exit.visitAnnotation(Type.getDescriptor(Advice.OnMethodExit.class), true);
    onExit.visit("inline", false);
    onExit.visit("suppress", Type.getType(Throwable.class));
    onExit.visitEnd();
    AnnotationVisitor argument =
        exit.visitParameterAnnotation(0, Type.getDescriptor(Advice.Argument.class), true);
    argument.visit("value", 0);
    argument.visitEnd();
    exit.visitCode();
    Label done = new Label();
    exit.visitVarInsn(Opcodes.ILOAD, 0);
    exit.visitJumpInsn(Opcodes.IFEQ, done);
    exit.visitTypeInsn(Opcodes.NEW, "java/lang/IllegalStateException");
    exit.visitInsn(Opcodes.DUP);
    exit.visitLdcInsn("chopped");
    exit.visitMethodInsn(
        Opcodes.INVOKESPECIAL,
        "java/lang/IllegalStateException",
        "<init>",
        "(Ljava/lang/String;)V",
        false);
    exit.visitInsn(Opcodes.ATHROW);
    exit.visitLabel(done);
    exit.visitFrame(Opcodes.F_CHOP, 1, null, 0, null);
    exit.visitInsn(Opcodes.RETURN);
    exit.visitMaxs(3, 1);
    exit.visitEnd();
    writer.visitEnd();
    return writer.toByteArray();
  }

  private static Class<?> harmless(Class<?> adviceClass) throws IOException {
    return harmless(adviceClass.getName(), classFile(adviceClass));
  }

  /** The advice class rewritten and defined by a class loader of its own. */
  private static Class<?> harmless(String name, byte[] classFile) {
    byte[] rewritten = HarmlessAdvice.rewrite(name, classFile);
    return new ClassLoader(HarmlessAdviceTest.class.getClassLoader()) {
      Class<?> define() {
        return defineClass(name, rewritten, 0, rewritten.length);
      }
    }.define();
  }

  private static byte[] classFile(Class<?> type) throws IOException {
    String resource = type.getName().replace('.', '/') + ".class";
    try (InputStream in = type.getClassLoader().getResourceAsStream(resource)) {
      return in.readAllBytes();
    }
  }
}
