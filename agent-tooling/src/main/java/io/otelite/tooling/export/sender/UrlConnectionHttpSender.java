package io.otelite.tooling.export.sender;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.export.Compressor;
import io.opentelemetry.sdk.common.export.HttpResponse;
import io.opentelemetry.sdk.common.export.HttpSender;
import io.opentelemetry.sdk.common.export.HttpSenderConfig;
import io.opentelemetry.sdk.common.export.MessageWriter;
import io.opentelemetry.sdk.common.export.ProxyOptions;
import io.opentelemetry.sdk.common.export.RetryPolicy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocketFactory;

/**
 * The OTLP http exporters' sender: each export is one HTTP/1.1 POST, written and answered on the
 * thread that exports (the batch processor's worker, the metric reader's), over a connection the
 * JDK keeps alive and shares between the three signals' exporters.
 *
 * <p>Why not the SDK's JDK HttpClient sender: every export went through three more threads (its
 * executor, the client's selector and its workers) and copies into the client's buffers; the client
 * loaded about 250 classes and, at its first export, initialised TLS even for an {@code http://}
 * endpoint. Here nothing is built before the first export and nothing runs between exports.
 *
 * <p>Like the SDK's senders it retries 429, 502, 503 and 504 and failed connections with the
 * configured policy, and stops at the configured timeout (connecting, writing, reading and backing
 * off together). {@link HttpSenderConfig#getExecutorService()} is not used: there is nothing
 * asynchronous to run.
 */
final class UrlConnectionHttpSender implements HttpSender {
  /** Sending is on few threads and rare: each keeps its buffer, unless a batch made it huge. */
  private static final int KEPT_BUFFER_BYTES = 1 << 20;

  private static final ThreadLocal<RequestBody> BODY = ThreadLocal.withInitial(RequestBody::new);

  private final URI endpoint;
  private final URL url;
  private final String contentType;
  private final Compressor compressor;
  private final long timeoutNanos;
  private final long connectTimeoutNanos;
  private final Supplier<Map<String, List<String>>> headers;
  private final RetryPolicy retryPolicy;
  private final Predicate<IOException> retryableFailure;
  private final ProxySelector proxySelector;
  private final SSLSocketFactory socketFactory;
  private final long maxResponseBodySize;
  private volatile boolean shutDown;

  UrlConnectionHttpSender(HttpSenderConfig config) {
    this.endpoint = config.getEndpoint();
    try {
      this.url = endpoint.toURL();
    } catch (IOException | IllegalArgumentException notAUrl) {
      throw new IllegalArgumentException("not an http(s) endpoint: " + endpoint, notAUrl);
    }
    this.contentType = config.getContentType();
    this.compressor = config.getCompressor();
    this.timeoutNanos = config.getTimeout().toNanos();
    this.connectTimeoutNanos = config.getConnectTimeout().toNanos();
    this.headers = config.getHeadersSupplier();
    this.retryPolicy = config.getRetryPolicy();
    Predicate<IOException> configured =
        retryPolicy == null ? null : retryPolicy.getRetryExceptionPredicate();
    this.retryableFailure =
        configured != null ? configured : UrlConnectionHttpSender::isRetryableByDefault;
    ProxyOptions proxy = config.getProxyOptions();
    this.proxySelector = proxy == null ? null : proxy.getProxySelector();
    this.socketFactory =
        config.getSslContext() == null ? null : config.getSslContext().getSocketFactory();
    this.maxResponseBodySize = config.getMaxResponseBodySize();
  }

  @Override
  public void send(
      MessageWriter message, Consumer<HttpResponse> onResponse, Consumer<Throwable> onError) {
    HttpResponse response;
    try {
      if (shutDown) {
        throw new IllegalStateException("the exporter is shut down");
      }
      response = sendWithRetries(message);
    } catch (Throwable failure) {
      onError.accept(failure);
      return;
    }
    onResponse.accept(response);
  }

  @Override
  public CompletableResultCode shutdown() {
    shutDown = true; // no connection of its own: the JDK closes idle kept-alive ones
    return CompletableResultCode.ofSuccess();
  }

  private HttpResponse sendWithRetries(MessageWriter message) throws IOException {
    long deadline = System.nanoTime() + timeoutNanos;
    RequestBody body = BODY.get();
    try {
      body.write(message, compressor);
      int maxAttempts = retryPolicy == null ? 1 : retryPolicy.getMaxAttempts();
      long nextBackoffNanos = retryPolicy == null ? 0 : retryPolicy.getInitialBackoff().toNanos();
      for (int attempt = 1; ; attempt++) {
        HttpResponse response = null;
        IOException failure = null;
        try {
          response = post(body, deadline);
          if (!isRetryableStatus(response.getStatusCode())) {
            return response;
          }
        } catch (IOException e) {
          if (!retryableFailure.test(e)) {
            throw e;
          }
          failure = e;
        }
        if (attempt >= maxAttempts) {
          return lastAnswer(response, failure);
        }
        long backoffNanos = Math.min(nextBackoffNanos, retryPolicy.getMaxBackoff().toNanos());
        if (!backOff(backoffNanos, deadline)) {
          return lastAnswer(response, failure);
        }
        nextBackoffNanos = (long) (backoffNanos * retryPolicy.getBackoffMultiplier());
      }
    } finally {
      if (body.capacity() > KEPT_BUFFER_BYTES) {
        BODY.remove();
      }
    }
  }

  /** The last attempt's answer, or its failure when there was none. */
  private static HttpResponse lastAnswer(HttpResponse response, IOException failure)
      throws IOException {
    if (response != null) {
      return response;
    }
    throw failure;
  }

  /** Sleeps the backoff, jittered; {@code false} when that would pass the deadline. */
  private static boolean backOff(long backoffNanos, long deadline) {
    long jittered = (long) (ThreadLocalRandom.current().nextDouble(0.8d, 1.2d) * backoffNanos);
    if (System.nanoTime() + jittered >= deadline) {
      return false;
    }
    try {
      TimeUnit.NANOSECONDS.sleep(jittered);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private HttpResponse post(RequestBody body, long deadline) throws IOException {
    HttpURLConnection connection = open();
    connection.setConnectTimeout(millisUntil(deadline, connectTimeoutNanos));
    connection.setReadTimeout(millisUntil(deadline, timeoutNanos));
    connection.setRequestMethod("POST");
    connection.setDoOutput(true);
    connection.setUseCaches(false);
    connection.setInstanceFollowRedirects(false);
    Map<String, List<String>> extraHeaders = headers.get();
    if (extraHeaders != null) {
      extraHeaders.forEach(
          (name, values) -> values.forEach(value -> connection.addRequestProperty(name, value)));
    }
    connection.setRequestProperty("Content-Type", contentType);
    if (compressor != null) {
      connection.setRequestProperty("Content-Encoding", compressor.getEncoding());
    }
    connection.setFixedLengthStreamingMode(body.size());
    try (OutputStream out = connection.getOutputStream()) {
      body.writeTo(out);
    }
    int status = connection.getResponseCode();
    byte[] responseBody = readResponseBody(connection, status);
    return new Response(status, connection.getResponseMessage(), responseBody);
  }

  private HttpURLConnection open() throws IOException {
    HttpURLConnection connection;
    if (proxySelector == null) {
      connection = (HttpURLConnection) url.openConnection();
    } else {
      List<Proxy> proxies = proxySelector.select(endpoint);
      connection =
          (HttpURLConnection)
              url.openConnection(proxies.isEmpty() ? Proxy.NO_PROXY : proxies.get(0));
    }
    if (socketFactory != null && connection instanceof HttpsURLConnection) {
      ((HttpsURLConnection) connection).setSSLSocketFactory(socketFactory);
    }
    return connection;
  }

  /**
   * Reads the whole body, which returns the connection to the JDK's keep-alive cache; a body past
   * the limit closes the connection instead.
   */
  private byte[] readResponseBody(HttpURLConnection connection, int status) throws IOException {
    InputStream raw = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
    if (raw == null) {
      return new byte[0];
    }
    String encoding = connection.getContentEncoding();
    boolean gzip = "gzip".equalsIgnoreCase(encoding);
    if (encoding != null && !gzip && !"identity".equalsIgnoreCase(encoding)) {
      connection.disconnect();
      throw new PermanentFailure("unsupported Content-Encoding: " + encoding);
    }
    try (InputStream in = gzip ? new GZIPInputStream(raw) : raw) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      byte[] chunk = new byte[512];
      int read;
      while ((read = in.read(chunk)) != -1) {
        if (bytes.size() + (long) read > maxResponseBodySize) {
          connection.disconnect();
          throw new PermanentFailure(
              "HTTP response body exceeded limit of " + maxResponseBodySize + " bytes");
        }
        bytes.write(chunk, 0, read);
      }
      return bytes.toByteArray();
    }
  }

  /** What is left of the deadline, at most {@code limitNanos}, in the millis a socket takes. */
  private static int millisUntil(long deadline, long limitNanos) {
    long nanos = Math.min(deadline - System.nanoTime(), limitNanos);
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, TimeUnit.NANOSECONDS.toMillis(nanos)));
  }

  private static boolean isRetryableStatus(int status) {
    return status == 429 || status == 502 || status == 503 || status == 504;
  }

  /** As the SDK's senders: a failure is transient unless it is TLS or one of ours that is not. */
  private static boolean isRetryableByDefault(IOException failure) {
    return !(failure instanceof SSLException) && !(failure instanceof PermanentFailure);
  }

  /** An answer that another attempt would not change. */
  static final class PermanentFailure extends IOException {
    private static final long serialVersionUID = 1L;

    PermanentFailure(String message) {
      super(message);
    }
  }

  /**
   * The marshalled (and compressed) request, kept for the retries, in a buffer the thread reuses.
   */
  private static final class RequestBody extends ByteArrayOutputStream {
    RequestBody() {
      super(64 * 1024);
    }

    void write(MessageWriter message, Compressor compressor) throws IOException {
      reset();
      if (compressor == null) {
        message.writeMessage(this);
        return;
      }
      try (OutputStream compressed = compressor.compress(this)) {
        message.writeMessage(compressed);
      }
    }

    int capacity() {
      return buf.length;
    }
  }

  private static final class Response implements HttpResponse {
    private final int statusCode;
    private final String statusMessage;
    private final byte[] body;

    Response(int statusCode, String statusMessage, byte[] body) {
      this.statusCode = statusCode;
      this.statusMessage = statusMessage == null ? String.valueOf(statusCode) : statusMessage;
      this.body = body;
    }

    @Override
    public int getStatusCode() {
      return statusCode;
    }

    @Override
    public String getStatusMessage() {
      return statusMessage;
    }

    @Override
    public byte[] getResponseBody() {
      return body;
    }
  }
}
