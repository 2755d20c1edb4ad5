package io.otelite.testapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The endpoints behave as the demo and the smoke tests expect them to, without any agent. */
@Timeout(60)
class OrderServiceTest {

  private static OrderService service;
  private static final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @BeforeAll
  static void start() throws Exception {
    service =
        OrderService.start(
            new TestappSettings(
                "127.0.0.1",
                0,
                "jdbc:h2:mem:order-service-test;DB_CLOSE_DELAY=-1",
                "sa",
                "",
                null));
  }

  @AfterAll
  static void stop() {
    service.stop();
  }

  @Test
  void listsTheSeededOrders() throws Exception {
    HttpResponse<String> response = get("/orders");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).startsWith("[{\"id\":1,\"item\":\"coffee beans\",\"quantity\":2}");
  }

  @Test
  void createsAnOrderThatCanBeReadBack() throws Exception {
    HttpResponse<String> created =
        send(
            HttpRequest.newBuilder(uri("/orders?item=tea%20%22pot%22&quantity=3"))
                .POST(HttpRequest.BodyPublishers.noBody()));

    assertThat(created.statusCode()).isEqualTo(201);
    String location = created.headers().firstValue("Location").orElseThrow();
    HttpResponse<String> read = get(location);
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(read.body()).contains("\"item\":\"tea \\\"pot\\\"\"", "\"quantity\":3");
  }

  @Test
  void unknownOrderIs404AndNonNumericIdIs400() throws Exception {
    assertThat(get("/orders/999999").statusCode()).isEqualTo(404);
    assertThat(get("/orders/abc").statusCode()).isEqualTo(400);
  }

  @ParameterizedTest
  @ValueSource(strings = {"jdk", "jdk-async", "urlconnection", "apache"})
  void checkoutCallsTheDownstreamOrdersWithEachClient(String client) throws Exception {
    HttpResponse<String> response = get("/checkout?client=" + client);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .contains("\"client\":\"" + client + "\"", "\"downstreamStatus\":200", "/orders\"");
  }

  @Test
  void checkoutRejectsAnUnknownClient() throws Exception {
    assertThat(get("/checkout?client=carrier-pigeon").statusCode()).isEqualTo(400);
  }

  @Test
  void asyncAnswersFromAWorkerThreadAfterTheDelay() throws Exception {
    long start = System.nanoTime();
    HttpResponse<String> response = get("/async?delayMs=100");

    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(100));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"thread\":\"order-worker-");
  }

  @Test
  void failIs500AndAnUnmappedPathIs404() throws Exception {
    assertThat(get("/fail").statusCode()).isEqualTo(500);
    assertThat(get("/missing-thing").statusCode()).isEqualTo(404);
  }

  @Test
  void echoesTheTraceparentItReceived() throws Exception {
    String traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
    HttpResponse<String> withHeader =
        send(HttpRequest.newBuilder(uri("/traceparent")).header("traceparent", traceparent));

    assertThat(withHeader.body()).isEqualTo(traceparent);
    assertThat(get("/traceparent").body()).isEqualTo("none");
  }

  @Test
  void healthIsUp() throws Exception {
    assertThat(get("/health").body()).isEqualTo("{\"status\":\"up\"}");
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return send(HttpRequest.newBuilder(uri(path)));
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(
        request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static URI uri(String path) {
    return URI.create("http://127.0.0.1:" + service.port() + path);
  }
}
