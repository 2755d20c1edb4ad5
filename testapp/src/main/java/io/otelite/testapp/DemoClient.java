package io.otelite.testapp;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * {@code java -jar testapp.jar --demo-client http://127.0.0.1:8080}: one request to every endpoint,
 * so that every instrumentation of the agent has something to show. It exits with 1 when the
 * service cannot be reached or answers differently than expected, so that scripts notice.
 */
final class DemoClient {

  /** A request and the status a healthy service answers it with. */
  private record Call(String method, String path, int expectedStatus, String purpose) {}

  private static final List<Call> CALLS =
      List.of(
          new Call("GET", "/orders", 200, "servlet + JDBC prepared query"),
          new Call("GET", "/orders/1", 200, "servlet route /orders/* + JDBC"),
          new Call("POST", "/orders?item=demo+mug&quantity=1", 201, "JDBC transaction (2 inserts)"),
          new Call("GET", "/checkout?client=jdk", 200, "java.net.http.HttpClient -> /orders"),
          new Call("GET", "/checkout?client=jdk-async", 200, "HttpClient.sendAsync -> /orders"),
          new Call("GET", "/checkout?client=urlconnection", 200, "HttpURLConnection -> /orders"),
          new Call("GET", "/checkout?client=apache", 200, "Apache HttpClient 5 -> /orders"),
          new Call("GET", "/async", 200, "async servlet, SQL on a worker thread"),
          new Call("GET", "/fail", 500, "exception -> 500, error span"),
          new Call("GET", "/missing-thing", 404, "404 from the default servlet"),
          new Call("GET", "/traceparent", 200, "echoes the traceparent header it received"));

  private DemoClient() {}

  public static void main(String[] args) throws InterruptedException {
    if (args.length != 1) {
      System.err.println("usage: java -jar testapp.jar --demo-client http://127.0.0.1:8080");
      System.exit(2);
    }
    String baseUrl = args[0].endsWith("/") ? args[0].substring(0, args[0].length() - 1) : args[0];
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    int unexpected = 0;
    for (Call call : CALLS) {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(baseUrl + call.path()))
              .timeout(Duration.ofSeconds(20))
              .method(call.method(), HttpRequest.BodyPublishers.noBody())
              .build();
      try {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        boolean expected = response.statusCode() == call.expectedStatus();
        if (!expected) {
          unexpected++;
        }
        System.out.printf(
            "demo-client: %-4s %-32s -> %d%s  (%s)%n",
            call.method(),
            call.path(),
            response.statusCode(),
            expected ? "" : " UNEXPECTED, wanted " + call.expectedStatus(),
            call.purpose());
      } catch (IOException e) {
        System.out.printf("demo-client: %-4s %-32s -> failed: %s%n", call.method(), call.path(), e);
        unexpected++;
      }
    }
    System.exit(unexpected == 0 ? 0 : 1);
  }
}
