package io.otelite.tooling.weaving;

import static io.otelite.tooling.weaving.StackValues.frameType;
import static io.otelite.tooling.weaving.StackValues.isReference;
import static io.otelite.tooling.weaving.StackValues.pushDefault;

import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/**
 * An advice class as its module class loader defines it: made harmless in its own bytecode.
 *
 * <p>Each enter and exit method catches whatever it throws, reports it to {@code AdviceFailures}
 * and returns its default value (null, zero, false), so failing advice leaves the instrumented
 * method as it is without the agent. Advice whose result replaces one value (the returned value or
 * an argument) gains a companion, {@link AdviceMethod#orCurrentName()}, that takes the current
 * value last and returns it where the advice returned its default: Byte Buddy's rule, which also
 * makes a failing advice change nothing. So every woven call site links straight to one static
 * method, and linking spins no method handle combinators.
 */
public final class HarmlessAdvice {
  private static final String THROWABLE = "java/lang/Throwable";
  private static final String FAILURES = "io/otelite/bootstrap/AdviceFailures";

  private HarmlessAdvice() {}

  /**
   * The advice class's bytes with its advice methods guarded and the companions added; throws where
   * the class is not advice otelite can weave (the weaver refuses it as well).
   */
  public static byte[] rewrite(String className, byte[] classFile) {
    AdviceClass advice = AdviceClass.read(className, classFile);
    List<AdviceMethod> methods = new ArrayList<>(2);
    if (advice.enter != null) {
      methods.add(advice.enter);
    }
    if (advice.exit != null) {
      methods.add(advice.exit);
    }
    ClassReader reader = new ClassReader(classFile);
    boolean withFrames = reader.readUnsignedShort(6) >= Opcodes.V1_6;
    ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
    String internalName = reader.getClassName();
    reader.accept(
        new ClassVisitor(Opcodes.ASM9, writer) {
          @Override
          public MethodVisitor visitMethod(
              int access, String name, String descriptor, String signature, String[] exceptions) {
            MethodVisitor method =
                super.visitMethod(access, name, descriptor, signature, exceptions);
            for (AdviceMethod advice : methods) {
              if (advice.name.equals(name) && advice.descriptor.equals(descriptor)) {
                return new CatchingEverything(method, descriptor, withFrames);
              }
            }
            return method;
          }

          @Override
          public void visitEnd() {
            for (AdviceMethod advice : methods) {
              if (advice.assignsOneValue()) {
                writeOrCurrent(cv, internalName, advice, withFrames);
              }
            }
            super.visitEnd();
          }
        },
        0);
    return writer.toByteArray();
  }

  /** Wraps a static method's whole body in a handler that reports and returns the default. */
  private static final class CatchingEverything extends MethodVisitor {
    private final Type returnType;
    private final boolean withFrames;
    private final Label start = new Label();

    CatchingEverything(MethodVisitor out, String descriptor, boolean withFrames) {
      super(Opcodes.ASM9, out);
      this.returnType = Type.getReturnType(descriptor);
      this.withFrames = withFrames;
    }

    @Override
    public void visitCode() {
      super.visitCode();
      super.visitLabel(start);
    }

    @Override
    public void visitMaxs(int maxStack, int maxLocals) {
      Label end = new Label();
      Label handler = new Label();
      super.visitLabel(end);
      super.visitLabel(handler);
      if (withFrames) {
        // no locals: the handler reads none, and the body's own frames may have dropped some
        super.visitFrame(Opcodes.F_FULL, 0, new Object[0], 1, new Object[] {THROWABLE});
      }
      super.visitMethodInsn(
          Opcodes.INVOKESTATIC, FAILURES, "onAdviceFailure", "(Ljava/lang/Throwable;)V", false);
      if (returnType.getSort() != Type.VOID) {
        pushDefault(mv, returnType);
      }
      super.visitInsn(returnType.getOpcode(Opcodes.IRETURN));
      // last in the exception table, so the advice's own handlers still come first
      super.visitTryCatchBlock(start, end, handler, THROWABLE);
      super.visitMaxs(maxStack, maxLocals);
    }
  }

  /**
   * {@code static C name$orCurrent(advice's parameters..., C current)}, C being the advice's return
   * type if primitive and {@code Object} otherwise: the advice's result unless that is its default.
   */
  private static void writeOrCurrent(
      ClassVisitor out, String internalName, AdviceMethod advice, boolean withFrames) {
    Type result = advice.returnType;
    String descriptor = advice.orCurrentDescriptor();
    Type current = Type.getReturnType(descriptor);
    Type[] parameters = Type.getArgumentTypes(descriptor);
    MethodVisitor code =
        out.visitMethod(
            Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC,
            advice.orCurrentName(),
            descriptor,
            null,
            null);
    code.visitCode();
    int slot = 0;
    for (int i = 0; i < parameters.length - 1; i++) { // the advice's own, without the current value
      code.visitVarInsn(parameters[i].getOpcode(Opcodes.ILOAD), slot);
      slot += parameters[i].getSize();
    }
    code.visitMethodInsn(Opcodes.INVOKESTATIC, internalName, advice.name, advice.descriptor, false);
    code.visitInsn(result.getSize() == 2 ? Opcodes.DUP2 : Opcodes.DUP);
    Label keepCurrent = new Label();
    jumpIfDefault(code, result, keepCurrent);
    code.visitInsn(result.getOpcode(Opcodes.IRETURN));
    code.visitLabel(keepCurrent);
    if (withFrames) {
      Object[] locals = frameTypes(parameters);
      code.visitFrame(Opcodes.F_FULL, locals.length, locals, 1, new Object[] {frameType(result)});
    }
    code.visitInsn(result.getSize() == 2 ? Opcodes.POP2 : Opcodes.POP);
    code.visitVarInsn(current.getOpcode(Opcodes.ILOAD), slot);
    code.visitInsn(current.getOpcode(Opcodes.IRETURN));
    code.visitMaxs(0, 0);
    code.visitEnd();
  }

  /** The type of the current value an {@code $orCurrent} companion takes and returns. */
  static Type orCurrentValueType(Type adviceResult) {
    return isReference(adviceResult) ? Type.getType(Object.class) : adviceResult;
  }

  /** Consumes the value on the stack; jumps where it is null, zero (either sign) or false. */
  private static void jumpIfDefault(MethodVisitor code, Type type, Label target) {
    switch (type.getSort()) {
      case Type.OBJECT:
      case Type.ARRAY:
        code.visitJumpInsn(Opcodes.IFNULL, target);
        return;
      case Type.LONG:
        code.visitInsn(Opcodes.LCONST_0);
        code.visitInsn(Opcodes.LCMP);
        break;
      case Type.FLOAT:
        code.visitInsn(Opcodes.FCONST_0);
        code.visitInsn(Opcodes.FCMPL);
        break;
      case Type.DOUBLE:
        code.visitInsn(Opcodes.DCONST_0);
        code.visitInsn(Opcodes.DCMPL);
        break;
      default:
        break;
    }
    code.visitJumpInsn(Opcodes.IFEQ, target);
  }

  private static Object[] frameTypes(Type[] types) {
    Object[] frame = new Object[types.length];
    for (int i = 0; i < types.length; i++) {
      frame[i] = frameType(types[i]);
    }
    return frame;
  }
}
