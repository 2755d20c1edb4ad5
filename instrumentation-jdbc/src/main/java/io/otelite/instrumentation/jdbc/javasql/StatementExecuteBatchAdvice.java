package io.otelite.instrumentation.jdbc.javasql;

import java.sql.Statement;
import net.bytebuddy.asm.Advice;

/** {@code executeBatch()} and {@code executeLargeBatch()}. */
public class StatementExecuteBatchAdvice {
  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object enter(@Advice.This Statement statement) {
    return JdbcExecutions.startBatch(statement);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  public static void exit(@Advice.Enter Object operation, @Advice.Thrown Throwable error) {
    JdbcExecutions.end(operation, error);
  }
}
