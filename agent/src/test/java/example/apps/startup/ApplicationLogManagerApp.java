package example.apps.startup;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * Starts as an application with its own LogManager does: some work first (collections happen, an
 * executor runs), then its logging. Arguments: {@code set-in-main} or {@code set-on-command-line}
 * (who names the LogManager), the Prometheus port the agent may serve on, and how long to stay up
 * after logging is set up.
 *
 * <p>Makes an HTTP call before its logging is set up, so that the agent has a span to export then.
 * Prints what the test checks: which LogManager the JVM ended up with, who created it, and whether
 * the agent's Prometheus endpoint was up before the application's logging was.
 */
public final class ApplicationLogManagerApp {
  private ApplicationLogManagerApp() {}

  public static void main(String[] args) throws Exception {
    String whoNamesIt = args[0];
    int prometheusPort = Integer.parseInt(args[1]);
    long stayUpMillis = Long.parseLong(args[2]);

    collectGarbage();
    ExecutorService executor = Executors.newSingleThreadExecutor();
    executor.submit(() -> System.out.println("work before logging ran")).get();
    System.out.println("prometheus listening before logging: " + listening(prometheusPort));
    spanBeforeLogging();

    if (whoNamesIt.equals("set-in-main")) {
      System.setProperty("java.util.logging.manager", RecordingLogManager.class.getName());
    }
    Logger.getLogger("example.apps.startup").info("the application's first log line");
    System.out.println("log manager: " + LogManager.getLogManager().getClass().getName());
    System.out.println("created on thread: " + RecordingLogManager.createdOnThread);
    System.out.println("agent frame when created: " + RecordingLogManager.agentFrame);

    collectGarbage();
    executor.submit(() -> System.out.println("work after logging ran")).get();
    executor.shutdown();
    System.out.println(
        "prometheus serves runtime metrics after logging: " + servesRuntimeMetrics(prometheusPort));
    Thread.sleep(stayUpMillis);
    System.out.println("done");
  }

  /**
   * A span the agent makes from the annotation alone, without a library that could touch
   * java.util.logging; the wait covers a few export intervals, so the agent exports it (or tries
   * to) before the application's logging is set up.
   */
  private static void spanBeforeLogging() throws InterruptedException {
    beforeLogging();
    Thread.sleep(1_000);
    System.out.println("span before logging made");
  }

  @WithSpan
  static void beforeLogging() {}

  /** Young collections, as an application's start-up makes them; the agent records each. */
  private static void collectGarbage() {
    List<byte[]> kept = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      kept.add(new byte[16 * 1024]);
      if (kept.size() > 50) {
        kept.clear();
      }
    }
    System.gc();
  }

  /**
   * Polls the agent's scrape endpoint for a while: its start may follow the application's logging.
   */
  private static boolean servesRuntimeMetrics(int port) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 15_000;
    while (System.currentTimeMillis() < deadline) {
      try {
        HttpURLConnection connection =
            (HttpURLConnection) new URL("http://127.0.0.1:" + port + "/metrics").openConnection();
        connection.setConnectTimeout(500);
        connection.setReadTimeout(5_000);
        try (InputStream body = connection.getInputStream()) {
          if (new String(body.readAllBytes(), StandardCharsets.UTF_8)
              .contains("jvm_gc_duration_seconds_count")) {
            return true;
          }
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    return false;
  }

  private static boolean listening(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
