package io.otelite.instrumentation.jdbc.javasql;

import net.bytebuddy.asm.Advice;

/**
 * Every {@code Connection} method that makes no span ({@code setAutoCommit}, {@code isValid},
 * {@code close}, {@code getTransactionIsolation}...): it counts as the outermost JDBC call all the
 * same, so that what the driver or pool does inside it is not taken for the application's calls:
 * the {@code commit()} H2 and pgjdbc make in {@code setAutoCommit(true)}, the {@code rollback()}
 * HikariCP makes when a connection with uncommitted work is closed, the query pgjdbc runs for
 * {@code isValid()}.
 */
public class UntracedConnectionCallAdvice {
  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static void enter() {
    JdbcExecutions.enterCallWithoutSpan();
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  public static void exit() {
    JdbcExecutions.exitCallWithoutSpan();
  }
}
