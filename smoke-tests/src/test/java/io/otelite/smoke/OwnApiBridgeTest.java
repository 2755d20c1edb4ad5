package io.otelite.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.proto.trace.v1.Span.Event;
import io.opentelemetry.proto.trace.v1.Status;
import io.otelite.harness.Locations;
import io.otelite.harness.ManagedProcess;
import io.otelite.harness.OtlpReceiver;
import io.otelite.harness.ReceivedSpan;
import io.otelite.smoke.harness.SmallApp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An application that traces with its own OpenTelemetry API 1.40.0 (and no SDK) inside a Tomcat
 * servlet: its spans join the agent's trace, with parents both ways.
 */
class OwnApiBridgeTest {

  private static final Duration WAIT = Duration.ofSeconds(60);

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void theAppsOwnApiSpansJoinTheAgentsTraceWithParentsBothWays() throws IOException {
    SmallApp app = SmallApp.compile("ownapi", bundledLibraries());

    try (OtlpReceiver receiver = OtlpReceiver.http();
        ManagedProcess process =
            app.underAgent("own-api", "OwnApiApp").exportingTo(receiver).start()) {
      process.awaitStdoutLine("'done'", "done"::equals, WAIT);
      assertThat(process.stdout()).as(process.tail()).contains("checkout status: 200");

      ReceivedSpan appSpan =
          receiver
              .telemetry()
              .awaitSpan("the app's own span", s -> s.name().equals("checkout-logic"));
      List<ReceivedSpan> trace =
          receiver
              .telemetry()
              .awaitTrace(
                  appSpan.traceId(),
                  s -> s.isServerSpanForRoute("GET", "/checkout"),
                  s -> s.isServerSpanForRoute("GET", "/stock"),
                  s ->
                      s.isHttpClientCall()
                          && String.valueOf(s.attribute("url.full")).endsWith("/stock"),
                  ReceivedSpan::isDatabaseCall);
      ReceivedSpan checkoutServer =
          ReceivedSpan.only(trace, s -> s.isServerSpanForRoute("GET", "/checkout"));
      ReceivedSpan stockClient =
          ReceivedSpan.only(
              trace,
              s ->
                  s.isHttpClientCall()
                      && String.valueOf(s.attribute("url.full")).endsWith("/stock"));
      List<ReceivedSpan> databaseCalls =
          trace.stream().filter(ReceivedSpan::isDatabaseCall).toList();

      // (a) the app's span is a child of the agent's SERVER span
      assertThat(appSpan.isChildOf(checkoutServer)).as(trace.toString()).isTrue();
      assertThat(appSpan.scopeName()).isEqualTo("own-api-app");
      // (b) the agent's CLIENT and JDBC spans, made while the app's span is current, are its
      // children
      assertThat(stockClient.isChildOf(appSpan)).as(trace.toString()).isTrue();
      assertThat(databaseCalls)
          .isNotEmpty()
          .allMatch(db -> db.isChildOf(appSpan), "children of the app's span");
      // (c) what the app put on its span arrives over OTLP
      assertThat(appSpan.attributes())
          .containsEntry("order.id", "o-17")
          .containsEntry("order.items", 3L)
          .containsEntry("order.total", 12.5)
          .containsEntry("order.express", true)
          .containsEntry("order.tags", List.of("gift", "fragile"));
      assertThat(appSpan.statusCode()).isEqualTo(Status.StatusCode.STATUS_CODE_ERROR);
      assertThat(appSpan.span().getStatus().getMessage()).isEqualTo("payment declined");
      assertThat(appSpan.span().getEventsList())
          .extracting(Event::getName)
          .containsExactly("stock-checked", "exception");
      // (d) Span.current() of the app's API inside the servlet is the agent's SERVER span
      assertThat(process.stdout())
          .contains(
              "servlet sees Span.current(): valid=true traceId="
                  + checkoutServer.traceId()
                  + " spanId="
                  + checkoutServer.spanId());
    }
  }

  private static List<Path> bundledLibraries() throws IOException {
    Path libraries =
        Locations.copiedByMaven("apps/own-api-libs/opentelemetry-api-1.40.0.jar").getParent();
    try (Stream<Path> jars = Files.list(libraries)) {
      return jars.filter(jar -> jar.toString().endsWith(".jar")).sorted().toList();
    }
  }
}
