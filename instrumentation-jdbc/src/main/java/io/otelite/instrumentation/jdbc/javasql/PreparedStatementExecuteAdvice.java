package io.otelite.instrumentation.jdbc.javasql;

import java.sql.Statement;
import net.bytebuddy.asm.Advice;

/**
 * {@code execute()}, {@code executeQuery()}, {@code executeUpdate()}, {@code executeLargeUpdate()}
 * of prepared and callable statements.
 */
public class PreparedStatementExecuteAdvice {
  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object enter(@Advice.This Statement statement) {
    return JdbcExecutions.startPrepared(statement);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  public static void exit(@Advice.Enter Object operation, @Advice.Thrown Throwable error) {
    JdbcExecutions.end(operation, error);
  }
}
