package io.otelite.tooling.instrumentation;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelite.instrumentation.api.AgentLog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import net.bytebuddy.pool.TypePool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the user sees on stderr when a class cannot be instrumented. */
class TransformationLogTest {
  private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
  private PrintStream originalStderr;

  @BeforeEach
  void captureStderr() {
    originalStderr = System.err;
    System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restoreStderr() {
    System.setErr(originalStderr);
    AgentLog.setDebug(false);
  }

  @Test
  void aClassWhoseHierarchyNamesAMissingTypeIsSkippedWithoutAWarning() {
    new TransformationLog()
        .failed(
            "io.micrometer.core.instrument.binder.jersey.server.MetricsApplicationEventListener",
            getClass().getClassLoader(),
            new TypePool.Resolution.NoSuchTypeException(
                "org.glassfish.jersey.server.monitoring.ApplicationEventListener"));

    assertThat(stderr.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void inDebugModeTheSkippedClassAndTheMissingTypeAreNamed() {
    AgentLog.setDebug(true);

    new TransformationLog()
        .failed(
            "com.example.Listener",
            getClass().getClassLoader(),
            new IllegalStateException(
                "while matching",
                new TypePool.Resolution.NoSuchTypeException("com.example.MissingInterface")));

    assertThat(stderr.toString(StandardCharsets.UTF_8))
        .startsWith("[otelite] DEBUG skipped com.example.Listener")
        .contains("com.example.MissingInterface")
        .doesNotContain("WARN");
  }

  @Test
  void anyOtherFailureIsAWarning() {
    new TransformationLog()
        .failed(
            "com.example.Broken",
            getClass().getClassLoader(),
            new IllegalStateException("a frame that cannot be computed"));

    assertThat(stderr.toString(StandardCharsets.UTF_8))
        .startsWith("[otelite] WARN could not instrument com.example.Broken");
  }
}
