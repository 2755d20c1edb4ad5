package io.otelite.tooling.resource;

import com.google.auto.service.AutoService;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.ResourceProvider;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.semconv.ServiceAttributes;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;

/**
 * {@code service.instance.id}, {@code service.name} and {@code service.version}, found as the
 * OpenTelemetry Java agent finds them, so that switching agents keeps the same service:
 *
 * <ul>
 *   <li>{@code service.instance.id}: a random UUID per process.
 *   <li>{@code service.name}: Spring Boot's {@code spring.application.name} ({@link
 *       SpringApplicationName}), else the main jar's {@code Implementation-Title}, else the main
 *       jar's file name without {@code .jar}; else the SDK's {@code unknown_service:java} stays.
 *   <li>{@code service.version}: {@code build.version} of Spring Boot's {@code
 *       META-INF/build-info.properties} in the main jar, else the jar's {@code
 *       Implementation-Version}.
 * </ul>
 *
 * <p>{@code OTEL_SERVICE_NAME} and {@code OTEL_RESOURCE_ATTRIBUTES} always win: the SDK merges them
 * after every provider. The main jar is read (once) only when the user has not set both the name
 * and the version.
 */
@AutoService(ResourceProvider.class)
public final class ServiceResourceProvider implements ResourceProvider {
  private static final String SERVICE_NAME_KEY = "otel.service.name";
  private static final String RESOURCE_ATTRIBUTES_KEY = "otel.resource.attributes";

  @Override
  public Resource createResource(ConfigProperties config) {
    return Resource.create(
        attributes(
            config, System.getProperty("sun.java.command"), System::getProperty, System::getenv));
  }

  static Attributes attributes(
      ConfigProperties config,
      String javaCommand,
      UnaryOperator<String> systemProperty,
      UnaryOperator<String> environment) {
    AttributesBuilder attributes = Attributes.builder();
    attributes.put(ServiceAttributes.SERVICE_INSTANCE_ID, randomUuid());
    Map<String, String> userAttributes = config.getMap(RESOURCE_ATTRIBUTES_KEY);
    boolean nameSet =
        config.getString(SERVICE_NAME_KEY) != null
            || userAttributes.containsKey(ServiceAttributes.SERVICE_NAME.getKey());
    boolean versionSet = userAttributes.containsKey(ServiceAttributes.SERVICE_VERSION.getKey());
    if (nameSet && versionSet) {
      return attributes.build();
    }
    ApplicationJar jar = ApplicationJar.fromJavaCommand(javaCommand);
    if (!nameSet) {
      String name = SpringApplicationName.find(javaCommand, systemProperty, environment, jar);
      if (name == null && jar != null) {
        name = jar.implementationTitle() != null ? jar.implementationTitle() : jar.fileBaseName();
      }
      if (name != null) {
        attributes.put(ServiceAttributes.SERVICE_NAME, name);
      }
    }
    if (!versionSet && jar != null) {
      String version =
          jar.buildVersion() != null ? jar.buildVersion() : jar.implementationVersion();
      if (version != null) {
        attributes.put(ServiceAttributes.SERVICE_VERSION, version);
      }
    }
    return attributes.build();
  }

  /**
   * A version 4 UUID. From {@code ThreadLocalRandom}, not {@code UUID.randomUUID()}: the id needs
   * to be unique, not unguessable, and seeding {@code SecureRandom} would cost start-up time.
   */
  static String randomUuid() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long mostSignificant = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
    long leastSignificant = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48); // IETF
    return new UUID(mostSignificant, leastSignificant).toString();
  }
}
