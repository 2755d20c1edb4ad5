package io.otelite.instrumentation.jdbc.javasql;

import java.sql.Statement;
import net.bytebuddy.asm.Advice;

/** {@code PreparedStatement.addBatch()}: counts the batch's parameter sets. */
public class PreparedStatementAddBatchAdvice {
  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  public static void exit(@Advice.This Statement statement, @Advice.Thrown Throwable error) {
    if (error == null) {
      JdbcExecutions.addBatch(statement);
    }
  }
}
