package io.otelite.instrumentation.executors;

import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;

import io.otelite.instrumentation.api.TypeInstrumentation;
import io.otelite.instrumentation.api.TypeTransformer;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Virtual threads (Java 21+): every way the JDK offers to make one ({@code Thread.ofVirtual()}'s
 * {@code start} and {@code unstarted}, {@code Thread.startVirtualThread}, the factories of {@code
 * Thread.ofVirtual().factory()}, and so {@code Executors.newVirtualThreadPerTaskExecutor()}) ends
 * in the package-private {@code ThreadBuilders.newVirtualThread(scheduler, name, characteristics,
 * task)}, which runs on the thread that asked for the new one. Its task is wrapped there, so the
 * new thread runs with the creator's context. Matched by name: the agent is compiled for Java 11.
 */
final class VirtualThreadInstrumentation implements TypeInstrumentation {
  private static final String THREAD_BUILDERS = "java.lang.ThreadBuilders";

  @Override
  public boolean mayMatchName(String className) {
    return className.equals(THREAD_BUILDERS);
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named(THREAD_BUILDERS);
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        named("newVirtualThread")
            .and(isStatic())
            .and(takesArgument(3, named("java.lang.Runnable"))),
        "io.otelite.instrumentation.executors.WrapVirtualThreadTaskAdvice");
  }
}
