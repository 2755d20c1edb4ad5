package io.otelite.instrumentation.jdbc.hikaricp;

import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import net.bytebuddy.asm.Advice;

/** Hands the pool a factory whose trackers report to OpenTelemetry and to the application's. */
public final class SetMetricsTrackerFactoryAdvice {
  private SetMetricsTrackerFactoryAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  @Advice.AssignReturned.ToArguments(@Advice.AssignReturned.ToArguments.ToArgument(0))
  public static MetricsTrackerFactory enter(
      @Advice.This Object pool, @Advice.Argument(0) MetricsTrackerFactory applicationFactory) {
    return HikariPoolMetrics.trackerFactory(pool, applicationFactory);
  }
}
