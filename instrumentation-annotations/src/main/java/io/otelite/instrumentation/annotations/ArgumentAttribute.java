package io.otelite.instrumentation.annotations;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanBuilder;

/**
 * How one {@code @SpanAttribute} argument becomes an attribute, chosen once from the parameter's
 * declared type: integral numbers as long, floating-point as double, booleans as boolean, anything
 * else as its string.
 */
abstract class ArgumentAttribute {
  abstract void set(SpanBuilder span, Object argument);

  static ArgumentAttribute of(String name, Class<?> type) {
    if (type == long.class
        || type == int.class
        || type == short.class
        || type == byte.class
        || type == Long.class
        || type == Integer.class
        || type == Short.class
        || type == Byte.class) {
      AttributeKey<Long> key = AttributeKey.longKey(name);
      return new ArgumentAttribute() {
        @Override
        void set(SpanBuilder span, Object argument) {
          span.setAttribute(key, ((Number) argument).longValue());
        }
      };
    }
    if (type == double.class
        || type == float.class
        || type == Double.class
        || type == Float.class) {
      AttributeKey<Double> key = AttributeKey.doubleKey(name);
      return new ArgumentAttribute() {
        @Override
        void set(SpanBuilder span, Object argument) {
          span.setAttribute(key, ((Number) argument).doubleValue());
        }
      };
    }
    if (type == boolean.class || type == Boolean.class) {
      AttributeKey<Boolean> key = AttributeKey.booleanKey(name);
      return new ArgumentAttribute() {
        @Override
        void set(SpanBuilder span, Object argument) {
          span.setAttribute(key, (Boolean) argument);
        }
      };
    }
    AttributeKey<String> key = AttributeKey.stringKey(name);
    return new ArgumentAttribute() {
      @Override
      void set(SpanBuilder span, Object argument) {
        span.setAttribute(key, String.valueOf(argument));
      }
    };
  }
}
