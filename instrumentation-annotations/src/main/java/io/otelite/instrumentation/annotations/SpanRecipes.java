package io.otelite.instrumentation.annotations;

import io.otelite.instrumentation.api.AgentLog;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The recipes of annotated methods, per class and method: reflection happens on a method's first
 * call only. Held by the class itself ({@link ClassValue}), so they go away with it.
 */
final class SpanRecipes {
  /** Stands for "no span" in the cache, so that a method that cannot be read is not read again. */
  private static final Object NONE = new Object();

  private static final ClassValue<Map<String, Object>> BY_CLASS =
      new ClassValue<>() {
        @Override
        protected Map<String, Object> computeValue(Class<?> type) {
          return new ConcurrentHashMap<>();
        }
      };

  private SpanRecipes() {}

  /**
   * {@code methodNameAndDescriptor}: e.g. {@code order(Ljava/lang/String;)V}; {@code null} when no
   * span.
   */
  static SpanRecipe forMethod(Class<?> type, String methodNameAndDescriptor) {
    Map<String, Object> recipes = BY_CLASS.get(type);
    Object recipe = recipes.get(methodNameAndDescriptor);
    if (recipe == null) {
      recipe = read(type, methodNameAndDescriptor);
      recipes.putIfAbsent(methodNameAndDescriptor, recipe);
    }
    return recipe == NONE ? null : (SpanRecipe) recipe;
  }

  private static Object read(Class<?> type, String methodNameAndDescriptor) {
    try {
      for (Method method : type.getDeclaredMethods()) {
        if (methodNameAndDescriptor.equals(nameAndDescriptor(method))) {
          SpanRecipe recipe = SpanRecipe.of(method);
          return recipe == null ? NONE : recipe;
        }
      }
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      String method = type.getName() + "." + methodNameAndDescriptor;
      AgentLog.warnOnce(
          "with-span:" + method, "@WithSpan on " + method + " cannot be read; no span", e);
    }
    return NONE;
  }

  private static String nameAndDescriptor(Method method) {
    return method.getName()
        + MethodType.methodType(method.getReturnType(), method.getParameterTypes())
            .toMethodDescriptorString();
  }
}
