package io.otelite.instrumentation.httpclient.apache5;

import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.nio.AsyncRequestProducer;

/** {@code doExecute} of an async client: swaps in a producer and a callback that trace the call. */
public final class AsyncExecuteAdvice {
  private AsyncExecuteAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  @Advice.AssignReturned.ToArguments({
    @Advice.AssignReturned.ToArguments.ToArgument(
        value = 1,
        index = 0,
        typing = Assigner.Typing.DYNAMIC),
    @Advice.AssignReturned.ToArguments.ToArgument(
        value = 5,
        index = 1,
        typing = Assigner.Typing.DYNAMIC)
  })
  public static Object[] enter(
      @Advice.Argument(0) HttpHost target,
      @Advice.Argument(1) AsyncRequestProducer producer,
      @Advice.Argument(5) FutureCallback<?> callback) {
    return AsyncCall.enter(target, producer, callback);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  public static void exit(@Advice.Enter Object[] state, @Advice.Thrown Throwable error) {
    AsyncCall.exit(state, error);
  }
}
