package io.otelite.harness;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * A JUnit 5 extension that owns "an application under the agent, exporting to a receiver in the
 * test JVM": before the class's tests it starts an {@link OtlpReceiver} and the application
 * (exporting to it, with fast export), after them it closes both, and a test that fails carries the
 * application's last lines. A test class declares it in one field:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final AgentApp app = AgentApp.testapp("orders").env("OTEL_RESOURCE_ATTRIBUTES", "a=b");
 * ...
 * app.get("/orders", caller);
 * app.telemetry().awaitTrace(caller.traceId(), ...);
 * }</pre>
 *
 * Two applications of one trace share a receiver: the caller declares {@link
 * #callingDownstream(AgentApp)} and is registered after the downstream one ({@code @Order}).
 */
public final class AgentApp
    implements HttpApp,
        BeforeAllCallback,
        AfterAllCallback,
        TestExecutionExceptionHandler,
        LifecycleMethodExecutionExceptionHandler {

  /** How one kind of application starts, given its environment. */
  private interface Launcher {
    HttpApp start(Map<String, String> environment, List<String> jvmOptions);
  }

  private final Launcher launcher;
  private final Map<String, String> environment = new LinkedHashMap<>();
  private final List<String> jvmOptions = new ArrayList<>();
  private OtlpReceiver.Protocol protocol = OtlpReceiver.Protocol.HTTP_PROTOBUF;
  private AgentApp downstream;
  private OtlpReceiver receiver;
  private boolean ownsReceiver;
  private HttpApp app;

  private AgentApp(Launcher launcher) {
    this.launcher = launcher;
  }

  /** testapp/target/testapp.jar, with {@code OTEL_SERVICE_NAME=serviceName}. */
  public static AgentApp testapp(String serviceName) {
    return new AgentApp(
        (environment, jvmOptions) -> {
          if (!jvmOptions.isEmpty()) {
            throw new IllegalStateException("testapp starts with its own JVM options");
          }
          Testapp.Builder builder = Testapp.underAgent(serviceName);
          environment.forEach(builder::env);
          return builder.start();
        });
  }

  /**
   * One of the project's Spring Boot fat jars ({@code <module>/target/<module>.jar}) with {@code
   * java -javaagent -jar}, and no service name unless the test sets one.
   */
  public static AgentApp springBoot(String module) {
    return new AgentApp(
        (environment, jvmOptions) -> {
          SpringBootApp.Builder builder =
              SpringBootApp.module(module).jvmOptions(jvmOptions.toArray(String[]::new));
          environment.forEach(builder::env);
          return builder.start();
        });
  }

  public AgentApp env(String key, String value) {
    environment.put(key, value);
    return this;
  }

  /** Options on the java command line (Spring Boot applications). */
  public AgentApp jvmOptions(String... options) {
    jvmOptions.addAll(List.of(options));
    return this;
  }

  /** Export over gRPC instead of http/protobuf. */
  public AgentApp overGrpc() {
    protocol = OtlpReceiver.Protocol.GRPC;
    return this;
  }

  /**
   * testapp's {@code /checkout} calls {@code downstream}, and this app exports to its receiver, so
   * that their one trace is read in one place.
   */
  public AgentApp callingDownstream(AgentApp downstream) {
    this.downstream = downstream;
    return this;
  }

  public OtlpReceiver receiver() {
    return started(() -> receiver);
  }

  public ReceivedTelemetry telemetry() {
    return receiver().telemetry();
  }

  /** The running application: a {@link Testapp} or a {@link SpringBootApp}. */
  public HttpApp app() {
    return started(() -> app);
  }

  @Override
  public ManagedProcess process() {
    return app().process();
  }

  @Override
  public String baseUrl() {
    return app().baseUrl();
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    if (downstream != null) {
      receiver = downstream.receiver();
      environment.put("TESTAPP_DOWNSTREAM_URL", downstream.baseUrl());
    } else {
      receiver = OtlpReceiver.start(protocol);
      ownsReceiver = true;
    }
    Map<String, String> exporting = new LinkedHashMap<>(receiver.exporterEnvironment());
    exporting.putAll(environment);
    try {
      app = launcher.start(exporting, jvmOptions);
    } catch (RuntimeException | AssertionError e) {
      closeReceiver();
      throw e;
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    try {
      if (app != null) {
        app.process().close();
      }
    } finally {
      app = null;
      closeReceiver();
    }
  }

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable failure)
      throws Throwable {
    throw withTail(failure);
  }

  @Override
  public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable failure)
      throws Throwable {
    throw withTail(failure);
  }

  @Override
  public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable failure)
      throws Throwable {
    throw withTail(failure);
  }

  /** The failure, with the application's last lines attached (once, whoever else quotes them). */
  private Throwable withTail(Throwable failure) {
    if (app != null) {
      failure.addSuppressed(new AppOutput(app.process().tail()));
    }
    return failure;
  }

  private void closeReceiver() {
    if (ownsReceiver && receiver != null) {
      receiver.close();
    }
    receiver = null;
    ownsReceiver = false;
  }

  private <T> T started(Supplier<T> part) {
    T value = part.get();
    if (value == null) {
      throw new IllegalStateException(
          "the application is not running: register AgentApp with @RegisterExtension on a static"
              + " field (or an instance field with @TestInstance(PER_CLASS))");
    }
    return value;
  }

  /** The application's last output, attached to a failure; its stack trace says nothing. */
  private static final class AppOutput extends RuntimeException {
    AppOutput(String tail) {
      super("the application's last output:\n" + tail, null, false, false);
    }
  }
}
