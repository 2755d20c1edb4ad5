package io.otelite.instrumentation.jdbc.javasql;

import java.sql.Statement;
import net.bytebuddy.asm.Advice;

/** {@code Statement.addBatch(sql)}: remembers the SQL for the batch's span. */
public class StatementAddBatchAdvice {
  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  public static void exit(
      @Advice.This Statement statement,
      @Advice.Argument(0) String sql,
      @Advice.Thrown Throwable error) {
    if (error == null) {
      JdbcExecutions.addBatch(statement, sql);
    }
  }
}
