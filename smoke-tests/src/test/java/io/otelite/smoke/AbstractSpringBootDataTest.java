package io.otelite.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.proto.metrics.v1.Metric;
import io.otelite.harness.AgentApp;
import io.otelite.harness.Await;
import io.otelite.harness.ReceivedMetric;
import io.otelite.harness.ReceivedSpan;
import io.otelite.harness.Traceparent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A Spring Boot application's data path under the built jar, as a user of the OpenTelemetry agent
 * expects it: one COMMIT span per {@code @Transactional} write, the service found from Spring
 * Boot's own configuration, and HikariCP's pool metrics. A subclass names the fat jar; the app is
 * started with {@code java -javaagent:... -jar} and no OpenTelemetry configuration but the OTLP
 * endpoint.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
abstract class AbstractSpringBootDataTest {
  private static final String VERSION = "0.1.0-SNAPSHOT";
  private static final String POOL = "owners-pool";

  @RegisterExtension final AgentApp app = AgentApp.springBoot(module()).jvmOptions("-Xmx256m");

  /** The module, also its jar's name and its {@code spring.application.name}. */
  abstract String module();

  @Test
  void aTransactionalWriteThroughTheJsonApiMakesOneCommitSpan() {
    Traceparent caller = Traceparent.random();

    assertThat(
            app.postJson("/api/owners", "{\"name\":\"Lin\",\"city\":\"Oslo\"}", caller)
                .statusCode())
        .isEqualTo(201);

    assertOneCommitUnderTheServerSpan(caller, "INSERT owner");
  }

  @Test
  void aTransactionalFormPostMakesOneCommitSpan() {
    Traceparent caller = Traceparent.random();

    assertThat(app.postForm("/owners/2/edit", "name=Grace+Hopper", caller).statusCode())
        .isEqualTo(302);

    assertOneCommitUnderTheServerSpan(caller, "UPDATE owner");
  }

  private void assertOneCommitUnderTheServerSpan(Traceparent caller, String write) {
    List<ReceivedSpan> trace =
        app.telemetry()
            .awaitTrace(
                caller.traceId(),
                ReceivedSpan::isServer,
                span -> span.name().equals(write),
                span -> span.name().equals("COMMIT"));
    // every span of the request ended before the SERVER span, and spans are exported in the order
    // they end: once the SERVER span is here, any second COMMIT would be too
    ReceivedSpan server = ReceivedSpan.only(trace, ReceivedSpan::isServer);
    List<ReceivedSpan> commits =
        trace.stream().filter(span -> span.name().equals("COMMIT")).collect(Collectors.toList());

    assertThat(commits).as("COMMIT spans in %s", trace).hasSize(1);
    assertThat(commits.get(0).isChildOf(server)).isTrue();
    assertThat(commits.get(0).attributes())
        .containsEntry("db.operation.name", "COMMIT")
        .containsEntry("db.system.name", "h2database");
    assertThat(trace.stream().filter(span -> span.name().equals("ROLLBACK"))).isEmpty();
  }

  @Test
  void theResourceNamesVersionsAndIdentifiesTheServiceWithoutConfiguration() {
    Traceparent caller = Traceparent.random();
    app.get("/", caller);

    ReceivedSpan server =
        ReceivedSpan.only(
            app.telemetry().awaitTrace(caller.traceId(), ReceivedSpan::isServer),
            ReceivedSpan::isServer);

    // spring.application.name; the jar's Implementation-Title is another name
    assertThat(server.resource())
        .containsEntry("service.name", module())
        .containsEntry("service.version", VERSION);
    String instanceId = String.valueOf(server.resource().get("service.instance.id"));
    assertThat(UUID.fromString(instanceId).version()).isEqualTo(4);
    assertThat(app.telemetry().awaitMetric(module(), "db.client.connection.count").resource())
        .containsEntry("service.instance.id", instanceId);
  }

  @Test
  void hikariReportsThePoolsConnectionsLimitsAndWaitsByPoolName() {
    app.get("/api/owners/1", Traceparent.random());

    Map<Map<String, Object>, Long> counts = values("db.client.connection.count");
    assertThat(counts.keySet())
        .containsExactlyInAnyOrder(
            Map.of("db.client.connection.pool.name", POOL, "db.client.connection.state", "idle"),
            Map.of("db.client.connection.pool.name", POOL, "db.client.connection.state", "used"));
    assertThat(counts.values().stream().mapToLong(Long::longValue).sum())
        .as("idle + used")
        .isPositive();
    assertThat(values("db.client.connection.max"))
        .containsExactly(Map.entry(Map.of("db.client.connection.pool.name", POOL), 10L));
    assertThat(values("db.client.connection.pending_requests"))
        .containsExactly(Map.entry(Map.of("db.client.connection.pool.name", POOL), 0L));
    assertThat(values("db.client.connection.idle.min"))
        .containsKey(Map.of("db.client.connection.pool.name", POOL));
    Await.untilAsserted(
        Duration.ofSeconds(30),
        () ->
            assertThat(
                    app.telemetry()
                        .histogramCount(
                            module(),
                            "db.client.connection.wait_time",
                            Map.of("db.client.connection.pool.name", POOL)))
                .isPositive());
    Metric useTime =
        app.telemetry().awaitMetric(module(), "db.client.connection.use_time").metric();
    assertThat(useTime.getUnit()).isEqualTo("s");
  }

  /** The newest export of an observed pool metric: each point's attributes and value. */
  private Map<Map<String, Object>, Long> values(String metricName) {
    ReceivedMetric metric = app.telemetry().awaitMetric(module(), metricName);
    assertThat(metric.metric().hasSum()).as("%s is a sum", metricName).isTrue();
    assertThat(metric.metric().getSum().getIsMonotonic()).isFalse();
    return metric.longSumValues();
  }
}
