package io.otelite.harness;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ServerCalls;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.IntUnaryOperator;
import java.util.zip.GZIPInputStream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * An OTLP receiver on a free loopback port, as a Collector is one: http/protobuf ({@code POST
 * /v1/traces}, {@code /v1/metrics}, {@code /v1/logs}, gzip or not, plain or TLS) or gRPC (plaintext
 * HTTP/2). What it accepts is decoded into {@link #telemetry()}; each http request is kept as a
 * {@link Post}. {@link #options()} makes it a faulty collector: answering other statuses, answering
 * late (or, with a delay longer than the test, never), or on a port chosen beforehand.
 */
public final class OtlpReceiver implements AutoCloseable {

  /** The wire protocol, named as {@code OTEL_EXPORTER_OTLP_PROTOCOL} names it. */
  public enum Protocol {
    HTTP_PROTOBUF("http/protobuf"),
    GRPC("grpc");

    private final String configValue;

    Protocol(String configValue) {
      this.configValue = configValue;
    }

    public String configValue() {
      return configValue;
    }
  }

  /** One http request as it arrived (body unzipped) and the status it was answered. */
  public record Post(String path, byte[] body, int status) {
    public int bodyBytes() {
      return body.length;
    }

    /** The span ids of a trace export, in order (duplicates kept: they count double deliveries). */
    public List<String> spanIds() {
      try {
        return ReceivedTelemetry.spansOf(ExportTraceServiceRequest.parseFrom(body)).stream()
            .map(ReceivedSpan::spanId)
            .toList();
      } catch (InvalidProtocolBufferException e) {
        throw new AssertionError("not an OTLP trace export on " + path, e);
      }
    }
  }

  private final Protocol protocol;
  private final ReceivedTelemetry telemetry = new ReceivedTelemetry();
  private final List<Post> posts = new CopyOnWriteArrayList<>();
  private final Options options;
  private final HttpServer httpServer;
  private final ExecutorService httpExecutor;
  private final Server grpcServer;

  private OtlpReceiver(Protocol protocol, Options options) throws IOException {
    this.protocol = protocol;
    this.options = options;
    InetSocketAddress address =
        new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port);
    if (protocol == Protocol.GRPC) {
      httpServer = null;
      httpExecutor = null;
      grpcServer = grpcServer(address);
    } else {
      grpcServer = null;
      httpServer = options.tls == null ? HttpServer.create(address, 50) : httpsServer(address);
      // unbounded: a collector that never answers must still take every export that comes
      httpExecutor = Executors.newCachedThreadPool(daemonThreads());
      httpServer.createContext("/", this::handle);
      httpServer.setExecutor(httpExecutor);
      httpServer.start();
    }
  }

  /** A healthy http/protobuf receiver. */
  public static OtlpReceiver http() {
    return options().startHttp();
  }

  /** A healthy gRPC receiver. */
  public static OtlpReceiver grpc() {
    return options().start(Protocol.GRPC);
  }

  /** A receiver of the given protocol. */
  public static OtlpReceiver start(Protocol protocol) {
    return options().start(protocol);
  }

  /** How an http/protobuf receiver answers: status, delay, port, TLS. */
  public static Options options() {
    return new Options();
  }

  public Protocol protocol() {
    return protocol;
  }

  /** The base URL for {@code OTEL_EXPORTER_OTLP_ENDPOINT}. */
  public String endpoint() {
    if (grpcServer != null) {
      return "http://127.0.0.1:" + grpcServer.getPort();
    }
    String scheme = httpServer instanceof HttpsServer ? "https" : "http";
    return scheme + "://127.0.0.1:" + httpServer.getAddress().getPort();
  }

  /** The variables that make an agent export here: endpoint and protocol. */
  public Map<String, String> exporterEnvironment() {
    return Map.of(
        "OTEL_EXPORTER_OTLP_ENDPOINT", endpoint(),
        "OTEL_EXPORTER_OTLP_PROTOCOL", protocol.configValue());
  }

  public ReceivedTelemetry telemetry() {
    return telemetry;
  }

  /** Every http request so far, in arrival order. */
  public List<Post> posts() {
    return List.copyOf(posts);
  }

  /** Requests on {@code path} that were answered {@code status}. */
  public long posts(String path, int status) {
    return posts.stream().filter(p -> p.path().equals(path) && p.status() == status).count();
  }

  /** Requests on {@code path} answered {@code status} that carried a non-empty body. */
  public long nonEmptyPosts(String path, int status) {
    return posts.stream()
        .filter(p -> p.path().equals(path) && p.status() == status && p.bodyBytes() > 0)
        .count();
  }

  /** An endpoint where nothing listens: connections are refused at once. */
  public static String deadEndpoint() {
    return "http://127.0.0.1:" + FreePorts.next();
  }

  @Override
  public void close() {
    if (grpcServer != null) {
      grpcServer.shutdownNow();
      try {
        grpcServer.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    } else {
      httpServer.stop(0);
      httpExecutor.shutdownNow();
    }
  }

  private HttpsServer httpsServer(InetSocketAddress address) throws IOException {
    SSLContext tls = options.tls;
    boolean needClientAuth = options.needClientAuth;
    HttpsServer server = HttpsServer.create(address, 50);
    server.setHttpsConfigurator(
        new HttpsConfigurator(tls) {
          @Override
          public void configure(HttpsParameters parameters) {
            // on the SSLParameters: once those are set, HttpsParameters' own setNeedClientAuth is
            // ignored
            SSLParameters ssl = tls.getDefaultSSLParameters();
            ssl.setNeedClientAuth(needClientAuth);
            parameters.setSSLParameters(ssl);
          }
        });
    return server;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      if (!exchange.getRequestMethod().equals("POST")) {
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      String contentType = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
      if (!contentType.startsWith("application/x-protobuf")) {
        // OTLP/JSON is valid OTLP, but the agent is expected to send binary protobuf.
        exchange.sendResponseHeaders(415, -1);
        return;
      }
      InputStream in = exchange.getRequestBody();
      if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
        in = new GZIPInputStream(in);
      }
      byte[] body = in.readAllBytes();
      int status;
      synchronized (posts) {
        long earlier = posts.stream().filter(post -> post.path().equals(path)).count();
        status = options.statusForNthPostOnPath.applyAsInt((int) earlier + 1);
        posts.add(new Post(path, body, status));
      }
      byte[] response = status == 200 ? accept(path, body) : new byte[0];
      if (response == null) {
        exchange.sendResponseHeaders(400, -1);
        return;
      }
      answerLate();
      exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
      exchange.sendResponseHeaders(status, response.length == 0 ? -1 : response.length);
      if (response.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(response);
        }
      }
    }
  }

  /** Decodes an accepted export; the OTLP answer, or null when the body is not OTLP. */
  private byte[] accept(String path, byte[] body) {
    try {
      switch (path) {
        case "/v1/traces":
          telemetry.accept(ExportTraceServiceRequest.parseFrom(body));
          return ExportTraceServiceResponse.getDefaultInstance().toByteArray();
        case "/v1/metrics":
          telemetry.accept(ExportMetricsServiceRequest.parseFrom(body));
          return ExportMetricsServiceResponse.getDefaultInstance().toByteArray();
        case "/v1/logs":
          telemetry.accept(ExportLogsServiceRequest.parseFrom(body));
          return ExportLogsServiceResponse.getDefaultInstance().toByteArray();
        default:
          return new byte[0];
      }
    } catch (InvalidProtocolBufferException e) {
      return null;
    }
  }

  private void answerLate() {
    if (options.answerDelay.isZero()) {
      return;
    }
    try {
      Thread.sleep(options.answerDelay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * opentelemetry-proto ships the message classes but no gRPC stubs, so the three Export services
   * are declared here by their protocol names.
   */
  private Server grpcServer(InetSocketAddress address) throws IOException {
    return NettyServerBuilder.forAddress(address)
        .addService(
            exportService(
                "opentelemetry.proto.collector.trace.v1.TraceService",
                ExportTraceServiceRequest.getDefaultInstance(),
                ExportTraceServiceResponse.getDefaultInstance(),
                telemetry::accept))
        .addService(
            exportService(
                "opentelemetry.proto.collector.metrics.v1.MetricsService",
                ExportMetricsServiceRequest.getDefaultInstance(),
                ExportMetricsServiceResponse.getDefaultInstance(),
                telemetry::accept))
        .addService(
            exportService(
                "opentelemetry.proto.collector.logs.v1.LogsService",
                ExportLogsServiceRequest.getDefaultInstance(),
                ExportLogsServiceResponse.getDefaultInstance(),
                telemetry::accept))
        .build()
        .start();
  }

  private static <Q extends Message, R extends Message> ServerServiceDefinition exportService(
      String serviceName, Q requestPrototype, R response, Consumer<Q> sink) {
    MethodDescriptor<Q, R> export =
        MethodDescriptor.<Q, R>newBuilder()
            .setType(MethodDescriptor.MethodType.UNARY)
            .setFullMethodName(MethodDescriptor.generateFullMethodName(serviceName, "Export"))
            .setRequestMarshaller(ProtoUtils.marshaller(requestPrototype))
            .setResponseMarshaller(ProtoUtils.marshaller(response))
            .build();
    return ServerServiceDefinition.builder(serviceName)
        .addMethod(
            export,
            ServerCalls.asyncUnaryCall(
                (request, observer) -> {
                  sink.accept(request);
                  observer.onNext(response);
                  observer.onCompleted();
                }))
        .build();
  }

  private static java.util.concurrent.ThreadFactory daemonThreads() {
    return runnable -> {
      Thread thread = new Thread(runnable, "otlp-receiver");
      thread.setDaemon(true);
      return thread;
    };
  }

  /** A receiver other than a healthy one on a free port. */
  public static final class Options {
    private IntUnaryOperator statusForNthPostOnPath = n -> 200;
    private Duration answerDelay = Duration.ZERO;
    private int port;
    private SSLContext tls;
    private boolean needClientAuth;

    private Options() {}

    /** The status answered to the n-th (from 1) request on the same path; only 200 is decoded. */
    public Options answering(IntUnaryOperator statusForNthPostOnPath) {
      this.statusForNthPostOnPath = statusForNthPostOnPath;
      return this;
    }

    /** Answers after {@code delay}: longer than the test, a collector that never answers. */
    public Options answeringAfter(Duration delay) {
      this.answerDelay = delay;
      return this;
    }

    /** On {@code port}: a collector that was down (see {@link FreePorts#next()}) comes up. */
    public Options onPort(int port) {
      this.port = port;
      return this;
    }

    /**
     * HTTPS with {@code tls}'s key and trust; {@code needClientAuth}: the client must show a
     * trusted certificate.
     */
    public Options tls(SSLContext tls, boolean needClientAuth) {
      this.tls = tls;
      this.needClientAuth = needClientAuth;
      return this;
    }

    public OtlpReceiver startHttp() {
      return start(Protocol.HTTP_PROTOBUF);
    }

    public OtlpReceiver start(Protocol protocol) {
      try {
        return new OtlpReceiver(protocol, this);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
