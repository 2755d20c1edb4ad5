package io.otelite.tooling.weaving;

import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.jar.asm.AnnotationVisitor;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/**
 * An advice class's enter and exit methods, read from its class file with ASM: the advice is never
 * loaded to be woven (it is loaded, next to each instrumented class, only when first called).
 *
 * <p>The annotations are Byte Buddy's {@code @Advice} ones, so instrumentation modules read as they
 * would for Byte Buddy; the subset supported is what otelite's advice uses, always called through
 * {@code invokedynamic} and always suppressing its own failures. Anything else is refused with a
 * message naming the advice method, when the first class it applies to is woven.
 */
public final class AdviceClass {
  private static final String ON_ENTER = Type.getDescriptor(Advice.OnMethodEnter.class);
  private static final String ON_EXIT = Type.getDescriptor(Advice.OnMethodExit.class);
  private static final String TO_RETURNED =
      Type.getDescriptor(Advice.AssignReturned.ToReturned.class);
  private static final String TO_ARGUMENTS =
      Type.getDescriptor(Advice.AssignReturned.ToArguments.class);
  private static final String THIS = Type.getDescriptor(Advice.This.class);
  private static final String ARGUMENT = Type.getDescriptor(Advice.Argument.class);
  private static final String ALL_ARGUMENTS = Type.getDescriptor(Advice.AllArguments.class);
  private static final String ORIGIN = Type.getDescriptor(Advice.Origin.class);
  private static final String FIELD_VALUE = Type.getDescriptor(Advice.FieldValue.class);
  private static final String ENTER = Type.getDescriptor(Advice.Enter.class);
  private static final String RETURN = Type.getDescriptor(Advice.Return.class);
  private static final String THROWN = Type.getDescriptor(Advice.Thrown.class);
  private static final Type THROWABLE = Type.getType(Throwable.class);
  private static final Type ON_NON_DEFAULT_VALUE = Type.getType(Advice.OnNonDefaultValue.class);

  final String name;
  final AdviceMethod enter;
  final AdviceMethod exit;

  private AdviceClass(String name, AdviceMethod enter, AdviceMethod exit) {
    this.name = name;
    this.enter = enter;
    this.exit = exit;
  }

  @Override
  public String toString() {
    return name;
  }

  public static AdviceClass read(String className, byte[] classFile) {
    List<AdviceMethod> enters = new ArrayList<>(1);
    List<AdviceMethod> exits = new ArrayList<>(1);
    new ClassReader(classFile)
        .accept(
            new ClassVisitor(Opcodes.ASM9) {
              @Override
              public MethodVisitor visitMethod(
                  int access, String name, String descriptor, String signature, String[] e) {
                return new AdviceMethodReader(className, access, name, descriptor, enters, exits);
              }
            },
            ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
    if (enters.size() > 1 || exits.size() > 1 || enters.size() + exits.size() == 0) {
      throw new IllegalStateException(
          "advice " + className + " must have at most one enter and one exit method, and one");
    }
    return new AdviceClass(
        className, enters.isEmpty() ? null : enters.get(0), exits.isEmpty() ? null : exits.get(0));
  }

  /** Collects one method's annotations; adds it to enters or exits if it is advice. */
  private static final class AdviceMethodReader extends MethodVisitor {
    private final String className;
    private final int access;
    private final String name;
    private final String descriptor;
    private final List<AdviceMethod> enters;
    private final List<AdviceMethod> exits;
    private final Type[] parameterTypes;
    private final AdviceParameter[] parameters;
    private String kind;
    private boolean inline = true;
    private boolean suppressesThrowable;
    private boolean onThrowable;
    private boolean skipsOnNonDefault;
    private boolean assignsReturned;
    private final List<int[]> assignments = new ArrayList<>();

    AdviceMethodReader(
        String className,
        int access,
        String name,
        String descriptor,
        List<AdviceMethod> enters,
        List<AdviceMethod> exits) {
      super(Opcodes.ASM9);
      this.className = className;
      this.access = access;
      this.name = name;
      this.descriptor = descriptor;
      this.enters = enters;
      this.exits = exits;
      this.parameterTypes = Type.getArgumentTypes(descriptor);
      this.parameters = new AdviceParameter[parameterTypes.length];
    }

    @Override
    public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
      if (annotation.equals(ON_ENTER) || annotation.equals(ON_EXIT)) {
        kind = annotation;
        return new AnnotationVisitor(Opcodes.ASM9) {
          @Override
          public void visit(String attribute, Object value) {
            if (attribute.equals("inline")) {
              inline = (Boolean) value;
            } else if (attribute.equals("suppress")) {
              suppressesThrowable = THROWABLE.equals(value);
            } else if (attribute.equals("onThrowable")) {
              onThrowable = THROWABLE.equals(value);
            } else if (attribute.equals("skipOn") && ON_NON_DEFAULT_VALUE.equals(value)) {
              skipsOnNonDefault = true;
            } else {
              unsupported("@Advice attribute " + attribute);
            }
          }
        };
      }
      if (annotation.equals(TO_RETURNED)) {
        assignsReturned = true;
        return null;
      }
      if (annotation.equals(TO_ARGUMENTS)) {
        return new AnnotationVisitor(Opcodes.ASM9) {
          @Override
          public AnnotationVisitor visitArray(String attribute) {
            return new AnnotationVisitor(Opcodes.ASM9) {
              @Override
              public AnnotationVisitor visitAnnotation(String unnamed, String toArgument) {
                int[] assignment = {0, AdviceMethod.WHOLE_VALUE};
                assignments.add(assignment);
                return new AnnotationVisitor(Opcodes.ASM9) {
                  @Override
                  public void visit(String attribute, Object value) {
                    if (attribute.equals("value")) {
                      assignment[0] = (Integer) value;
                    } else if (attribute.equals("index")) {
                      assignment[1] = (Integer) value;
                    }
                  }
                };
              }
            };
          }
        };
      }
      return null;
    }

    @Override
    public AnnotationVisitor visitParameterAnnotation(
        int parameter, String annotation, boolean visible) {
      Type type = parameterTypes[parameter];
      AdviceParameter.Source source = sourceOf(annotation);
      if (source == null) {
        return null;
      }
      parameters[parameter] = new AdviceParameter(source, type, 0, "");
      return new AnnotationVisitor(Opcodes.ASM9) {
        @Override
        public void visit(String attribute, Object value) {
          AdviceParameter current = parameters[parameter];
          if (attribute.equals("value") && value instanceof Integer) {
            parameters[parameter] = new AdviceParameter(source, type, (Integer) value, "");
          } else if (attribute.equals("value") && value instanceof String) {
            parameters[parameter] = new AdviceParameter(source, type, 0, (String) value);
          } else if (!attribute.equals("typing")) {
            unsupported("@Advice parameter attribute " + attribute + " on " + current.source);
          }
        }

        @Override
        public void visitEnum(String attribute, String descriptor, String value) {
          if (!attribute.equals("typing")) {
            unsupported("@Advice parameter attribute " + attribute);
          }
        }
      };
    }

    private static AdviceParameter.Source sourceOf(String annotation) {
      if (annotation.equals(THIS)) {
        return AdviceParameter.Source.THIS;
      } else if (annotation.equals(ARGUMENT)) {
        return AdviceParameter.Source.ARGUMENT;
      } else if (annotation.equals(ALL_ARGUMENTS)) {
        return AdviceParameter.Source.ALL_ARGUMENTS;
      } else if (annotation.equals(ORIGIN)) {
        return AdviceParameter.Source.ORIGIN;
      } else if (annotation.equals(FIELD_VALUE)) {
        return AdviceParameter.Source.FIELD_VALUE;
      } else if (annotation.equals(ENTER)) {
        return AdviceParameter.Source.ENTER;
      } else if (annotation.equals(RETURN)) {
        return AdviceParameter.Source.RETURN;
      } else if (annotation.equals(THROWN)) {
        return AdviceParameter.Source.THROWN;
      }
      return null;
    }

    @Override
    public void visitEnd() {
      if (kind == null) {
        return;
      }
      if (inline || !suppressesThrowable || (access & Opcodes.ACC_STATIC) == 0) {
        unsupported("advice that is not static, inline = false and suppress = Throwable.class");
      }
      List<AdviceParameter> bound = new ArrayList<>(parameters.length);
      for (int i = 0; i < parameters.length; i++) {
        if (parameters[i] == null) {
          unsupported("parameter " + i + " without an @Advice annotation");
        }
        bound.add(parameters[i]);
      }
      int[] arguments = new int[assignments.size()];
      int[] indexes = new int[assignments.size()];
      for (int i = 0; i < arguments.length; i++) {
        arguments[i] = assignments.get(i)[0];
        indexes[i] = assignments.get(i)[1];
      }
      AdviceMethod method =
          new AdviceMethod(
              className,
              name,
              descriptor,
              onThrowable,
              skipsOnNonDefault,
              bound,
              assignsReturned,
              arguments,
              indexes);
      boolean isEnter = kind.equals(ON_ENTER);
      if (isEnter ? assignsReturned : method.assignsArguments() || skipsOnNonDefault) {
        unsupported(
            isEnter
                ? "assigning to the returned value on enter"
                : "assigning arguments or skipping on exit");
      }
      int sort = method.returnType.getSort();
      if (skipsOnNonDefault && (sort == Type.VOID || (sort > Type.INT && sort < Type.ARRAY))) {
        unsupported("skipOn with a return type other than boolean, int or a reference");
      }
      (isEnter ? enters : exits).add(method);
    }

    private void unsupported(String what) {
      throw new IllegalStateException(
          className + "." + name + descriptor + ": otelite's weaver does not support " + what);
    }
  }
}
