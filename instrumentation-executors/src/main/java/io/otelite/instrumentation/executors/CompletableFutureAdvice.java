package io.otelite.instrumentation.executors;

import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import net.bytebuddy.asm.Advice;

/**
 * Wraps the function given to a {@code CompletableFuture.*Async} method so that it runs in the
 * caller's context. One class per (position, type) of the functional argument: an argument can only
 * be replaced by a value of its declared type, and the position is part of the annotation.
 */
public final class CompletableFutureAdvice {
  private CompletableFutureAdvice() {}

  public static final class Runnable0 {
    private Runnable0() {}

    @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
    @Advice.AssignReturned.ToArguments(@Advice.AssignReturned.ToArguments.ToArgument(0))
    public static Runnable enter(@Advice.Argument(0) Runnable function) {
      return ContextPropagation.wrap(function);
    }
  }

  public static final class Supplier0 {
    private Supplier0() {}

    @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
    @Advice.AssignReturned.ToArguments(@Advice.AssignReturned.ToArguments.ToArgument(0))
    public static Supplier<?> enter(@Advice.Argument(0) Supplier<?> function) {
      return ContextPropagation.wrapSupplier(function);
    }
  }

  public static final class Function0 {
    private Function0() {}

    @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
    @Advice.AssignReturned.ToArguments(@Advice.AssignReturned.ToArguments.ToArgument(0))
    public static Function<?, ?> enter(@Advice.Argument(0) Function<?, ?> function) {
      return ContextPropagation.wrapFunction(function);
    }
  }

  public static final class Consumer0 {
    private Consumer0() {}

    @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
    @Advice.AssignReturned.ToArguments(@Advice.AssignReturned.ToArguments.ToArgument(0))
    public static Consumer<?> enter(@Advice.Argument(0) Consumer<?> function) {
      return ContextPropagation.wrapConsumer(function);
    }
  }

  public static final class BiFunction0 {
    private BiFunction0() {}

    @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
    @Advice.AssignReturned.ToArguments(@Advice.AssignReturned.ToArguments.ToArgument(0))
    public static BiFunction<?, ?, ?> enter(@Advice.Argument(0) BiFunction<?, ?, ?> function) {
      return ContextPropagation.wrapBiFunction(function);
    }
  }

  public static final class BiConsumer0 {
    private BiConsumer0() {}

    @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
    @Advice.AssignReturned.ToArguments(@Advice.AssignReturned.ToArguments.ToArgument(0))
    public static BiConsumer<?, ?> enter(@Advice.Argument(0) BiConsumer<?, ?> function) {
      return ContextPropagation.wrapBiConsumer(function);
    }
  }

  public static final class Runnable1 {
    private Runnable1() {}

    @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
    @Advice.AssignReturned.ToArguments(@Advice.AssignReturned.ToArguments.ToArgument(1))
    public static Runnable enter(@Advice.Argument(1) Runnable function) {
      return ContextPropagation.wrap(function);
    }
  }

  public static final class Function1 {
    private Function1() {}

    @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
    @Advice.AssignReturned.ToArguments(@Advice.AssignReturned.ToArguments.ToArgument(1))
    public static Function<?, ?> enter(@Advice.Argument(1) Function<?, ?> function) {
      return ContextPropagation.wrapFunction(function);
    }
  }

  public static final class Consumer1 {
    private Consumer1() {}

    @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
    @Advice.AssignReturned.ToArguments(@Advice.AssignReturned.ToArguments.ToArgument(1))
    public static Consumer<?> enter(@Advice.Argument(1) Consumer<?> function) {
      return ContextPropagation.wrapConsumer(function);
    }
  }

  public static final class BiFunction1 {
    private BiFunction1() {}

    @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
    @Advice.AssignReturned.ToArguments(@Advice.AssignReturned.ToArguments.ToArgument(1))
    public static BiFunction<?, ?, ?> enter(@Advice.Argument(1) BiFunction<?, ?, ?> function) {
      return ContextPropagation.wrapBiFunction(function);
    }
  }

  public static final class BiConsumer1 {
    private BiConsumer1() {}

    @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
    @Advice.AssignReturned.ToArguments(@Advice.AssignReturned.ToArguments.ToArgument(1))
    public static BiConsumer<?, ?> enter(@Advice.Argument(1) BiConsumer<?, ?> function) {
      return ContextPropagation.wrapBiConsumer(function);
    }
  }
}
