package io.otelite.instrumentation.jdbc.javasql;

import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;

import io.otelite.instrumentation.api.TypeInstrumentation;
import java.util.Set;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Every class outside the JDK that implements one {@code java.sql} interface, whoever provides it
 * (drivers, pools' proxies): the JDK is skipped by name, the rest by its super types.
 */
abstract class JdbcImplementationInstrumentation implements TypeInstrumentation {
  static final String ADVICE_PACKAGE = "io.otelite.instrumentation.jdbc.javasql.";

  private final String jdbcInterface;

  JdbcImplementationInstrumentation(String jdbcInterface) {
    this.jdbcInterface = jdbcInterface;
  }

  @Override
  public boolean mayMatchName(String className) {
    return JdbcInstrumentationModule.mayBeDriverClass(className);
  }

  @Override
  public Set<String> requiredSuperTypes() {
    return Set.of(jdbcInterface);
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return not(isInterface()).and(hasSuperType(named(jdbcInterface)));
  }
}
