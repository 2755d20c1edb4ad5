package io.otelite.tooling.instrumentation;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelite.tooling.testing.AgentLogCapture;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Classes loaded before the agent's transformer are woven by retransforming them. */
class LoadedClassRetransformationTest {
  @RegisterExtension final AgentLogCapture log = new AgentLogCapture();

  /** Records each {@code retransformClasses} call; fails every call that includes {@code bad}. */
  private final List<List<Class<?>>> calls = new ArrayList<>();

  private Instrumentation failingFor(Class<?> bad) {
    return (Instrumentation)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {Instrumentation.class},
            (proxy, method, args) -> {
              if (!method.getName().equals("retransformClasses")) {
                throw new UnsupportedOperationException(method.getName());
              }
              List<Class<?>> classes = Arrays.asList((Class<?>[]) args[0]);
              calls.add(classes);
              if (classes.contains(bad)) {
                throw new UnmodifiableClassException(bad.getName());
              }
              return null;
            });
  }

  @Test
  void theSelectedClassesAreRetransformedInOneCall() {
    LoadedClassRetransformation.retransform(
        failingFor(Void.class), List.of(String.class, Integer.class));

    assertThat(calls).containsExactly(List.of(String.class, Integer.class));
    assertThat(log.text()).isEmpty();
  }

  @Test
  void oneClassThatCannotBeRetransformedLeavesTheOthersWovenAndIsNamedOnce() {
    LoadedClassRetransformation.retransform(
        failingFor(Integer.class), List.of(String.class, Integer.class, Long.class));

    assertThat(calls)
        .containsExactly(
            List.of(String.class, Integer.class, Long.class),
            List.of(String.class),
            List.of(Integer.class),
            List.of(Long.class));
    assertThat(log.lines())
        .singleElement()
        .asString()
        .contains("could not instrument the loaded class java.lang.Integer");
  }

  @Test
  void nothingSelectedIsNoCall() {
    LoadedClassRetransformation.retransform(failingFor(Void.class), List.of());

    assertThat(calls).isEmpty();
  }
}
