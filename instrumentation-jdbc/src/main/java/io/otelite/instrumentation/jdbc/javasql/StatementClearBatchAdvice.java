package io.otelite.instrumentation.jdbc.javasql;

import java.sql.Statement;
import net.bytebuddy.asm.Advice;

/** {@code Statement.clearBatch()}. */
public class StatementClearBatchAdvice {
  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  public static void exit(@Advice.This Statement statement) {
    JdbcExecutions.clearBatch(statement);
  }
}
