package io.otelite.tooling.testing;

import io.otelite.instrumentation.api.AgentLog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What the agent's log (stderr) says during one test; debug is off again after it.
 *
 * <pre>{@code
 * @RegisterExtension final AgentLogCapture log = new AgentLogCapture();
 * assertThat(log.text()).contains("is failing");
 * }</pre>
 */
public final class AgentLogCapture implements BeforeEachCallback, AfterEachCallback {
  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
  private PrintStream originalStderr;

  @Override
  public void beforeEach(ExtensionContext context) {
    originalStderr = System.err;
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
  }

  @Override
  public void afterEach(ExtensionContext context) {
    System.setErr(originalStderr);
    AgentLog.setDebug(false);
  }

  /** Everything written so far. */
  public String text() {
    return captured.toString(StandardCharsets.UTF_8);
  }

  /** The lines written so far, none when nothing was. */
  public String[] lines() {
    String text = text();
    return text.isEmpty() ? new String[0] : text.split("\n");
  }
}
