package example.apps.startup;

import java.util.logging.LogManager;

/**
 * An application's own LogManager, as Tomcat's juli or JBoss LogManager are: it notes which thread
 * created it and whether agent code was on that thread's stack, that is, whether the agent
 * initialised java.util.logging instead of the application.
 */
public class RecordingLogManager extends LogManager {
  static volatile String createdOnThread;
  static volatile String agentFrame;

  public RecordingLogManager() {
    createdOnThread = Thread.currentThread().getName();
    for (StackTraceElement frame : new Throwable().getStackTrace()) {
      if (frame.getClassName().startsWith("io.otelite.")) {
        agentFrame = frame.toString();
        break;
      }
    }
  }
}
