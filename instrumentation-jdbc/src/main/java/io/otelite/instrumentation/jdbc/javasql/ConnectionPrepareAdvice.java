package io.otelite.instrumentation.jdbc.javasql;

import java.sql.Statement;
import net.bytebuddy.asm.Advice;

/**
 * {@code Connection.prepareStatement(sql, ...)} and {@code prepareCall(sql, ...)}: remembers the
 * statement's SQL.
 */
public class ConnectionPrepareAdvice {
  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  public static void exit(@Advice.Argument(0) String sql, @Advice.Return Object statement) {
    if (statement instanceof Statement) {
      JdbcExecutions.prepared((Statement) statement, sql);
    }
  }
}
