package io.otelite.agent.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelite.harness.ManagedProcess;
import io.otelite.harness.OtlpReceiver;
import io.otelite.harness.ReceivedSpan;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * 1 MB statements, binary-ish strings, unterminated quotes and comments through H2 under the built
 * agent: every statement ends as without the agent, in comparable time, and what is exported holds
 * no literal and no comment and is cut at 32 Ki chars.
 */
class ReliabilityHugeSqlIT {
  private static final String APP = "example.apps.reliability.HugeSqlApp";
  private static final int MAX_QUERY_TEXT_LENGTH = 32 * 1024;
  private static final Pattern STATEMENT =
      Pattern.compile("statement (\\S+) outcome=(\\S+) ms=(\\d+)");
  private static final Pattern TOTAL = Pattern.compile("total ms=(\\d+)");

  @Test
  @Timeout(120)
  void hostileSqlIsSanitizedAndBoundedAndTheApplicationSeesNoDifference() throws Exception {
    String outcomesWithout;
    long millisWithout;
    try (ManagedProcess run = HttpCalls.main(APP).withoutAgent().libraries("h2").run()) {
      outcomesWithout = outcomes(run.stdoutText());
      millisWithout = total(run.stdoutText());
    }

    try (OtlpReceiver receiver = OtlpReceiver.http();
        ManagedProcess run =
            HttpCalls.main(APP)
                .libraries("h2")
                .env(
                    Map.of(
                        "OTEL_EXPORTER_OTLP_ENDPOINT", receiver.endpoint(),
                        "OTEL_METRICS_EXPORTER", "none",
                        "OTEL_BSP_SCHEDULE_DELAY", "100"))
                .run()) {
      String outcomesWith = outcomes(run.stdoutText());
      long millisWith = total(run.stdoutText());
      // the CREATE TABLE, then one span per statement, the prepared one included
      long statements = outcomesWith.lines().count();
      List<ReceivedSpan> spans = receiver.telemetry().spans();
      List<String> texts =
          spans.stream()
              .map(span -> span.stringAttribute("db.query.text"))
              .collect(Collectors.toList());
      System.out.println(
          "huge SQL: "
              + statements
              + " statements, "
              + millisWithout
              + " ms without the agent, "
              + millisWith
              + " ms with it; db.query.text lengths "
              + texts.stream()
                  .map(t -> t == null ? "-" : String.valueOf(t.length()))
                  .collect(Collectors.toList())
              + "\noutcomes:\n"
              + outcomesWith);

      assertThat(run.exitCode()).isZero();
      assertThat(outcomesWith).isEqualTo(outcomesWithout);
      assertThat(outcomesWith)
          .as("unterminated quotes fail in H2 as they should")
          .contains("unterminated-quote outcome=42");
      assertThat(spans).hasSize((int) statements + 1);
      assertThat(texts)
          .allSatisfy(
              text -> assertThat(text).isNotNull().hasSizeLessThanOrEqualTo(MAX_QUERY_TEXT_LENGTH));
      assertThat(spans)
          .allSatisfy(
              span ->
                  assertThat(span.toString().toUpperCase(Locale.ROOT)).doesNotContain("PLANTED"));
      assertThat(texts)
          .as(
              "a 1 MB statement that stays long without its literals is cut at the bound, not dropped")
          .filteredOn(text -> text.startsWith("INSERT INTO t VALUES (?, ?), (?, ?), (?, ?)"))
          .hasSize(2)
          .allSatisfy(text -> assertThat(text.length()).isGreaterThan(MAX_QUERY_TEXT_LENGTH - 32));
      // H2 parsing 1 MB dominates both runs, and the machine is shared: generous, yet a sanitizer
      // that is not
      // linear in the statement's length would take minutes on 1 MB
      assertThat(millisWith).isLessThan(3 * millisWithout + 3000);
      assertThat(run.stderrWithoutJvmNotice()).isEmpty();
    }
  }

  private static String outcomes(String stdout) {
    Matcher matcher = STATEMENT.matcher(stdout);
    StringBuilder outcomes = new StringBuilder();
    while (matcher.find()) {
      outcomes.append(matcher.group(1)).append(" outcome=").append(matcher.group(2)).append('\n');
    }
    assertThat(outcomes).as("statement lines on stdout:\n" + stdout).isNotEmpty();
    return outcomes.toString();
  }

  private static long total(String stdout) {
    Matcher matcher = TOTAL.matcher(stdout);
    assertThat(matcher.find()).as("total on stdout:\n" + stdout).isTrue();
    return Long.parseLong(matcher.group(1));
  }
}
