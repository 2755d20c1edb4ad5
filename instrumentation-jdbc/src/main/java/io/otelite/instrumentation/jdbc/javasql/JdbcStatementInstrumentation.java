package io.otelite.instrumentation.jdbc.javasql;

import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.otelite.instrumentation.api.TypeTransformer;

/**
 * Every class that implements {@code java.sql.Statement}, {@code PreparedStatement} or {@code
 * CallableStatement}.
 */
final class JdbcStatementInstrumentation extends JdbcImplementationInstrumentation {

  JdbcStatementInstrumentation() {
    super("java.sql.Statement");
  }

  @Override
  public void transform(TypeTransformer transformer) {
    String[] executeMethods = {"execute", "executeQuery", "executeUpdate", "executeLargeUpdate"};
    transformer.applyAdviceToMethod(
        namedOneOf(executeMethods)
            .and(takesArgument(0, String.class))
            .and(isPublic())
            .and(not(isAbstract())),
        ADVICE_PACKAGE + "StatementExecuteAdvice");
    transformer.applyAdviceToMethod(
        namedOneOf(executeMethods).and(takesArguments(0)).and(isPublic()).and(not(isAbstract())),
        ADVICE_PACKAGE + "PreparedStatementExecuteAdvice");
    transformer.applyAdviceToMethod(
        namedOneOf("executeBatch", "executeLargeBatch")
            .and(takesArguments(0))
            .and(isPublic())
            .and(not(isAbstract())),
        ADVICE_PACKAGE + "StatementExecuteBatchAdvice");
    transformer.applyAdviceToMethod(
        named("addBatch").and(takesArguments(String.class)).and(isPublic()).and(not(isAbstract())),
        ADVICE_PACKAGE + "StatementAddBatchAdvice");
    transformer.applyAdviceToMethod(
        named("addBatch").and(takesArguments(0)).and(isPublic()).and(not(isAbstract())),
        ADVICE_PACKAGE + "PreparedStatementAddBatchAdvice");
    transformer.applyAdviceToMethod(
        named("clearBatch").and(takesArguments(0)).and(isPublic()).and(not(isAbstract())),
        ADVICE_PACKAGE + "StatementClearBatchAdvice");
    transformer.applyAdviceToMethod(
        named("close").and(takesArguments(0)).and(isPublic()).and(not(isAbstract())),
        ADVICE_PACKAGE + "StatementCloseAdvice");
  }
}
