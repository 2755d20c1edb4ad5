package example.apps.reliability;

import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A plain application (no OpenTelemetry code) whose work the agent turns into spans:
 * HttpURLConnection calls to its own JDK HttpServer. It times every call itself, so that a test can
 * see what the agent's faults cost the application.
 *
 * <p>Arguments, all {@code key=value} and optional: {@code calls} per thread (100), {@code threads}
 * (1), {@code pauseMillis} between calls (0), {@code durationMillis} (keep calling until then,
 * instead of {@code calls}), {@code afterMillis} to wait after the work (0), {@code end} = {@code
 * return}, {@code exit} (System.exit(0)) or {@code wait} (wait to be killed), {@code path} (with
 * query) and {@code userInfo} of the URL called.
 */
public class HttpCallsApp {
  public static void main(String[] args) throws Exception {
    Map<String, String> options = new HashMap<>();
    for (String arg : args) {
      int equals = arg.indexOf('=');
      options.put(arg.substring(0, equals), arg.substring(equals + 1));
    }
    int calls = Integer.parseInt(options.getOrDefault("calls", "100"));
    int threads = Integer.parseInt(options.getOrDefault("threads", "1"));
    long pauseMillis = Long.parseLong(options.getOrDefault("pauseMillis", "0"));
    long durationMillis = Long.parseLong(options.getOrDefault("durationMillis", "0"));
    long afterMillis = Long.parseLong(options.getOrDefault("afterMillis", "0"));
    String end = options.getOrDefault("end", "return");
    String path = options.getOrDefault("path", "/work");
    String userInfo = options.containsKey("userInfo") ? options.get("userInfo") + "@" : "";

    // without it, Nagle and delayed ACKs make every local call take 40 ms
    System.setProperty("sun.net.httpserver.nodelay", "true");
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
    server.setExecutor(Executors.newFixedThreadPool(4, daemon()));
    server.createContext(
        "/",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          byte[] body = "ok".getBytes();
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    URL url = new URL("http://" + userInfo + "127.0.0.1:" + server.getAddress().getPort() + path);

    AtomicInteger ok = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
    long deadline = System.currentTimeMillis() + durationMillis;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      workers.add(
          pool.submit(
              () -> {
                for (int i = 0;
                    durationMillis > 0 ? System.currentTimeMillis() < deadline : i < calls;
                    i++) {
                  long start = System.nanoTime();
                  if (call(url)) {
                    ok.incrementAndGet();
                  } else {
                    failed.incrementAndGet();
                  }
                  nanos.add(System.nanoTime() - start);
                  sleep(pauseMillis);
                }
              }));
    }
    for (Future<?> worker : workers) {
      worker.get();
    }
    pool.shutdown();
    server.stop(0);

    List<Long> sorted = new ArrayList<>(nanos);
    Collections.sort(sorted);
    long p50Micros = sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2) / 1000;
    System.out.println("calls ok=" + ok + " failed=" + failed + " p50_us=" + p50Micros);
    System.out.flush();
    sleep(afterMillis);
    if (end.equals("wait")) {
      System.out.println("waiting to be stopped");
      System.out.flush();
      Thread.sleep(120_000);
    }
    System.out.println("application done at " + System.currentTimeMillis());
    System.out.flush();
    if (end.equals("exit")) {
      System.exit(0);
    }
  }

  private static boolean call(URL url) {
    try {
      HttpURLConnection connection = (HttpURLConnection) url.openConnection();
      int status = connection.getResponseCode();
      try (InputStream body = connection.getInputStream()) {
        body.readAllBytes();
      }
      return status == 200;
    } catch (Exception e) {
      System.out.println("call failed: " + e);
      return false;
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static java.util.concurrent.ThreadFactory daemon() {
    return runnable -> {
      Thread thread = new Thread(runnable, "app-server");
      thread.setDaemon(true);
      return thread;
    };
  }
}
