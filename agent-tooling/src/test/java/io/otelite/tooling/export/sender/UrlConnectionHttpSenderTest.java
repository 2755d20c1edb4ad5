package io.otelite.tooling.export.sender;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.opentelemetry.sdk.common.export.Compressor;
import io.opentelemetry.sdk.common.export.HttpResponse;
import io.opentelemetry.sdk.common.export.HttpSenderConfig;
import io.opentelemetry.sdk.common.export.MessageWriter;
import io.opentelemetry.sdk.common.export.ProxyOptions;
import io.opentelemetry.sdk.common.export.RetryPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lean OTLP sender against the JDK's own HTTP server, as a collector would answer it. */
class UrlConnectionHttpSenderTest {
  private static final byte[] MESSAGE = "a marshalled batch".getBytes(UTF_8);
  private static final RetryPolicy QUICK_RETRIES =
      RetryPolicy.builder()
          .setMaxAttempts(3)
          .setInitialBackoff(Duration.ofMillis(10))
          .setMaxBackoff(Duration.ofMillis(20))
          .build();

  private final ExecutorService serverThreads = Executors.newCachedThreadPool();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
  private final List<Answer> answers = new CopyOnWriteArrayList<>();
  private HttpServer server;

  @BeforeEach
  void startCollector() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(serverThreads);
    server.createContext("/v1/traces", this::answer);
    server.start();
  }

  @AfterEach
  void stopCollector() {
    server.stop(0);
    serverThreads.shutdownNow();
  }

  @Test
  void postsTheMessageWithTheExportersHeadersAndHandsOverTheAnswer() {
    answers.add(new Answer(200, "ok", 0));
    Config config = new Config(endpoint());
    config.headers = () -> Map.of("Authorization", List.of("Bearer t"));

    Outcome outcome = send(new UrlConnectionHttpSender(config));

    assertThat(outcome.response.getStatusCode()).isEqualTo(200);
    assertThat(new String(outcome.response.getResponseBody(), UTF_8)).isEqualTo("ok");
    Request request = requests.get(0);
    assertThat(request.body).isEqualTo(MESSAGE);
    assertThat(request.contentType).isEqualTo("application/x-protobuf");
    assertThat(request.authorization).isEqualTo("Bearer t");
    assertThat(request.contentEncoding).isNull();
  }

  @Test
  void exportsOneAfterAnotherShareOneConnection() {
    UrlConnectionHttpSender sender = new UrlConnectionHttpSender(new Config(endpoint()));

    for (int i = 0; i < 5; i++) {
      assertThat(send(sender).response.getStatusCode()).isEqualTo(200);
    }

    assertThat(requests).hasSize(5);
    assertThat(clientPorts).as("kept alive between exports").hasSize(1);
  }

  @Test
  void compressesWithTheConfiguredCompressorAndSaysSo() throws IOException {
    Config config = new Config(endpoint());
    config.compressor = new Gzip();

    send(new UrlConnectionHttpSender(config));

    Request request = requests.get(0);
    assertThat(request.contentEncoding).isEqualTo("gzip");
    try (InputStream unzipped =
        new GZIPInputStream(new java.io.ByteArrayInputStream(request.body))) {
      assertThat(unzipped.readAllBytes()).isEqualTo(MESSAGE);
    }
  }

  @Test
  void aCollectorThatIsBusyIsAskedAgainWithTheRetryPolicy() {
    answers.add(new Answer(503, "busy", 0));
    answers.add(new Answer(429, "slow down", 0));
    answers.add(new Answer(200, "", 0));
    Config config = new Config(endpoint());
    config.retryPolicy = QUICK_RETRIES;

    Outcome outcome = send(new UrlConnectionHttpSender(config));

    assertThat(outcome.response.getStatusCode()).isEqualTo(200);
    assertThat(requests).hasSize(3);
    assertThat(requests).allSatisfy(request -> assertThat(request.body).isEqualTo(MESSAGE));
  }

  @Test
  void aRejectionIsAnAnswerNotARetry() {
    answers.add(new Answer(400, "bad batch", 0));
    Config config = new Config(endpoint());
    config.retryPolicy = QUICK_RETRIES;

    Outcome outcome = send(new UrlConnectionHttpSender(config));

    assertThat(outcome.response.getStatusCode()).isEqualTo(400);
    assertThat(new String(outcome.response.getResponseBody(), UTF_8)).isEqualTo("bad batch");
    assertThat(requests).hasSize(1);
  }

  @Test
  void aSlowCollectorCostsNoMoreThanTheTimeout() {
    answers.add(new Answer(200, "late", 3_000));
    Config config = new Config(endpoint());
    config.timeout = Duration.ofMillis(300);

    long start = System.nanoTime();
    Outcome outcome = send(new UrlConnectionHttpSender(config));

    assertThat(outcome.error).isInstanceOf(java.net.SocketTimeoutException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void aCollectorThatIsDownIsAnErrorAfterTheRetries() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Config config = new Config(URI.create("http://127.0.0.1:" + closedPort + "/v1/traces"));
    config.retryPolicy = QUICK_RETRIES;

    Outcome outcome = send(new UrlConnectionHttpSender(config));

    assertThat(outcome.error).isInstanceOf(java.net.ConnectException.class);
    assertThat(outcome.response).isNull();
  }

  @Test
  void anAnswerPastTheSizeLimitIsAnErrorAndNotRetried() {
    answers.add(new Answer(200, "x".repeat(2_000), 0));
    Config config = new Config(endpoint());
    config.maxResponseBodySize = 1_000;
    config.retryPolicy = QUICK_RETRIES;

    Outcome outcome = send(new UrlConnectionHttpSender(config));

    assertThat(outcome.error).isInstanceOf(UrlConnectionHttpSender.PermanentFailure.class);
    assertThat(requests).hasSize(1);
  }

  @Test
  void anHttpsEndpointIsReachedWithTheConfiguredTrust(@TempDir Path directory) throws Exception {
    // a collector with a certificate of its own, trusted through the exporter's certificate setting
    Path keyStore = directory.resolve("collector.p12");
    Process keytool =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                "collector",
                "-keyalg",
                "EC",
                "-dname",
                "CN=127.0.0.1",
                "-ext",
                "SAN=ip:127.0.0.1",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                keyStore.toString(),
                "-storepass",
                "changeit")
            .redirectErrorStream(true)
            .start();
    assertThat(keytool.waitFor()).isZero();
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keyStore)) {
      store.load(in, "changeit".toCharArray());
    }
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(store, "changeit".toCharArray());
    SSLContext serverTls = SSLContext.getInstance("TLS");
    serverTls.init(keys.getKeyManagers(), null, null);
    HttpsServer tlsServer = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    tlsServer.setHttpsConfigurator(new HttpsConfigurator(serverTls));
    tlsServer.setExecutor(serverThreads);
    tlsServer.createContext("/v1/traces", this::answer);
    tlsServer.start();
    try {
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(store);
      SSLContext clientTls = SSLContext.getInstance("TLS");
      clientTls.init(null, trust.getTrustManagers(), null);
      Config config =
          new Config(
              URI.create("https://127.0.0.1:" + tlsServer.getAddress().getPort() + "/v1/traces"));
      config.sslContext = clientTls;

      Outcome outcome = send(new UrlConnectionHttpSender(config));

      assertThat(outcome.error).isNull();
      assertThat(outcome.response.getStatusCode()).isEqualTo(200);
      assertThat(requests.get(0).body).isEqualTo(MESSAGE);
    } finally {
      tlsServer.stop(0);
    }
  }

  @Test
  void aShutDownSenderSendsNothing() {
    UrlConnectionHttpSender sender = new UrlConnectionHttpSender(new Config(endpoint()));
    assertThat(sender.shutdown().isSuccess()).isTrue();

    Outcome outcome = send(sender);

    assertThat(outcome.error).isInstanceOf(IllegalStateException.class);
    assertThat(requests).isEmpty();
  }

  private URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1/traces");
  }

  /** The sender answers on the calling thread: both callbacks have run, or neither, on return. */
  private static Outcome send(UrlConnectionHttpSender sender) {
    AtomicReference<HttpResponse> response = new AtomicReference<>();
    AtomicReference<Throwable> error = new AtomicReference<>();
    sender.send(new Message(), response::set, error::set);
    assertThat(response.get() == null)
        .as("exactly one of the callbacks ran")
        .isNotEqualTo(error.get() == null);
    return new Outcome(response.get(), error.get());
  }

  private void answer(HttpExchange exchange) throws IOException {
    clientPorts.add(exchange.getRemoteAddress().getPort());
    byte[] body = exchange.getRequestBody().readAllBytes();
    requests.add(
        new Request(
            body,
            exchange.getRequestHeaders().getFirst("Content-Type"),
            exchange.getRequestHeaders().getFirst("Content-Encoding"),
            exchange.getRequestHeaders().getFirst("Authorization")));
    Answer answer = answers.isEmpty() ? new Answer(200, "", 0) : answers.remove(0);
    if (answer.delayMillis > 0) {
      try {
        Thread.sleep(answer.delayMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    byte[] answerBody = answer.body.getBytes(UTF_8);
    exchange.sendResponseHeaders(answer.status, answerBody.length == 0 ? -1 : answerBody.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(answerBody);
    }
  }

  private record Request(
      byte[] body, String contentType, String contentEncoding, String authorization) {}

  private record Answer(int status, String body, long delayMillis) {}

  private record Outcome(HttpResponse response, Throwable error) {}

  private static final class Message implements MessageWriter {
    @Override
    public void writeMessage(OutputStream output) throws IOException {
      output.write(MESSAGE);
    }

    @Override
    public int getContentLength() {
      return MESSAGE.length;
    }
  }

  private static final class Gzip implements Compressor {
    @Override
    public String getEncoding() {
      return "gzip";
    }

    @Override
    public OutputStream compress(OutputStream outputStream) throws IOException {
      return new GZIPOutputStream(outputStream);
    }
  }

  private static final class Config implements HttpSenderConfig {
    private final URI endpoint;
    Compressor compressor;
    Duration timeout = Duration.ofSeconds(10);
    Supplier<Map<String, List<String>>> headers = Collections::emptyMap;
    RetryPolicy retryPolicy;
    SSLContext sslContext;
    long maxResponseBodySize = 4 * 1024 * 1024;

    Config(URI endpoint) {
      this.endpoint = endpoint;
    }

    @Override
    public URI getEndpoint() {
      return endpoint;
    }

    @Override
    public String getContentType() {
      return "application/x-protobuf";
    }

    @Override
    public Compressor getCompressor() {
      return compressor;
    }

    @Override
    public Duration getTimeout() {
      return timeout;
    }

    @Override
    public Duration getConnectTimeout() {
      return Duration.ofSeconds(1);
    }

    @Override
    public Supplier<Map<String, List<String>>> getHeadersSupplier() {
      return headers;
    }

    @Override
    public ProxyOptions getProxyOptions() {
      return null;
    }

    @Override
    public RetryPolicy getRetryPolicy() {
      return retryPolicy;
    }

    @Override
    public SSLContext getSslContext() {
      return sslContext;
    }

    @Override
    public X509TrustManager getTrustManager() {
      return null;
    }

    @Override
    public ExecutorService getExecutorService() {
      return null;
    }

    @Override
    public long getMaxResponseBodySize() {
      return maxResponseBodySize;
    }
  }
}
