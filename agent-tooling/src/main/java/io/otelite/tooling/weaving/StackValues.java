package io.otelite.tooling.weaving;

import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/** How a Java type is held on the operand stack and in stack map frames. */
final class StackValues {
  private StackValues() {}

  static boolean isReference(Type type) {
    return type.getSort() == Type.OBJECT || type.getSort() == Type.ARRAY;
  }

  /** The type's entry in a stack map frame. */
  static Object frameType(Type type) {
    switch (type.getSort()) {
      case Type.BOOLEAN:
      case Type.CHAR:
      case Type.BYTE:
      case Type.SHORT:
      case Type.INT:
        return Opcodes.INTEGER;
      case Type.FLOAT:
        return Opcodes.FLOAT;
      case Type.LONG:
        return Opcodes.LONG;
      case Type.DOUBLE:
        return Opcodes.DOUBLE;
      default:
        return type.getInternalName();
    }
  }

  /** Pushes null, zero or false: what advice that fails returns. */
  static void pushDefault(MethodVisitor out, Type type) {
    switch (type.getSort()) {
      case Type.LONG:
        out.visitInsn(Opcodes.LCONST_0);
        break;
      case Type.FLOAT:
        out.visitInsn(Opcodes.FCONST_0);
        break;
      case Type.DOUBLE:
        out.visitInsn(Opcodes.DCONST_0);
        break;
      case Type.OBJECT:
      case Type.ARRAY:
        out.visitInsn(Opcodes.ACONST_NULL);
        break;
      default:
        out.visitInsn(Opcodes.ICONST_0);
    }
  }
}
