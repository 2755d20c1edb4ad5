package io.otelite.tooling.instrumentation;

/** One type instrumentation ready to apply: which classes it matches, and the advice it weaves. */
final class TypeWeaving {
  final TypeMatch match;
  final AdviceCollector advice;

  TypeWeaving(TypeMatch match, AdviceCollector advice) {
    this.match = match;
    this.advice = advice;
  }
}
