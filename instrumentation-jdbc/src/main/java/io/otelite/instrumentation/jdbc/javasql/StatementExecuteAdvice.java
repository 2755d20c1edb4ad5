package io.otelite.instrumentation.jdbc.javasql;

import java.sql.Statement;
import net.bytebuddy.asm.Advice;

/**
 * {@code Statement.execute(sql)}, {@code executeQuery(sql)}, {@code executeUpdate(sql, ...)},
 * {@code executeLargeUpdate(sql, ...)}.
 */
public class StatementExecuteAdvice {
  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object enter(@Advice.This Statement statement, @Advice.Argument(0) String sql) {
    return JdbcExecutions.startSql(statement, sql);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  public static void exit(@Advice.Enter Object operation, @Advice.Thrown Throwable error) {
    JdbcExecutions.end(operation, error);
  }
}
