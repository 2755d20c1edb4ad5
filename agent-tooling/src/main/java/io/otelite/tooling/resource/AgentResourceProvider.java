package io.otelite.tooling.resource;

import com.google.auto.service.AutoService;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.ResourceProvider;
import io.opentelemetry.sdk.resources.Resource;
import io.otelite.instrumentation.api.AgentVersion;
import java.net.InetAddress;
import java.nio.file.Paths;
import java.util.Locale;

/**
 * Host, OS, process and runtime attributes, and which distribution produced the telemetry.
 * Attributes set by the user ({@code OTEL_RESOURCE_ATTRIBUTES}, {@code OTEL_SERVICE_NAME}) are
 * merged after these and win.
 *
 * <p>These keys are still "incubating" in the semantic conventions, so the stable semconv artifact
 * does not carry them; they are declared once here. The process command line is left out on
 * purpose: it often carries secrets.
 */
@AutoService(ResourceProvider.class)
public final class AgentResourceProvider implements ResourceProvider {
  static final AttributeKey<String> HOST_NAME = AttributeKey.stringKey("host.name");
  static final AttributeKey<String> HOST_ARCH = AttributeKey.stringKey("host.arch");
  static final AttributeKey<String> OS_TYPE = AttributeKey.stringKey("os.type");
  static final AttributeKey<String> OS_DESCRIPTION = AttributeKey.stringKey("os.description");
  static final AttributeKey<Long> PROCESS_PID = AttributeKey.longKey("process.pid");
  static final AttributeKey<String> PROCESS_EXECUTABLE_PATH =
      AttributeKey.stringKey("process.executable.path");
  static final AttributeKey<String> RUNTIME_NAME = AttributeKey.stringKey("process.runtime.name");
  static final AttributeKey<String> RUNTIME_VERSION =
      AttributeKey.stringKey("process.runtime.version");
  static final AttributeKey<String> RUNTIME_DESCRIPTION =
      AttributeKey.stringKey("process.runtime.description");
  static final AttributeKey<String> DISTRO_NAME = AttributeKey.stringKey("telemetry.distro.name");
  static final AttributeKey<String> DISTRO_VERSION =
      AttributeKey.stringKey("telemetry.distro.version");

  @Override
  public Resource createResource(ConfigProperties config) {
    AttributesBuilder attributes = Attributes.builder();
    attributes.put(DISTRO_NAME, "otelite");
    attributes.put(DISTRO_VERSION, AgentVersion.get());
    String hostName = hostName();
    if (hostName != null) {
      attributes.put(HOST_NAME, hostName);
    }
    attributes.put(HOST_ARCH, hostArch(System.getProperty("os.arch", "")));
    attributes.put(OS_TYPE, osType(System.getProperty("os.name", "")));
    attributes.put(
        OS_DESCRIPTION, System.getProperty("os.name") + ' ' + System.getProperty("os.version"));
    attributes.put(PROCESS_PID, ProcessHandle.current().pid());
    attributes.put(
        PROCESS_EXECUTABLE_PATH,
        Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    attributes.put(RUNTIME_NAME, System.getProperty("java.runtime.name"));
    attributes.put(RUNTIME_VERSION, System.getProperty("java.runtime.version"));
    attributes.put(
        RUNTIME_DESCRIPTION,
        System.getProperty("java.vm.vendor")
            + ' '
            + System.getProperty("java.vm.name")
            + ' '
            + System.getProperty("java.vm.version"));
    return Resource.create(attributes.build());
  }

  private static String hostName() {
    String fromEnvironment = System.getenv("HOSTNAME");
    if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
      return fromEnvironment;
    }
    try {
      // the local name only; no DNS lookup on the start-up path
      return InetAddress.getLocalHost().getHostName();
    } catch (Exception e) {
      return null;
    }
  }

  static String osType(String osName) {
    String name = osName.toLowerCase(Locale.ROOT);
    if (name.startsWith("linux")) {
      return "linux";
    }
    if (name.startsWith("windows")) {
      return "windows";
    }
    if (name.startsWith("mac")) {
      return "darwin";
    }
    return name.replace(' ', '_');
  }

  static String hostArch(String osArch) {
    switch (osArch) {
      case "x86_64":
      case "amd64":
        return "amd64";
      case "aarch64":
        return "arm64";
      default:
        return osArch;
    }
  }
}
