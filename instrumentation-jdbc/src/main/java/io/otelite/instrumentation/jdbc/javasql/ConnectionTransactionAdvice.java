package io.otelite.instrumentation.jdbc.javasql;

import java.sql.Connection;
import net.bytebuddy.asm.Advice;

/** {@code Connection.commit()} and {@code rollback()}: a short span each. */
public class ConnectionTransactionAdvice {
  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object enter(
      @Advice.This Connection connection, @Advice.Origin("#m") String method) {
    return JdbcExecutions.startTransactionEnd(
        connection, "commit".equals(method) ? "COMMIT" : "ROLLBACK");
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  public static void exit(@Advice.Enter Object operation, @Advice.Thrown Throwable error) {
    JdbcExecutions.end(operation, error);
  }
}
