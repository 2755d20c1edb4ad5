package io.otelite.tooling.sampling;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;
import io.otelite.instrumentation.api.span.SamplerTraits;
import java.util.List;
import org.junit.jupiter.api.Test;

class SdkSamplerTraitsTest {
  private static final Context ROOT = Context.root();
  private static final Context SAMPLED_PARENT = parent(TraceFlags.getSampled());
  private static final Context UNSAMPLED_PARENT = parent(TraceFlags.getDefault());

  @Test
  void theAgentsDefaultSamplerGetsAttributesOnlyWhereTheSpanWillBeRecorded() {
    SamplerTraits traits = SdkSamplerTraits.of(Sampler.parentBased(Sampler.alwaysOn()));

    assertThat(traits.attributesBeforeSampling(ROOT)).isTrue();
    assertThat(traits.attributesBeforeSampling(SAMPLED_PARENT)).isTrue();
    assertThat(traits.attributesBeforeSampling(UNSAMPLED_PARENT)).isFalse();
  }

  @Test
  void ratioSamplingLeavesRootAttributesUntilTheDecision() {
    SamplerTraits parentBased =
        SdkSamplerTraits.of(Sampler.parentBased(Sampler.traceIdRatioBased(0.1)));
    SamplerTraits plain = SdkSamplerTraits.of(Sampler.traceIdRatioBased(0.1));

    assertThat(parentBased.attributesBeforeSampling(ROOT)).isFalse();
    assertThat(parentBased.attributesBeforeSampling(SAMPLED_PARENT)).isTrue();
    assertThat(plain.attributesBeforeSampling(ROOT)).isFalse();
    assertThat(SdkSamplerTraits.of(Sampler.alwaysOff()).attributesBeforeSampling(ROOT)).isFalse();
  }

  @Test
  void anyOtherSamplerMayReadAttributesAndAlwaysGetsThem() {
    Sampler custom = new NamedSampler("RuleBased{drop url.path=/health}");

    assertThat(SdkSamplerTraits.of(custom)).isSameAs(SamplerTraits.READS_ATTRIBUTES);
    assertThat(SdkSamplerTraits.of(Sampler.parentBased(custom)))
        .isSameAs(SamplerTraits.READS_ATTRIBUTES);
    // a custom sampler that borrows a built-in description is still not the SDK's own
    assertThat(SdkSamplerTraits.of(new NamedSampler("AlwaysOnSampler")))
        .isSameAs(SamplerTraits.READS_ATTRIBUTES);
    assertThat(SdkSamplerTraits.of(null)).isSameAs(SamplerTraits.READS_ATTRIBUTES);
    assertThat(SamplerTraits.READS_ATTRIBUTES.attributesBeforeSampling(UNSAMPLED_PARENT)).isTrue();
  }

  private static Context parent(TraceFlags flags) {
    return Context.root()
        .with(
            Span.wrap(
                SpanContext.createFromRemoteParent(
                    "0af7651916cd43dd8448eb211c80319c",
                    "b7ad6b7169203331",
                    flags,
                    TraceState.getDefault())));
  }

  private static final class NamedSampler implements Sampler {
    private final String description;

    NamedSampler(String description) {
      this.description = description;
    }

    @Override
    public SamplingResult shouldSample(
        Context parentContext,
        String traceId,
        String name,
        SpanKind spanKind,
        Attributes attributes,
        List<LinkData> parentLinks) {
      return SamplingResult.recordAndSample();
    }

    @Override
    public String getDescription() {
      return description;
    }
  }
}
