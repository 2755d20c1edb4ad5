package io.otelite.tooling.weaving;

import static io.otelite.tooling.weaving.StackValues.frameType;
import static io.otelite.tooling.weaving.StackValues.isReference;
import static io.otelite.tooling.weaving.StackValues.pushDefault;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.bytebuddy.description.field.FieldDescription;
import net.bytebuddy.description.type.TypeDefinition;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.jar.asm.Handle;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/**
 * Weaves advice into one method as ASM visits it: the enter advice first, the exit advice before
 * every return and, for exit advice that wants exceptions too, in a handler around the whole
 * original body that calls it and rethrows. Each advice call is an {@code invokedynamic} linked by
 * {@code IndyBootstrap} to a static method of the advice class, which its module class loader made
 * harmless ({@link HarmlessAdvice}).
 *
 * <p>The values the exit advice needs (the enter advice's result, the arguments as they were on
 * entry) live in new local variables above the method's own, and every stack map frame of the
 * method is extended with them, so the verifier sees them everywhere, the exception handler
 * included. That is the only frame knowledge needed: the woven code never branches where the
 * method's own locals are unknown.
 */
final class WovenMethod extends MethodVisitor {
  private static final Handle BOOTSTRAP =
      new Handle(
          Opcodes.H_INVOKESTATIC,
          "io/otelite/bootstrap/IndyBootstrap",
          "bootstrap",
          "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;"
              + "[Ljava/lang/Object;)Ljava/lang/invoke/CallSite;",
          false);
  private static final String THROWABLE = "java/lang/Throwable";
  private static final Type OBJECT = Type.getType(Object.class);

  private enum Site {
    ENTER,
    RETURN,
    THROW
  }

  private final MethodVisitor out;
  private final TypeDescription type;
  private final String methodName;
  private final String methodDescriptor;
  private final boolean isStatic;
  private final boolean isConstructor;
  private final Type[] argumentTypes;
  private final int[] argumentSlots;
  private final Type returnType;
  private final List<AdviceClass> advice;
  private final int ownLocals;

  /** Our locals: each advice's enter value, then the copies of arguments exit advice reads. */
  private final int[] enterLocal;

  private final int[] argumentCopy;
  private final List<Object> ourFrameTypes = new ArrayList<>();
  private final int returnLocal;
  private final int thrownLocal;
  private final int maxLocals;
  private final int extraStack;
  private final boolean hasExit;
  private final boolean catchesThrowable;

  /** The ranges of original code the exception handler covers: between our exit blocks. */
  private final List<Label[]> guardedRanges = new ArrayList<>();

  private Label rangeStart;
  private boolean codeInRange;

  WovenMethod(
      MethodVisitor out,
      TypeDescription type,
      int access,
      String name,
      String descriptor,
      List<AdviceClass> advice,
      int ownLocals) {
    super(Opcodes.ASM9, out);
    this.out = out;
    this.type = type;
    this.methodName = name;
    this.methodDescriptor = descriptor;
    this.isStatic = (access & Opcodes.ACC_STATIC) != 0;
    this.isConstructor = name.equals("<init>");
    this.argumentTypes = Type.getArgumentTypes(descriptor);
    this.argumentSlots = new int[argumentTypes.length];
    int slot = isStatic ? 0 : 1;
    for (int i = 0; i < argumentTypes.length; i++) {
      argumentSlots[i] = slot;
      slot += argumentTypes[i].getSize();
    }
    this.returnType = Type.getReturnType(descriptor);
    this.advice = advice;
    this.ownLocals = ownLocals;

    int next = ownLocals;
    enterLocal = new int[advice.size()];
    boolean anyExit = false;
    boolean anyCatch = false;
    int widestCall = 0;
    for (int i = 0; i < advice.size(); i++) {
      AdviceMethod enter = advice.get(i).enter;
      enterLocal[i] = -1;
      if (enter != null && enter.returnsValue()) {
        enterLocal[i] = next;
        next += enter.returnType.getSize();
        ourFrameTypes.add(frameType(enter.returnType));
      }
      AdviceMethod exit = advice.get(i).exit;
      anyExit |= exit != null;
      anyCatch |= exit != null && exit.onThrowable;
      widestCall = Math.max(widestCall, callSize(enter));
      widestCall = Math.max(widestCall, callSize(exit));
    }
    argumentCopy = new int[argumentTypes.length];
    Arrays.fill(argumentCopy, -1);
    for (AdviceClass each : advice) {
      if (each.exit == null) {
        continue;
      }
      for (AdviceParameter parameter : each.exit.parameters) {
        if (parameter.source == AdviceParameter.Source.ARGUMENT) {
          int argument = checkedArgument(each.exit, parameter.argument);
          if (argumentCopy[argument] < 0) {
            argumentCopy[argument] = next;
            next += argumentTypes[argument].getSize();
            ourFrameTypes.add(frameType(argumentTypes[argument]));
          }
        }
      }
    }
    returnLocal = next;
    next += returnType.getSize();
    thrownLocal = next;
    next += 1;
    this.maxLocals = next;
    this.hasExit = anyExit;
    this.catchesThrowable = anyCatch;
    // the call's arguments on top of what the method had, plus the current value of a replaced one
    // (and its copy) or an array being filled
    this.extraStack = widestCall + 6;
    if (catchesThrowable && isConstructor) {
      throw new IllegalStateException(
          "exit advice with onThrowable cannot be woven into a constructor: " + advice);
    }
  }

  private static int callSize(AdviceMethod method) {
    return method == null ? 0 : Type.getArgumentsAndReturnSizes(method.descriptor) >> 2;
  }

  @Override
  public void visitCode() {
    super.visitCode();
    int ourAssignedTypes = 0;
    for (int i = 0; i < advice.size(); i++) {
      AdviceMethod enter = advice.get(i).enter;
      if (enter == null) {
        continue;
      }
      pushArguments(enter, i, Site.ENTER);
      if (enter.assignsOneValue()) {
        // the enter value is then the argument's new value
        int argument = checkedArgument(enter, enter.assignedArguments[0]);
        Type argumentType = argumentTypes[argument];
        out.visitVarInsn(argumentType.getOpcode(Opcodes.ILOAD), argumentSlots[argument]);
        invokeReplacing(enter, argumentType);
        out.visitInsn(argumentType.getSize() == 2 ? Opcodes.DUP2 : Opcodes.DUP);
        out.visitVarInsn(argumentType.getOpcode(Opcodes.ISTORE), argumentSlots[argument]);
        coerce(argumentType, enter.returnType);
        out.visitVarInsn(enter.returnType.getOpcode(Opcodes.ISTORE), enterLocal[i]);
        ourAssignedTypes++;
        continue;
      }
      invoke(enter);
      if (!enter.returnsValue()) {
        continue;
      }
      out.visitVarInsn(enter.returnType.getOpcode(Opcodes.ISTORE), enterLocal[i]);
      ourAssignedTypes++;
      if (enter.assignsArguments()) {
        assignArrayElements(enter, enterLocal[i], ourAssignedTypes);
      }
    }
    for (int argument = 0; argument < argumentTypes.length; argument++) {
      if (argumentCopy[argument] >= 0) {
        Type argumentType = argumentTypes[argument];
        out.visitVarInsn(argumentType.getOpcode(Opcodes.ILOAD), argumentSlots[argument]);
        out.visitVarInsn(argumentType.getOpcode(Opcodes.ISTORE), argumentCopy[argument]);
      }
    }
    for (int i = 0; i < advice.size(); i++) {
      AdviceMethod enter = advice.get(i).enter;
      if (enter != null && enter.skipsOnNonDefault) {
        skipBodyUnlessDefault(enter, enterLocal[i]);
      }
    }
    if (catchesThrowable) {
      startGuardedRange();
    }
  }

  /**
   * {@code skipOn = OnNonDefaultValue}: where the enter value is not the default, the method's own
   * body is skipped, and the method returns its default value through the exit advice.
   */
  private void skipBodyUnlessDefault(AdviceMethod enter, int local) {
    if (isConstructor) {
      throw new IllegalStateException(enter + ": a constructor's body cannot be skipped");
    }
    Label body = new Label();
    out.visitVarInsn(enter.returnType.getOpcode(Opcodes.ILOAD), local);
    out.visitJumpInsn(isReference(enter.returnType) ? Opcodes.IFNULL : Opcodes.IFEQ, body);
    if (returnType.getSort() != Type.VOID) {
      pushDefault(out, returnType);
    }
    callExitAdviceAndReturn(returnType.getOpcode(Opcodes.IRETURN));
    out.visitLabel(body);
    Object[] locals = entryFrameLocals(ourFrameTypes.size());
    out.visitFrame(Opcodes.F_NEW, locals.length, locals, 0, new Object[0]);
    out.visitInsn(Opcodes.NOP);
  }

  /** An array returned by enter advice: its elements replace arguments, unless it is null. */
  private void assignArrayElements(AdviceMethod enter, int local, int ourAssignedTypes) {
    if (enter.returnType.getSort() != Type.ARRAY) {
      throw new IllegalStateException(enter + " assigns array elements but returns no array");
    }
    // a failed advice returns null: the arguments stay as they are
    Label unchanged = new Label();
    out.visitVarInsn(Opcodes.ALOAD, local);
    out.visitJumpInsn(Opcodes.IFNULL, unchanged);
    for (int i = 0; i < enter.assignedArguments.length; i++) {
      int argument = checkedArgument(enter, enter.assignedArguments[i]);
      out.visitVarInsn(Opcodes.ALOAD, local);
      pushInt(enter.assignedIndexes[i]);
      out.visitInsn(Opcodes.AALOAD);
      coerce(enter.returnType.getElementType(), argumentTypes[argument]);
      out.visitVarInsn(argumentTypes[argument].getOpcode(Opcodes.ISTORE), argumentSlots[argument]);
    }
    out.visitLabel(unchanged);
    Object[] locals = entryFrameLocals(ourAssignedTypes);
    out.visitFrame(Opcodes.F_NEW, locals.length, locals, 0, new Object[0]);
    out.visitInsn(Opcodes.NOP); // the method's own first frame may follow: never two at one offset
  }

  @Override
  public void visitFrame(
      int kind, int localCount, Object[] locals, int stackCount, Object[] stack) {
    if (kind != Opcodes.F_NEW) {
      throw new IllegalStateException("frames must be expanded to be woven");
    }
    List<Object> extended = new ArrayList<>(localCount + ourFrameTypes.size() + 8);
    int slots = 0;
    for (int i = 0; i < localCount; i++) {
      extended.add(locals[i]);
      slots += locals[i] == Opcodes.LONG || locals[i] == Opcodes.DOUBLE ? 2 : 1;
    }
    for (; slots < ownLocals; slots++) {
      extended.add(Opcodes.TOP);
    }
    extended.addAll(ourFrameTypes);
    Object[] all = extended.toArray();
    super.visitFrame(Opcodes.F_NEW, all.length, all, stackCount, stack);
  }

  @Override
  public void visitInsn(int opcode) {
    if (opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN && hasExit) {
      if (catchesThrowable) {
        endGuardedRange();
      }
      callExitAdviceAndReturn(opcode);
      if (catchesThrowable) {
        startGuardedRange();
      }
      return;
    }
    codeInRange = true;
    super.visitInsn(opcode);
  }

  private void callExitAdviceAndReturn(int returnOpcode) {
    boolean returnsValue = returnType.getSort() != Type.VOID;
    if (returnsValue) {
      out.visitVarInsn(returnType.getOpcode(Opcodes.ISTORE), returnLocal);
    }
    for (int i = advice.size() - 1; i >= 0; i--) {
      AdviceMethod exit = advice.get(i).exit;
      if (exit == null) {
        continue;
      }
      pushArguments(exit, i, Site.RETURN);
      if (exit.assignsReturned && returnsValue) {
        out.visitVarInsn(returnType.getOpcode(Opcodes.ILOAD), returnLocal);
        invokeReplacing(exit, returnType);
        out.visitVarInsn(returnType.getOpcode(Opcodes.ISTORE), returnLocal);
      } else {
        invoke(exit);
        pop(exit.returnType);
      }
    }
    if (returnsValue) {
      out.visitVarInsn(returnType.getOpcode(Opcodes.ILOAD), returnLocal);
    }
    out.visitInsn(returnOpcode);
  }

  @Override
  public void visitMaxs(int maxStack, int maxLocals) {
    if (catchesThrowable) {
      endGuardedRange();
    }
    if (!guardedRanges.isEmpty()) {
      Label handler = new Label();
      for (Label[] range : guardedRanges) {
        out.visitTryCatchBlock(range[0], range[1], handler, THROWABLE);
      }
      out.visitLabel(handler);
      Object[] locals = handlerFrameLocals();
      out.visitFrame(Opcodes.F_NEW, locals.length, locals, 1, new Object[] {THROWABLE});
      out.visitVarInsn(Opcodes.ASTORE, thrownLocal);
      for (int i = advice.size() - 1; i >= 0; i--) {
        AdviceMethod exit = advice.get(i).exit;
        if (exit != null && exit.onThrowable) {
          pushArguments(exit, i, Site.THROW);
          invoke(exit);
          pop(exit.returnType);
        }
      }
      out.visitVarInsn(Opcodes.ALOAD, thrownLocal);
      out.visitInsn(Opcodes.ATHROW);
    }
    super.visitMaxs(maxStack + extraStack, Math.max(maxLocals, this.maxLocals));
  }

  private void startGuardedRange() {
    rangeStart = new Label();
    out.visitLabel(rangeStart);
    codeInRange = false;
  }

  private void endGuardedRange() {
    if (rangeStart != null && codeInRange) {
      Label end = new Label();
      out.visitLabel(end);
      guardedRanges.add(new Label[] {rangeStart, end});
    }
    rangeStart = null;
  }

  /** The frame at method entry, with the first {@code ourCount} of our locals assigned. */
  private Object[] entryFrameLocals(int ourCount) {
    List<Object> locals = new ArrayList<>();
    int slots = 0;
    if (!isStatic) {
      locals.add(isConstructor ? Opcodes.UNINITIALIZED_THIS : type.getInternalName());
      slots++;
    }
    for (Type argument : argumentTypes) {
      locals.add(frameType(argument));
      slots += argument.getSize();
    }
    for (; slots < ownLocals; slots++) {
      locals.add(Opcodes.TOP);
    }
    locals.addAll(ourFrameTypes.subList(0, ourCount));
    return locals.toArray();
  }

  /**
   * The handler's frame may claim only what holds at every instruction it covers: {@code this},
   * which no compiler reassigns, and our own locals; the method's other locals are unknown there.
   */
  private Object[] handlerFrameLocals() {
    List<Object> locals = new ArrayList<>();
    int slots = 0;
    if (!isStatic) {
      locals.add(type.getInternalName());
      slots++;
    }
    for (; slots < ownLocals; slots++) {
      locals.add(Opcodes.TOP);
    }
    locals.addAll(ourFrameTypes);
    return locals.toArray();
  }

  private void pushArguments(AdviceMethod method, int adviceIndex, Site site) {
    for (AdviceParameter parameter : method.parameters) {
      switch (parameter.source) {
        case THIS:
          if (isStatic || (isConstructor && site == Site.ENTER)) {
            throw new IllegalStateException(
                method + " takes @This, which " + methodName + " has not at that point");
          }
          out.visitVarInsn(Opcodes.ALOAD, 0);
          coerce(Type.getObjectType(type.getInternalName()), parameter.type);
          break;
        case ARGUMENT:
          int argument = checkedArgument(method, parameter.argument);
          Type argumentType = argumentTypes[argument];
          int slot = site == Site.ENTER ? argumentSlots[argument] : argumentCopy[argument];
          out.visitVarInsn(argumentType.getOpcode(Opcodes.ILOAD), slot);
          coerce(argumentType, parameter.type);
          break;
        case ALL_ARGUMENTS:
          if (site != Site.ENTER) {
            throw new IllegalStateException(method + ": @AllArguments is read on enter only");
          }
          pushAllArguments();
          break;
        case ORIGIN:
          pushOrigin(method, parameter);
          break;
        case FIELD_VALUE:
          pushField(method, parameter);
          break;
        case ENTER:
          AdviceMethod enter = advice.get(adviceIndex).enter;
          if (enter == null || !enter.returnsValue()) {
            throw new IllegalStateException(method + " takes @Enter, but no enter value exists");
          }
          out.visitVarInsn(enter.returnType.getOpcode(Opcodes.ILOAD), enterLocal[adviceIndex]);
          coerce(enter.returnType, parameter.type);
          break;
        case RETURN:
          if (site == Site.RETURN && returnType.getSort() != Type.VOID) {
            out.visitVarInsn(returnType.getOpcode(Opcodes.ILOAD), returnLocal);
            coerce(returnType, parameter.type);
          } else {
            pushDefault(out, parameter.type);
          }
          break;
        case THROWN:
          if (site == Site.THROW) {
            out.visitVarInsn(Opcodes.ALOAD, thrownLocal);
          } else {
            out.visitInsn(Opcodes.ACONST_NULL);
          }
          break;
      }
    }
  }

  private void invoke(AdviceMethod method) {
    out.visitInvokeDynamicInsn(method.name, method.descriptor, BOOTSTRAP, method.adviceClassName);
  }

  /**
   * Calls advice whose result replaces one value, the current value being on the stack above the
   * advice's arguments: leaves the new value, which is the current one where the advice returned
   * its default or failed (its {@code $orCurrent} companion, see {@link HarmlessAdvice}).
   */
  private void invokeReplacing(AdviceMethod method, Type replaced) {
    Type current = HarmlessAdvice.orCurrentValueType(method.returnType);
    coerce(replaced, current);
    out.visitInvokeDynamicInsn(
        method.orCurrentName(), method.orCurrentDescriptor(), BOOTSTRAP, method.adviceClassName);
    coerce(current, replaced);
  }

  private void pushAllArguments() {
    pushInt(argumentTypes.length);
    out.visitTypeInsn(Opcodes.ANEWARRAY, "java/lang/Object");
    for (int i = 0; i < argumentTypes.length; i++) {
      out.visitInsn(Opcodes.DUP);
      pushInt(i);
      out.visitVarInsn(argumentTypes[i].getOpcode(Opcodes.ILOAD), argumentSlots[i]);
      coerce(argumentTypes[i], OBJECT);
      out.visitInsn(Opcodes.AASTORE);
    }
  }

  private void pushOrigin(AdviceMethod method, AdviceParameter parameter) {
    if (parameter.type.getDescriptor().equals("Ljava/lang/Class;")) {
      out.visitLdcInsn(Type.getObjectType(type.getInternalName()));
      return;
    }
    if (!parameter.type.equals(Type.getType(String.class)) || parameter.value.isEmpty()) {
      throw new IllegalStateException(
          method + ": @Origin is supported as a Class or as a String with a pattern");
    }
    StringBuilder origin = new StringBuilder();
    String pattern = parameter.value;
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c != '#' || i + 1 == pattern.length()) {
        origin.append(c);
        continue;
      }
      char what = pattern.charAt(++i);
      if (what == 'm') {
        origin.append(methodName);
      } else if (what == 'd') {
        origin.append(methodDescriptor);
      } else if (what == 't') {
        origin.append(type.getName());
      } else if (what == 'r') {
        origin.append(returnType.getClassName());
      } else {
        throw new IllegalStateException(method + ": @Origin pattern #" + what);
      }
    }
    out.visitLdcInsn(origin.toString());
  }

  private void pushField(AdviceMethod method, AdviceParameter parameter) {
    for (TypeDefinition owner = type; owner != null; owner = owner.getSuperClass()) {
      for (FieldDescription.InDefinedShape field : owner.asErasure().getDeclaredFields()) {
        if (field.getName().equals(parameter.value)) {
          Type fieldType = Type.getType(field.getDescriptor());
          if (field.isStatic()) {
            out.visitFieldInsn(
                Opcodes.GETSTATIC,
                owner.asErasure().getInternalName(),
                field.getName(),
                field.getDescriptor());
          } else if (isStatic) {
            break;
          } else {
            out.visitVarInsn(Opcodes.ALOAD, 0);
            out.visitFieldInsn(
                Opcodes.GETFIELD,
                owner.asErasure().getInternalName(),
                field.getName(),
                field.getDescriptor());
          }
          coerce(fieldType, parameter.type);
          return;
        }
      }
    }
    throw new IllegalStateException(
        method + ": no field " + parameter.value + " readable in " + type.getName());
  }

  private int checkedArgument(AdviceMethod method, int argument) {
    if (argument < 0 || argument >= argumentTypes.length) {
      throw new IllegalStateException(
          method + " names argument " + argument + ", which " + methodName + " has not");
    }
    return argument;
  }

  /** Converts the value on the stack: boxing, unboxing, or a cast where the types differ. */
  private void coerce(Type from, Type to) {
    if (from.equals(to)) {
      return;
    }
    boolean fromReference = isReference(from);
    boolean toReference = isReference(to);
    if (fromReference && toReference) {
      if (!to.equals(OBJECT)) {
        out.visitTypeInsn(Opcodes.CHECKCAST, to.getInternalName());
      }
    } else if (!fromReference && toReference) {
      Type box = boxOf(from);
      out.visitMethodInsn(
          Opcodes.INVOKESTATIC,
          box.getInternalName(),
          "valueOf",
          Type.getMethodDescriptor(box, from),
          false);
      if (!to.equals(OBJECT) && !to.equals(box)) {
        out.visitTypeInsn(Opcodes.CHECKCAST, to.getInternalName());
      }
    } else if (fromReference) {
      Type box = boxOf(to);
      out.visitTypeInsn(Opcodes.CHECKCAST, box.getInternalName());
      out.visitMethodInsn(
          Opcodes.INVOKEVIRTUAL,
          box.getInternalName(),
          to.getClassName() + "Value",
          Type.getMethodDescriptor(to),
          false);
    } else if (from.getSize() != to.getSize() || frameType(from) != frameType(to)) {
      throw new IllegalStateException("cannot pass a " + from + " as a " + to);
    }
  }

  private static Type boxOf(Type primitive) {
    switch (primitive.getSort()) {
      case Type.BOOLEAN:
        return Type.getType(Boolean.class);
      case Type.CHAR:
        return Type.getType(Character.class);
      case Type.BYTE:
        return Type.getType(Byte.class);
      case Type.SHORT:
        return Type.getType(Short.class);
      case Type.INT:
        return Type.getType(Integer.class);
      case Type.FLOAT:
        return Type.getType(Float.class);
      case Type.LONG:
        return Type.getType(Long.class);
      case Type.DOUBLE:
        return Type.getType(Double.class);
      default:
        throw new IllegalStateException("not a primitive: " + primitive);
    }
  }

  private void pop(Type type) {
    if (type.getSize() == 2) {
      out.visitInsn(Opcodes.POP2);
    } else if (type.getSize() == 1) {
      out.visitInsn(Opcodes.POP);
    }
  }

  private void pushInt(int value) {
    if (value >= -1 && value <= 5) {
      out.visitInsn(Opcodes.ICONST_0 + value);
    } else {
      out.visitIntInsn(Opcodes.BIPUSH, value);
    }
  }

  // every other instruction of the method's own code: it lies in the guarded range

  @Override
  public void visitIntInsn(int opcode, int operand) {
    codeInRange = true;
    super.visitIntInsn(opcode, operand);
  }

  @Override
  public void visitVarInsn(int opcode, int var) {
    codeInRange = true;
    super.visitVarInsn(opcode, var);
  }

  @Override
  public void visitTypeInsn(int opcode, String typeName) {
    codeInRange = true;
    super.visitTypeInsn(opcode, typeName);
  }

  @Override
  public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
    codeInRange = true;
    super.visitFieldInsn(opcode, owner, name, descriptor);
  }

  @Override
  public void visitMethodInsn(
      int opcode, String owner, String name, String descriptor, boolean isInterface) {
    codeInRange = true;
    super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
  }

  @Override
  public void visitInvokeDynamicInsn(
      String name, String descriptor, Handle bootstrap, Object... bootstrapArguments) {
    codeInRange = true;
    super.visitInvokeDynamicInsn(name, descriptor, bootstrap, bootstrapArguments);
  }

  @Override
  public void visitJumpInsn(int opcode, Label label) {
    codeInRange = true;
    super.visitJumpInsn(opcode, label);
  }

  @Override
  public void visitLdcInsn(Object value) {
    codeInRange = true;
    super.visitLdcInsn(value);
  }

  @Override
  public void visitIincInsn(int var, int increment) {
    codeInRange = true;
    super.visitIincInsn(var, increment);
  }

  @Override
  public void visitTableSwitchInsn(int min, int max, Label fallback, Label... labels) {
    codeInRange = true;
    super.visitTableSwitchInsn(min, max, fallback, labels);
  }

  @Override
  public void visitLookupSwitchInsn(Label fallback, int[] keys, Label[] labels) {
    codeInRange = true;
    super.visitLookupSwitchInsn(fallback, keys, labels);
  }

  @Override
  public void visitMultiANewArrayInsn(String descriptor, int dimensions) {
    codeInRange = true;
    super.visitMultiANewArrayInsn(descriptor, dimensions);
  }
}
