package io.otelite.tooling.weaving;

import java.util.Arrays;
import java.util.List;
import net.bytebuddy.jar.asm.Type;

/**
 * One {@code @Advice.OnMethodEnter} or {@code @Advice.OnMethodExit} method of an advice class, as
 * read from its class file: what each parameter receives and where its return value goes.
 */
final class AdviceMethod {
  /** {@link #assignedIndexes} entry for "the whole return value goes to the argument". */
  static final int WHOLE_VALUE = -1;

  final String adviceClassName;
  final String name;
  final String descriptor;
  final boolean onThrowable;
  final List<AdviceParameter> parameters;
  final Type returnType;
  final boolean assignsReturned;

  /** Enter advice only: a non-default return value skips the method's own body. */
  final boolean skipsOnNonDefault;

  /** The arguments the return value is assigned to, and which element of it (or the whole). */
  final int[] assignedArguments;

  final int[] assignedIndexes;

  AdviceMethod(
      String adviceClassName,
      String name,
      String descriptor,
      boolean onThrowable,
      boolean skipsOnNonDefault,
      List<AdviceParameter> parameters,
      boolean assignsReturned,
      int[] assignedArguments,
      int[] assignedIndexes) {
    this.adviceClassName = adviceClassName;
    this.name = name;
    this.descriptor = descriptor;
    this.onThrowable = onThrowable;
    this.skipsOnNonDefault = skipsOnNonDefault;
    this.parameters = parameters;
    this.returnType = Type.getReturnType(descriptor);
    this.assignsReturned = assignsReturned;
    this.assignedArguments = assignedArguments;
    this.assignedIndexes = assignedIndexes;
  }

  boolean returnsValue() {
    return returnType.getSort() != Type.VOID;
  }

  boolean assignsArguments() {
    return assignedArguments.length > 0;
  }

  /**
   * Whether the return value replaces one value (the returned one, or one argument): then, as in
   * Byte Buddy, a default value (null, zero, false) means "leave it as it is", which is also what a
   * failing advice returns.
   */
  boolean assignsOneValue() {
    return assignsReturned || (assignedArguments.length == 1 && assignedIndexes[0] == WHOLE_VALUE);
  }

  /** The companion {@link HarmlessAdvice} writes for advice that {@link #assignsOneValue()}. */
  String orCurrentName() {
    return name + "$orCurrent";
  }

  String orCurrentDescriptor() {
    Type current = HarmlessAdvice.orCurrentValueType(returnType);
    Type[] parameters = Type.getArgumentTypes(descriptor);
    Type[] withCurrent = Arrays.copyOf(parameters, parameters.length + 1);
    withCurrent[parameters.length] = current;
    return Type.getMethodDescriptor(current, withCurrent);
  }

  @Override
  public String toString() {
    return adviceClassName + "." + name + descriptor;
  }
}
