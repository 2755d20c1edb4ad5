package io.otelite.smoke.harness;

import io.otelite.harness.ManagedProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Waits for a server that is starting to answer a URL with 200, failing early if its process dies,
 * and with its output and a thread dump if it never does (a hang at start-up is what this detects).
 */
public final class FirstResponse {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private FirstResponse() {}

  public static void await200(ManagedProcess process, String url, Duration bound)
      throws InterruptedException {
    long deadline = System.nanoTime() + bound.toNanos();
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError(
            process.name() + " exited before serving " + url + "\n" + process.tail());
      }
      try {
        HttpResponse<String> response =
            HTTP.send(
                HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          return;
        }
        last = "HTTP " + response.statusCode();
      } catch (IOException notYet) {
        last = notYet.toString();
      }
      Thread.sleep(100);
    }
    throw new AssertionError(
        process.name()
            + " did not serve "
            + url
            + " within "
            + bound.toSeconds()
            + " s (last: "
            + last
            + ")\n"
            + process.tail()
            + "\n--- thread dump\n"
            + process.threadDump());
  }
}
