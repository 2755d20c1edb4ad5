package io.otelite.instrumentation.annotations;

import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.concurrent.CompletionStage;

/**
 * What one {@code @WithSpan} method's spans look like: name, kind, parent, which arguments become
 * attributes, whether the span lasts until a returned future completes. Read once per method.
 *
 * <p>The annotations are read by name, through reflection, never as types: the agent's relocated
 * copy of the OpenTelemetry API is not the one {@code WithSpan.kind()} returns, and reading them by
 * name also works with any version of the annotations library.
 */
final class SpanRecipe {
  final String spanName;
  final SpanKind kind;
  final boolean inheritContext;
  final boolean endsWithReturnedFuture;
  final String codeFunctionName;
  private final ArgumentAttribute[] argumentAttributes;

  private SpanRecipe(
      String spanName,
      SpanKind kind,
      boolean inheritContext,
      boolean endsWithReturnedFuture,
      String codeFunctionName,
      ArgumentAttribute[] argumentAttributes) {
    this.spanName = spanName;
    this.kind = kind;
    this.inheritContext = inheritContext;
    this.endsWithReturnedFuture = endsWithReturnedFuture;
    this.codeFunctionName = codeFunctionName;
    this.argumentAttributes = argumentAttributes;
  }

  /**
   * The recipe of a method annotated with {@code @WithSpan}, or {@code null} if it carries none.
   */
  static SpanRecipe of(Method method) throws ReflectiveOperationException {
    Annotation withSpan =
        annotation(method.getDeclaredAnnotations(), WithSpanInstrumentation.WITH_SPAN);
    if (withSpan == null) {
      return null;
    }
    String name = (String) value(withSpan, "value", "");
    Object kind = value(withSpan, "kind", null);
    Object inheritContext = value(withSpan, "inheritContext", Boolean.TRUE);
    return new SpanRecipe(
        name.isEmpty() ? defaultSpanName(method) : name,
        kind instanceof Enum ? SpanKind.valueOf(((Enum<?>) kind).name()) : SpanKind.INTERNAL,
        !Boolean.FALSE.equals(inheritContext),
        CompletionStage.class.isAssignableFrom(method.getReturnType()),
        method.getDeclaringClass().getName() + "." + method.getName(),
        argumentAttributes(method));
  }

  /**
   * {@code SimpleClassName.method}, as the OpenTelemetry agent names them (a nested class keeps its
   * {@code $}).
   */
  private static String defaultSpanName(Method method) {
    String className = method.getDeclaringClass().getName();
    return className.substring(className.lastIndexOf('.') + 1) + "." + method.getName();
  }

  private static ArgumentAttribute[] argumentAttributes(Method method)
      throws ReflectiveOperationException {
    Parameter[] parameters = method.getParameters();
    Annotation[][] annotations = method.getParameterAnnotations();
    ArgumentAttribute[] attributes = new ArgumentAttribute[parameters.length];
    String[] parameterNames = null;
    boolean any = false;
    for (int i = 0; i < parameters.length; i++) {
      Annotation spanAttribute = annotation(annotations[i], WithSpanInstrumentation.SPAN_ATTRIBUTE);
      if (spanAttribute == null) {
        continue;
      }
      String name = (String) value(spanAttribute, "value", "");
      if (name.isEmpty()) {
        // javac keeps parameter names only with -parameters; without them there is no name to use
        parameterNames = parameterNames == null ? ParameterNames.of(method) : parameterNames;
        name = parameterNames == null || parameterNames[i] == null ? "" : parameterNames[i];
      }
      if (!name.isEmpty()) {
        attributes[i] = ArgumentAttribute.of(name, parameters[i].getType());
        any = true;
      }
    }
    return any ? attributes : null;
  }

  void setArgumentAttributes(SpanBuilder span, Object[] arguments) {
    if (argumentAttributes == null || arguments == null) {
      return;
    }
    for (int i = 0; i < argumentAttributes.length && i < arguments.length; i++) {
      if (argumentAttributes[i] != null && arguments[i] != null) {
        argumentAttributes[i].set(span, arguments[i]);
      }
    }
  }

  private static Annotation annotation(Annotation[] annotations, String typeName) {
    for (Annotation annotation : annotations) {
      if (annotation.annotationType().getName().equals(typeName)) {
        return annotation;
      }
    }
    return null;
  }

  /**
   * An annotation element's value, or {@code missing} when this version of the annotation lacks it.
   */
  private static Object value(Annotation annotation, String element, Object missing)
      throws ReflectiveOperationException {
    Method accessor;
    try {
      accessor = annotation.annotationType().getMethod(element);
    } catch (NoSuchMethodException e) {
      return missing;
    }
    accessor.setAccessible(true);
    return accessor.invoke(annotation);
  }
}
