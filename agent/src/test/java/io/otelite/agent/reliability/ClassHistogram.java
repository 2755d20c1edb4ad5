package io.otelite.agent.reliability;

import io.otelite.harness.ManagedProcess;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code jcmd <pid> GC.class_histogram} of another JVM (taken after a full GC, so it shows what is
 * retained): instances and bytes per class name.
 */
final class ClassHistogram {
  private static final Pattern ROW =
      Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)", Pattern.MULTILINE);

  record Entry(long instances, long bytes) {}

  final Map<String, Entry> byClass;

  private ClassHistogram(Map<String, Entry> byClass) {
    this.byClass = byClass;
  }

  static ClassHistogram of(ManagedProcess jvm) {
    String output = jvm.jcmd("GC.class_histogram");
    Map<String, Entry> byClass = new LinkedHashMap<>();
    Matcher matcher = ROW.matcher(output);
    while (matcher.find()) {
      // the same name may appear once per class loader (the agent's classes next to an
      // application's copy)
      byClass.merge(
          matcher.group(3),
          new Entry(Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2))),
          (a, b) -> new Entry(a.instances + b.instances, a.bytes + b.bytes));
    }
    if (byClass.isEmpty()) {
      throw new AssertionError("no histogram rows in:\n" + output);
    }
    return new ClassHistogram(byClass);
  }

  /** A full GC in {@code jvm}. */
  static void fullGc(ManagedProcess jvm) {
    jvm.jcmd("GC.run");
  }

  /** The agent's share: classes of OpenTelemetry and otelite. */
  static boolean isAgentClass(String name) {
    return name.startsWith("io.opentelemetry.") || name.startsWith("io.otelite.");
  }

  long agentBytes() {
    return byClass.entrySet().stream()
        .filter(e -> isAgentClass(e.getKey()))
        .mapToLong(e -> e.getValue().bytes)
        .sum();
  }

  long agentInstances() {
    return byClass.entrySet().stream()
        .filter(e -> isAgentClass(e.getKey()))
        .mapToLong(e -> e.getValue().instances)
        .sum();
  }

  long totalBytes() {
    return byClass.values().stream().mapToLong(Entry::bytes).sum();
  }

  long instances(String className) {
    Entry entry = byClass.get(className);
    return entry == null ? 0 : entry.instances;
  }

  /**
   * Agent classes with at least {@code minimum} more instances here than in {@code earlier}, with
   * the growth.
   */
  Map<String, Long> agentClassesGrownSince(ClassHistogram earlier, long minimum) {
    Map<String, Long> grown = new LinkedHashMap<>();
    byClass.forEach(
        (name, entry) -> {
          long growth = entry.instances - earlier.instances(name);
          if (isAgentClass(name) && growth >= minimum) {
            grown.put(name, growth);
          }
        });
    return grown;
  }
}
