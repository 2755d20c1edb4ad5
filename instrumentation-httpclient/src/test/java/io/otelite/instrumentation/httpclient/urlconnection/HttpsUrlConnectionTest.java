package io.otelite.instrumentation.httpclient.urlconnection;

import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;
import static io.opentelemetry.semconv.HttpAttributes.HTTP_REQUEST_METHOD;
import static io.opentelemetry.semconv.HttpAttributes.HTTP_RESPONSE_STATUS_CODE;
import static io.opentelemetry.semconv.NetworkAttributes.NETWORK_PROTOCOL_VERSION;
import static io.opentelemetry.semconv.ServerAttributes.SERVER_ADDRESS;
import static io.opentelemetry.semconv.ServerAttributes.SERVER_PORT;
import static io.opentelemetry.semconv.UrlAttributes.URL_FULL;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.otelite.harness.TestCertificate;
import io.otelite.instrumentation.httpclient.RecordingHttpServer;
import io.otelite.tooling.testing.InstrumentationTestHarness;
import java.io.InputStream;
import java.net.URI;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * HTTPS goes through {@code HttpsURLConnectionImpl}, which delegates to a subclass of the HTTP
 * connection.
 */
class HttpsUrlConnectionTest {
  static final InstrumentationTestHarness harness = InstrumentationTestHarness.install();
  static SSLContext tls;
  static RecordingHttpServer server;

  @BeforeAll
  static void startServer() throws Exception {
    tls = TestCertificate.selfTrustingContext();
    server = RecordingHttpServer.https(tls);
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @Test
  void anHttpsRequestIsOneClientSpanWithItsContextInTheHeaders() throws Exception {
    harness.clear();
    URI uri = server.uri("/ok");

    HttpsURLConnection connection = (HttpsURLConnection) uri.toURL().openConnection();
    connection.setSSLSocketFactory(tls.getSocketFactory());
    int status = connection.getResponseCode();
    try (InputStream body = connection.getInputStream()) {
      body.readAllBytes();
    }

    assertThat(status).isEqualTo(200);
    SpanData client = harness.waitForSpans(1).get(0);
    assertThat(client)
        .hasKind(SpanKind.CLIENT)
        .hasName("GET")
        .hasAttributesSatisfyingExactly(
            equalTo(HTTP_REQUEST_METHOD, "GET"),
            equalTo(URL_FULL, uri.toString()),
            equalTo(SERVER_ADDRESS, "127.0.0.1"),
            equalTo(SERVER_PORT, server.port()),
            equalTo(HTTP_RESPONSE_STATUS_CODE, 200),
            equalTo(NETWORK_PROTOCOL_VERSION, "1.1"));
    assertThat(server.lastReceived().headerValues("traceparent"))
        .singleElement()
        .asString()
        .contains(client.getSpanId());
    Thread.sleep(100);
    assertThat(harness.spans()).hasSize(1);
  }
}
