package io.otelite.instrumentation.httpclient.urlconnection;

import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;
import static io.opentelemetry.semconv.HttpAttributes.HTTP_REQUEST_METHOD;
import static io.opentelemetry.semconv.HttpAttributes.HTTP_RESPONSE_STATUS_CODE;

import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import io.otelite.instrumentation.httpclient.AbstractHttpClientTest;
import io.otelite.instrumentation.httpclient.RecordingHttpServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HttpUrlConnectionTest extends AbstractHttpClientTest {

  @Override
  protected int sendGet(URI uri) throws Exception {
    HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
    try {
      int status = connection.getResponseCode();
      try (InputStream body =
          status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
        body.readAllBytes();
      }
      return status;
    } finally {
      connection.disconnect();
    }
  }

  @Override
  protected String instrumentationName() {
    return "io.otelite.http-url-connection";
  }

  @Override
  protected Class<? extends Exception> connectionRefusedException() {
    return ConnectException.class;
  }

  @Test
  void readingOnlyTheInputStreamMakesOneSpan() throws Exception {
    HttpURLConnection connection = (HttpURLConnection) server.uri("/ok").toURL().openConnection();
    try (InputStream body = connection.getInputStream()) {
      body.readAllBytes();
    }
    // asking for headers and the status afterwards reads what has already arrived
    connection.getHeaderFields();
    connection.getResponseCode();

    assertThat(onlyClientSpan()).hasAttributesSatisfying(equalTo(HTTP_RESPONSE_STATUS_CODE, 200));
    assertThat(server.received()).hasSize(1);
  }

  @Test
  void writingABodyThroughTheOutputStreamIsAPostWithTheHeadersSentBeforeTheBody() throws Exception {
    HttpURLConnection connection =
        (HttpURLConnection) server.uri("/orders").toURL().openConnection();
    connection.setDoOutput(true);
    connection.setFixedLengthStreamingMode(2); // headers leave with getOutputStream, not later
    try (OutputStream body = connection.getOutputStream()) {
      body.write("{}".getBytes(StandardCharsets.UTF_8));
    }
    int status = connection.getResponseCode();

    assertThat(status).isEqualTo(200);
    SpanData client = onlyClientSpan();
    assertThat(client)
        .hasName("POST")
        .hasAttributesSatisfying(equalTo(HTTP_REQUEST_METHOD, "POST"));
    assertThat(server.lastReceived().method).isEqualTo("POST");
    assertThat(server.lastReceived().headerValues("traceparent"))
        .singleElement()
        .asString()
        .contains(client.getSpanId());
  }

  @Test
  void connectingFirstStillSendsTheHeaders() throws Exception {
    HttpURLConnection connection = (HttpURLConnection) server.uri("/ok").toURL().openConnection();
    connection.connect();
    int status = connection.getResponseCode();

    assertThat(status).isEqualTo(200);
    assertThat(server.lastReceived().headerValues("traceparent"))
        .singleElement()
        .asString()
        .contains(onlyClientSpan().getSpanId());
  }

  @Test
  void aConnectionDisconnectedBeforeItsResponseEndsItsSpanWithoutStatus() throws Exception {
    HttpURLConnection connection = (HttpURLConnection) server.uri("/ok").toURL().openConnection();
    connection.connect();
    connection.disconnect();

    SpanData client = onlyClientSpan();
    assertThat(client).hasStatus(StatusData.unset());
    assertThat(client.getAttributes().get(HTTP_RESPONSE_STATUS_CODE)).isNull();
  }

  @Test
  void aFailedConnectionIsNotRetriedIntoASecondSpan() throws Exception {
    HttpURLConnection connection = refusingConnection();
    try {
      connection.connect();
    } catch (ConnectException expected) {
      // the span ends here
    }
    try {
      connection.getResponseCode();
    } catch (ConnectException expected) {
      // the JDK tries again, within the same request
    }

    harness.waitForSpans(1);
    Thread.sleep(100);
    assertThat(harness.spans()).hasSize(1);
  }

  private static HttpURLConnection refusingConnection() throws Exception {
    return (HttpURLConnection) RecordingHttpServer.refusingUri().toURL().openConnection();
  }
}
