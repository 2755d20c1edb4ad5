package io.otelite.tooling.weaving;

import net.bytebuddy.jar.asm.Type;

/** What one parameter of an advice method receives, as its {@code @Advice.*} annotation says. */
final class AdviceParameter {
  enum Source {
    THIS,
    ARGUMENT,
    ALL_ARGUMENTS,
    ORIGIN,
    FIELD_VALUE,
    ENTER,
    RETURN,
    THROWN
  }

  final Source source;
  final Type type;

  /** The argument's index, for {@link Source#ARGUMENT}. */
  final int argument;

  /** The field's name for {@link Source#FIELD_VALUE}, the pattern for {@link Source#ORIGIN}. */
  final String value;

  AdviceParameter(Source source, Type type, int argument, String value) {
    this.source = source;
    this.type = type;
    this.argument = argument;
    this.value = value;
  }
}
