package io.otelite.instrumentation.api.span;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;

/**
 * What the configured sampler looks at when it decides, so that instrumenters spend nothing on the
 * attributes of a span that is not recorded. The SDK's own samplers ({@code always_on}, {@code
 * always_off}, {@code traceidratio} and the parent-based combinations of them, the agent's default
 * among them) decide from the parent and the trace id alone; a sampler from an extension may read
 * the span's attributes, and then gets them when the span is created, as with the OpenTelemetry
 * agent.
 *
 * <p>Set once by the agent from the sampler it built; until then (and in tests that do not set it)
 * every sampler is assumed to read attributes, which costs allocation and changes nothing else.
 */
public final class SamplerTraits {
  /** Assumes nothing: attributes always go to the span builder. */
  public static final SamplerTraits READS_ATTRIBUTES = new SamplerTraits(true, true);

  private static volatile SamplerTraits configured = READS_ATTRIBUTES;

  private final boolean readsAttributes;
  private final boolean samplesEveryRoot;

  private SamplerTraits(boolean readsAttributes, boolean samplesEveryRoot) {
    this.readsAttributes = readsAttributes;
    this.samplesEveryRoot = samplesEveryRoot;
  }

  /**
   * A sampler that decides without the span's name and attributes; {@code samplesEveryRoot}: it
   * records every span that has no parent ({@code always_on}, {@code parentbased_always_on}).
   */
  public static SamplerTraits attributeBlind(boolean samplesEveryRoot) {
    return new SamplerTraits(false, samplesEveryRoot);
  }

  public static SamplerTraits configured() {
    return configured;
  }

  public static void configure(SamplerTraits traits) {
    configured = traits == null ? READS_ATTRIBUTES : traits;
  }

  /**
   * Whether the attributes of a span to be started under {@code parent} go to its builder, before
   * the sampling decision: where the sampler reads them, and where the span will most likely be
   * recorded (the builder takes attributes without the lock a started span takes for each). Else
   * the instrumenter adds them to the started span, and only if it is recording. Which of the two
   * only decides the cost: a recorded span gets its attributes either way.
   */
  public boolean attributesBeforeSampling(Context parent) {
    if (readsAttributes) {
      return true;
    }
    SpanContext parentSpan = Span.fromContext(parent).getSpanContext();
    return parentSpan.isValid() ? parentSpan.isSampled() : samplesEveryRoot;
  }
}
