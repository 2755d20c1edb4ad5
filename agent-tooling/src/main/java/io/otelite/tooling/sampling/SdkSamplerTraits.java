package io.otelite.tooling.sampling;

import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.otelite.instrumentation.api.span.SamplerTraits;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells from the sampler the SDK was built with whether it reads span attributes: the SDK's own
 * samplers ({@code always_on}, {@code always_off}, {@code traceidratio}, and {@code ParentBased}
 * over them, whatever their configuration) decide from the parent and the trace id alone. Anything
 * else, a sampler from an extension or a customizer, or a built-in one wrapped around one, is
 * assumed to read them. Runs once at start-up.
 */
public final class SdkSamplerTraits {
  private static final String BUILT_IN =
      "(AlwaysOnSampler|AlwaysOffSampler|TraceIdRatioBased\\{[^{}]*\\})";
  private static final Pattern PARENT_BASED =
      Pattern.compile(
          "ParentBased\\{root:"
              + BUILT_IN
              + ",remoteParentSampled:"
              + BUILT_IN
              + ",remoteParentNotSampled:"
              + BUILT_IN
              + ",localParentSampled:"
              + BUILT_IN
              + ",localParentNotSampled:"
              + BUILT_IN
              + "\\}");
  private static final Pattern PLAIN = Pattern.compile(BUILT_IN);

  private static final String ALWAYS_ON = "AlwaysOnSampler";

  /** {@code io.opentelemetry.sdk.trace.samplers.}, wherever the agent relocated it. */
  private static final String SDK_SAMPLERS_PACKAGE =
      Sampler.class.getName().substring(0, Sampler.class.getName().lastIndexOf('.') + 1);

  private SdkSamplerTraits() {}

  public static SamplerTraits of(Sampler sampler) {
    // the SDK's own classes: their descriptions name their delegates, which may be anyone's
    if (sampler == null || !sampler.getClass().getName().startsWith(SDK_SAMPLERS_PACKAGE)) {
      return SamplerTraits.READS_ATTRIBUTES;
    }
    String description = sampler.getDescription();
    Matcher parentBased = PARENT_BASED.matcher(description);
    if (parentBased.matches()) {
      return SamplerTraits.attributeBlind(parentBased.group(1).equals(ALWAYS_ON));
    }
    if (PLAIN.matcher(description).matches()) {
      return SamplerTraits.attributeBlind(description.equals(ALWAYS_ON));
    }
    return SamplerTraits.READS_ATTRIBUTES;
  }
}
