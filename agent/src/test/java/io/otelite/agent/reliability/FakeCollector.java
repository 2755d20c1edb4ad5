package io.otelite.agent.reliability;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntUnaryOperator;

/**
 * An OTLP/HTTP receiver that decodes nothing: it records each POST (path, body size, the status it
 * answered) and answers what the test tells it to, after an optional delay (a delay longer than the
 * test is a collector that accepts and never answers).
 */
final class FakeCollector implements AutoCloseable {
  static final class Post {
    final String path;
    final int bodyBytes;
    final int status;
    final byte[] body;

    Post(String path, byte[] body, int status) {
      this.path = path;
      this.bodyBytes = body.length;
      this.status = status;
      this.body = body;
    }
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool(daemonThreads());
  final List<Post> posts = new CopyOnWriteArrayList<>();
  private final IntUnaryOperator statusForNthPostOnPath;
  private final long delayMillis;

  /**
   * {@code statusForNthPostOnPath}: the status answered to the n-th (from 1) POST on the same path.
   */
  FakeCollector(IntUnaryOperator statusForNthPostOnPath, long delayMillis) throws IOException {
    this(statusForNthPostOnPath, delayMillis, 0);
  }

  private FakeCollector(IntUnaryOperator statusForNthPostOnPath, long delayMillis, int port)
      throws IOException {
    this.statusForNthPostOnPath = statusForNthPostOnPath;
    this.delayMillis = delayMillis;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  static FakeCollector healthy() throws IOException {
    return new FakeCollector(n -> 200, 0);
  }

  /** A healthy collector on {@code port}: one that was down (see {@link #freePort()}) comes up. */
  static FakeCollector healthyOn(int port) throws IOException {
    return new FakeCollector(n -> 200, 0, port);
  }

  String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** An endpoint where nothing listens: connections are refused at once. */
  static String deadEndpoint() throws IOException {
    return "http://127.0.0.1:" + freePort();
  }

  static int freePort() throws IOException {
    try (ServerSocket socket =
        new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    byte[] body = exchange.getRequestBody().readAllBytes();
    int status;
    synchronized (this) {
      long earlier = posts.stream().filter(post -> post.path.equals(path)).count();
      status = statusForNthPostOnPath.applyAsInt((int) earlier + 1);
      posts.add(new Post(path, body, status));
    }
    try {
      Thread.sleep(delayMillis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    exchange.sendResponseHeaders(status, -1);
    exchange.close();
  }

  long count(String path, int status) {
    return posts.stream().filter(post -> post.path.equals(path) && post.status == status).count();
  }

  /** POSTs on {@code path} that were answered {@code status} and carried a non-empty body. */
  long nonEmpty(String path, int status) {
    return posts.stream()
        .filter(p -> p.path.equals(path) && p.status == status && p.bodyBytes > 0)
        .count();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private static java.util.concurrent.ThreadFactory daemonThreads() {
    return runnable -> {
      Thread thread = new Thread(runnable, "fake-collector");
      thread.setDaemon(true);
      return thread;
    };
  }
}
