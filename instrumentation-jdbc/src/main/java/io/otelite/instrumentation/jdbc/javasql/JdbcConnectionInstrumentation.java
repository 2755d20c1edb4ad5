package io.otelite.instrumentation.jdbc.javasql;

import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isOverriddenFrom;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.otelite.instrumentation.api.InstrumentationConfig;
import io.otelite.instrumentation.api.TypeTransformer;
import java.sql.Connection;

/**
 * Every class that implements {@code java.sql.Connection}: remembers the SQL of prepared and
 * callable statements, makes spans for {@code commit()} and {@code rollback()}, and counts every
 * other connection method as a JDBC call, so that the commits, rollbacks and queries a driver or
 * pool makes inside one ({@code setAutoCommit(true)}, {@code close()}, {@code isValid()}) make no
 * span.
 */
final class JdbcConnectionInstrumentation extends JdbcImplementationInstrumentation {
  static final String TRANSACTION_ENABLED_KEY = "otel.instrumentation.jdbc.transaction.enabled";

  JdbcConnectionInstrumentation() {
    super("java.sql.Connection");
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        namedOneOf("prepareStatement", "prepareCall")
            .and(takesArgument(0, String.class))
            .and(isPublic())
            .and(not(isAbstract())),
        ADVICE_PACKAGE + "ConnectionPrepareAdvice");
    // every other connection method: no span, but what the driver or pool does inside it is theirs
    // (statements are created and prepared once per statement without any SQL run: left alone)
    transformer.applyAdviceToMethod(
        isPublic()
            .and(not(isAbstract()))
            .and(not(isStatic()))
            .and(not(namedOneOf("commit", "rollback").and(takesArguments(0))))
            .and(not(namedOneOf("createStatement", "prepareStatement", "prepareCall")))
            .and(isOverriddenFrom(Connection.class)),
        ADVICE_PACKAGE + "UntracedConnectionCallAdvice");
    if (InstrumentationConfig.getBoolean(TRANSACTION_ENABLED_KEY, true)) {
      transformer.applyAdviceToMethod(
          namedOneOf("commit", "rollback")
              .and(takesArguments(0))
              .and(isPublic())
              .and(not(isAbstract())),
          ADVICE_PACKAGE + "ConnectionTransactionAdvice");
    }
  }
}
