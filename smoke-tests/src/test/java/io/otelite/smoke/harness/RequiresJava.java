package io.otelite.smoke.harness;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The test class runs only when the applications under the agent run on at least this Java version
 * ({@link TargetJava}); otherwise its tests are skipped (and counted as skipped), and one line on
 * stdout says why.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresJava.Condition.class)
public @interface RequiresJava {
  int value();

  /** Says it once per class, however often JUnit asks (for the class and for each test). */
  final class Condition implements ExecutionCondition {
    private static final Set<Class<?>> ANNOUNCED = ConcurrentHashMap.newKeySet();

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      Class<?> testClass = context.getRequiredTestClass();
      int required = testClass.getAnnotation(RequiresJava.class).value();
      int feature = TargetJava.feature();
      if (feature >= required) {
        return ConditionEvaluationResult.enabled("Java " + feature);
      }
      String reason =
          testClass.getSimpleName()
              + " needs Java "
              + required
              + "+; the applications run on Java "
              + feature
              + " (-Dotelite.smoke.java.home=PATH picks their JDK)";
      if (ANNOUNCED.add(testClass)) {
        System.out.println("[skipped] " + reason);
      }
      return ConditionEvaluationResult.disabled(reason);
    }
  }
}
