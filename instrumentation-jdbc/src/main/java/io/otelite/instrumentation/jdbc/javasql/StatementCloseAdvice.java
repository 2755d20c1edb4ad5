package io.otelite.instrumentation.jdbc.javasql;

import java.sql.Statement;
import net.bytebuddy.asm.Advice;

/** {@code Statement.close()}. */
public class StatementCloseAdvice {
  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  public static void exit(@Advice.This Statement statement) {
    JdbcExecutions.closed(statement);
  }
}
