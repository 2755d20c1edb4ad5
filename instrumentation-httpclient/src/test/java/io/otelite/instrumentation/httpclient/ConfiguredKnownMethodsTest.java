package io.otelite.instrumentation.httpclient;

import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;
import static io.opentelemetry.semconv.HttpAttributes.HTTP_REQUEST_METHOD;
import static io.opentelemetry.semconv.HttpAttributes.HTTP_REQUEST_METHOD_ORIGINAL;

import io.opentelemetry.sdk.trace.data.SpanData;
import io.otelite.tooling.testing.InstrumentationTestHarness;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code otel.instrumentation.http.known-methods} shapes client spans as it does in the
 * OpenTelemetry agent: the configured list replaces semconv's default set. Runs in a JVM of its own
 * with {@code -Dotel.instrumentation.http.known-methods=GET,PURGE} (see this module's pom), since
 * an instrumenter reads its configuration once.
 */
class ConfiguredKnownMethodsTest {
  private final InstrumentationTestHarness harness = InstrumentationTestHarness.install();
  private final HttpClient client = HttpClient.newHttpClient();

  @Test
  void aConfiguredMethodIsReportedByNameAndADefaultOneThatIsNotListedBecomesOther()
      throws Exception {
    try (RecordingHttpServer server = new RecordingHttpServer()) {
      send(server, "PURGE");
      send(server, "POST");
    }

    List<SpanData> spans = harness.waitForSpans(2);
    assertThat(spans.get(0))
        .hasName("PURGE")
        .hasAttributesSatisfying(equalTo(HTTP_REQUEST_METHOD, "PURGE"));
    assertThat(spans.get(0).getAttributes().get(HTTP_REQUEST_METHOD_ORIGINAL)).isNull();
    assertThat(spans.get(1))
        .hasName("HTTP")
        .hasAttributesSatisfying(
            equalTo(HTTP_REQUEST_METHOD, "_OTHER"), equalTo(HTTP_REQUEST_METHOD_ORIGINAL, "POST"));
  }

  private void send(RecordingHttpServer server, String method) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(server.uri("/ok"))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build();
    client.send(request, HttpResponse.BodyHandlers.discarding());
  }
}
