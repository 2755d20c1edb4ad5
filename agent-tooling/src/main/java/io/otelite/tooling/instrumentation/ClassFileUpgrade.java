package io.otelite.tooling.instrumentation;

import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.field.FieldDescription;
import net.bytebuddy.description.field.FieldList;
import net.bytebuddy.description.method.MethodList;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.pool.TypePool;

/**
 * Raises a class file older than Java 7 to version 51 (Java 7), with its stack map frames computed
 * anew, so that it can hold the {@code invokedynamic} that calls indy advice. Libraries still built
 * for Java 6 (Apache HttpClient 4, Logback 1.2) are instrumented this way instead of being left
 * out. Java 7 class files must carry frames, which Java 6 ones may lack: hence the recomputation,
 * which Byte Buddy's class writer does against the type pool, never by loading classes.
 */
final class ClassFileUpgrade implements AsmVisitorWrapper {
  static final ClassFileUpgrade INSTANCE = new ClassFileUpgrade();

  private ClassFileUpgrade() {}

  @Override
  public int mergeWriter(int flags) {
    return flags | ClassWriter.COMPUTE_FRAMES;
  }

  @Override
  public int mergeReader(int flags) {
    return flags | ClassReader.SKIP_FRAMES;
  }

  @Override
  public ClassVisitor wrap(
      TypeDescription instrumentedType,
      ClassVisitor classVisitor,
      Implementation.Context implementationContext,
      TypePool typePool,
      FieldList<FieldDescription.InDefinedShape> fields,
      MethodList<?> methods,
      int writerFlags,
      int readerFlags) {
    return new ClassVisitor(Opcodes.ASM9, classVisitor) {
      @Override
      public void visit(
          int version,
          int access,
          String name,
          String signature,
          String superName,
          String[] interfaces) {
        int major = version & 0xFFFF;
        super.visit(
            major < Opcodes.V1_7 ? Opcodes.V1_7 : version,
            access,
            name,
            signature,
            superName,
            interfaces);
      }
    };
  }
}
