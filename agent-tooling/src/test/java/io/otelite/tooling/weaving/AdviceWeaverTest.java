package io.otelite.tooling.weaving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import example.weaving.Recorder;
import example.weaving.Woven;
import io.otelite.tooling.testing.InstrumentationTestHarness;
import java.io.IOException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The weaver, method shape by method shape, on a class loaded under the in-process agent: what each
 * advice parameter receives, where advice return values go, and that a failing advice changes
 * nothing.
 */
class AdviceWeaverTest {
  static final InstrumentationTestHarness harness = InstrumentationTestHarness.install();

  @BeforeEach
  void clear() {
    Recorder.calls.clear();
  }

  @Test
  void exitAdviceSeesTheEnterValueTheArgumentsAsOnEntryAndTheReturnValue() {
    long total = new Woven(1).sum(5, 2.0, new int[] {1, -3, 4});

    assertThat(total).isEqualTo(5 + 2 - (-3) + 8);
    assertThat(Recorder.calls).contains("entered with 5 x2.0, from 5, returned 18, thrown null");
  }

  @Test
  void everyReturnOfTheMethodCallsTheExitAdvice() {
    assertThat(new Woven(1).sum(999, 1.0, new int[] {5})).isEqualTo(1_000);

    assertThat(Recorder.calls)
        .contains("entered with 999 x1.0, from 999, returned 1000, thrown null");
  }

  @Test
  void aThrownExceptionReachesTheExitAdviceAndThenTheCallerUnchanged() {
    Woven woven = new Woven(1);

    assertThatThrownBy(() -> woven.fail("broken"))
        .isInstanceOf(IOException.class)
        .hasMessage("broken");
    assertThat(Recorder.calls).contains("returned null, thrown java.io.IOException: broken");
  }

  @Test
  void aNormalReturnReachesTheExitAdviceWithoutException() throws IOException {
    assertThat(new Woven(1).fail("")).isEqualTo("empty");

    assertThat(Recorder.calls).contains("returned empty, thrown null");
  }

  @Test
  void originAndAllArgumentsDescribeAStaticCallWithPrimitives() {
    assertThat(Woven.describe(3, 4L, "x")).isEqualTo("3/4/x");

    assertThat(Recorder.calls)
        .containsExactly("Woven.describe(IJLjava/lang/Object;)Ljava/lang/String; [3, 4, x]");
  }

  @Test
  void enterAdviceMayReplaceArgumentsFromTheArrayItReturns() {
    assertThat(new Woven(1).replace("a", "b")).isEqualTo("b2+a1");
  }

  @Test
  void aFailingEnterAdviceLeavesTheArgumentsAsTheyWere() {
    assertThat(new Woven(1).keep("fail", "b")).isEqualTo("fail+b");
  }

  @Test
  void constructorAdviceRunsBeforeTheSuperCallAndAfterTheObjectIsBuilt() {
    new Woven(4);

    assertThat(Recorder.calls)
        .containsExactly("constructing with 4", "constructed Woven with base 4");
  }

  @Test
  void exitAdviceMayReplaceAPrimitiveReturnValueReadingAnInheritedField() {
    assertThat(new Woven(5).base()).isEqualTo(10 + 5);
  }

  @Test
  void aFailingExitAdviceLeavesTheReturnValueAsItWas() {
    assertThat(new Woven(13).base()).isEqualTo(26);
  }

  @Test
  void enterAdviceReturningANonDefaultValueSkipsTheBodyButNotTheExitAdvice() {
    Woven woven = new Woven(1);

    assertThat(woven.maybeSkipped(false)).isEqualTo("body ran");
    assertThat(woven.maybeSkipped(true)).isEqualTo("skipped, returned null");
  }
}
