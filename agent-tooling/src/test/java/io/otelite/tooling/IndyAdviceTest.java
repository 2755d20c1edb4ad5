package io.otelite.tooling;

import static org.assertj.core.api.Assertions.assertThat;

import example.greeter.Greeter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.otelite.tooling.testing.InstrumentationTestHarness;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IndyAdviceTest {
  static final InstrumentationTestHarness harness = InstrumentationTestHarness.install();

  @BeforeEach
  void clear() {
    harness.clear();
  }

  @Test
  void adviceRunsAroundTheMethodOfAClassFromTheSystemClassLoader() {
    String greeting = new Greeter().greet("ada");

    assertThat(greeting).isEqualTo("hello ada (instrumented)");
    List<SpanData> spans = harness.waitForSpans(1);
    assertThat(spans).extracting(SpanData::getName).containsExactly("greet ada");
  }

  @Test
  void adviceIsLoadedInAModuleClassLoaderNotTheApplications() {
    new Greeter().greet("bob");

    String adviceLoader =
        harness
            .waitForSpans(1)
            .get(0)
            .getAttributes()
            .get(io.opentelemetry.api.common.AttributeKey.stringKey("advice.loader"));
    assertThat(adviceLoader).contains("otelite-module");
  }

  @Test
  void aClassFromAChildUrlClassLoaderIsInstrumentedToo() throws Exception {
    URL testClasses = Path.of("target/test-classes").toUri().toURL();
    try (URLClassLoader child =
        new URLClassLoader(new URL[] {testClasses}, ClassLoader.getPlatformClassLoader())) {
      Class<?> childGreeter = child.loadClass("example.greeter.Greeter");
      assertThat(childGreeter.getClassLoader()).isSameAs(child);

      Object greeting =
          childGreeter
              .getMethod("greet", String.class)
              .invoke(childGreeter.getConstructor().newInstance(), "cy");

      assertThat(greeting).isEqualTo("hello cy (instrumented)");
      assertThat(harness.waitForSpans(1)).extracting(SpanData::getName).containsExactly("greet cy");
    }
  }

  @Test
  void failingAdviceLeavesTheApplicationCallUntouched() {
    assertThat(new Greeter().count(41)).isEqualTo(42);
    assertThat(new Greeter().count(1)).isEqualTo(2);
  }
}
