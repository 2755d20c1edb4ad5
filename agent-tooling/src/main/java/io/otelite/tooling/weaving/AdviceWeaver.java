package io.otelite.tooling.weaving;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.pool.TypePool;

/**
 * Weaves a class's advice straight with ASM: the class file is read once to learn how many locals
 * each advised method has, and once to write it with the advice calls; every method left alone is
 * copied as it is.
 *
 * <p>Why not Byte Buddy's {@code Advice}: it loaded some 190 classes of its own and a type
 * description of every advice class for each class woven, and the JIT compiled all of that at
 * start-up, for the one kind of advice otelite uses: static methods called by {@code
 * invokedynamic}.
 *
 * <p>A class file older than Java 7 is raised to version 51 to hold {@code invokedynamic}; as Java
 * 7 requires stack map frames that old files may lack, its frames are computed anew, with the class
 * hierarchy read from the type pool, never by loading a class.
 */
public final class AdviceWeaver {
  private AdviceWeaver() {}

  public static byte[] weave(
      byte[] classFile, TypeDescription type, WeavingPlan plan, TypePool typePool) {
    ClassReader reader = new ClassReader(classFile);
    Map<String, Integer> ownLocals = ownLocals(reader, plan);
    boolean upgrade = reader.readUnsignedShort(6) < Opcodes.V1_7;
    ClassWriter writer = upgrade ? new PooledFrameWriter(typePool) : new ClassWriter(reader, 0);
    reader.accept(
        new ClassVisitor(Opcodes.ASM9, writer) {
          @Override
          public void visit(
              int version,
              int access,
              String name,
              String signature,
              String superName,
              String[] interfaces) {
            super.visit(
                upgrade ? Opcodes.V1_7 : version, access, name, signature, superName, interfaces);
          }

          @Override
          public MethodVisitor visitMethod(
              int access, String name, String descriptor, String signature, String[] exceptions) {
            MethodVisitor out = super.visitMethod(access, name, descriptor, signature, exceptions);
            List<AdviceClass> advice = plan.adviceFor(name, descriptor);
            Integer locals = ownLocals.get(name + descriptor);
            if (advice == null || locals == null || out == null) {
              return out;
            }
            return new WovenMethod(out, type, access, name, descriptor, advice, locals);
          }
        },
        upgrade ? ClassReader.SKIP_FRAMES : ClassReader.EXPAND_FRAMES);
    return writer.toByteArray();
  }

  /** The advised methods' own local variable counts: woven locals go above them. */
  private static Map<String, Integer> ownLocals(ClassReader reader, WeavingPlan plan) {
    Map<String, Integer> ownLocals = new HashMap<>();
    reader.accept(
        new ClassVisitor(Opcodes.ASM9) {
          @Override
          public MethodVisitor visitMethod(
              int access, String name, String descriptor, String signature, String[] exceptions) {
            if (plan.adviceFor(name, descriptor) == null) {
              return null;
            }
            return new MethodVisitor(Opcodes.ASM9) {
              @Override
              public void visitMaxs(int maxStack, int maxLocals) {
                ownLocals.put(name + descriptor, maxLocals);
              }
            };
          }
        },
        ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
    return ownLocals;
  }

  /** Computes frames with the class hierarchy described by the type pool. */
  private static final class PooledFrameWriter extends ClassWriter {
    private final TypePool typePool;

    PooledFrameWriter(TypePool typePool) {
      super(ClassWriter.COMPUTE_FRAMES);
      this.typePool = typePool;
    }

    @Override
    protected String getCommonSuperClass(String first, String second) {
      TypeDescription one = describe(first);
      TypeDescription other = describe(second);
      if (one.isAssignableFrom(other)) {
        return first;
      }
      if (other.isAssignableFrom(one)) {
        return second;
      }
      if (one.isInterface() || other.isInterface()) {
        return "java/lang/Object";
      }
      do {
        one = one.getSuperClass().asErasure();
      } while (!one.isAssignableFrom(other));
      return one.getInternalName();
    }

    private TypeDescription describe(String internalName) {
      return typePool.describe(internalName.replace('/', '.')).resolve();
    }
  }
}
