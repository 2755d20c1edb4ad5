package io.otelite.tooling.resource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Properties;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;

/**
 * What the application's main jar ({@code java -jar app.jar}) says about the service, read once at
 * start-up: its manifest, Spring Boot's {@code META-INF/build-info.properties}, and the {@code
 * application.properties} or {@code application.yaml} packaged in it. Opening a jar reads only its
 * central directory, and only these few entries are read; nested jars are never opened.
 */
final class ApplicationJar {
  /** Where packaged classes and resources live: Spring Boot jar, Spring Boot war, plain jar. */
  private static final String[] CLASSES_DIRECTORIES = {"BOOT-INF/classes/", "WEB-INF/classes/", ""};

  private static final String[] APPLICATION_CONFIGURATION_FILES = {
    "application.properties", "application.yaml", "application.yml"
  };

  private final String fileBaseName;
  private final String implementationTitle;
  private final String implementationVersion;
  private final String buildVersion;
  private final String springApplicationName;

  private ApplicationJar(
      String fileBaseName,
      String implementationTitle,
      String implementationVersion,
      String buildVersion,
      String springApplicationName) {
    this.fileBaseName = fileBaseName;
    this.implementationTitle = implementationTitle;
    this.implementationVersion = implementationVersion;
    this.buildVersion = buildVersion;
    this.springApplicationName = springApplicationName;
  }

  /**
   * The jar named by the JVM's {@code sun.java.command} (the jar path and the program arguments
   * when started with {@code -jar}), or {@code null} when the JVM was started with a main class or
   * the jar cannot be read.
   */
  static ApplicationJar fromJavaCommand(String javaCommand) {
    Path jar = jarPath(javaCommand);
    return jar == null ? null : read(jar);
  }

  static ApplicationJar read(Path jar) {
    try (JarFile file = new JarFile(jar.toFile(), false)) {
      Manifest manifest = file.getManifest();
      Attributes main = manifest == null ? new Attributes() : manifest.getMainAttributes();
      return new ApplicationJar(
          baseName(jar),
          emptyToNull(main.getValue(Attributes.Name.IMPLEMENTATION_TITLE)),
          emptyToNull(main.getValue(Attributes.Name.IMPLEMENTATION_VERSION)),
          buildVersion(file),
          springApplicationName(file));
    } catch (IOException | RuntimeException unreadable) {
      return null;
    }
  }

  /** The jar's file name without {@code .jar}. */
  String fileBaseName() {
    return fileBaseName;
  }

  /** The manifest's {@code Implementation-Title}, or {@code null}. */
  String implementationTitle() {
    return implementationTitle;
  }

  /** The manifest's {@code Implementation-Version}, or {@code null}. */
  String implementationVersion() {
    return implementationVersion;
  }

  /** {@code build.version} of Spring Boot's {@code META-INF/build-info.properties}, or null. */
  String buildVersion() {
    return buildVersion;
  }

  /** {@code spring.application.name} of the packaged application configuration, or null. */
  String springApplicationName() {
    return springApplicationName;
  }

  /**
   * The first space-separated prefix of the command that is a file: with {@code -jar}, the command
   * starts with the jar's path, which may itself contain spaces.
   */
  static Path jarPath(String javaCommand) {
    if (javaCommand == null || javaCommand.isEmpty()) {
      return null;
    }
    int end = javaCommand.indexOf(' ');
    while (true) {
      String candidate = end < 0 ? javaCommand : javaCommand.substring(0, end);
      if (candidate.regionMatches(true, candidate.length() - 4, ".jar", 0, 4)
          || candidate.regionMatches(true, candidate.length() - 4, ".war", 0, 4)) {
        Path path = regularFile(candidate);
        if (path != null) {
          return path;
        }
      }
      if (end < 0) {
        return null;
      }
      end = javaCommand.indexOf(' ', end + 1);
    }
  }

  private static Path regularFile(String candidate) {
    try {
      Path path = Paths.get(candidate);
      return Files.isRegularFile(path) ? path : null;
    } catch (InvalidPathException e) {
      return null;
    }
  }

  private static String buildVersion(JarFile file) throws IOException {
    // Spring Boot's Maven and Gradle plugins put it at the jar's root, a plain build in classes
    for (String directory : new String[] {"", "BOOT-INF/classes/", "WEB-INF/classes/"}) {
      Properties buildInfo = properties(file, directory + "META-INF/build-info.properties");
      if (buildInfo != null) {
        return emptyToNull(buildInfo.getProperty("build.version"));
      }
    }
    return null;
  }

  private static String springApplicationName(JarFile file) throws IOException {
    for (String directory : CLASSES_DIRECTORIES) {
      for (String name : APPLICATION_CONFIGURATION_FILES) {
        ZipEntry entry = file.getEntry(directory + name);
        if (entry == null) {
          continue;
        }
        try (InputStream in = file.getInputStream(entry)) {
          String applicationName =
              name.endsWith(".properties")
                  ? SpringApplicationName.fromProperties(in)
                  : SpringApplicationName.fromYaml(in);
          if (applicationName != null) {
            return applicationName;
          }
        }
      }
    }
    return null;
  }

  private static Properties properties(JarFile file, String name) throws IOException {
    ZipEntry entry = file.getEntry(name);
    if (entry == null) {
      return null;
    }
    try (InputStream in = file.getInputStream(entry)) {
      Properties properties = new Properties();
      properties.load(in);
      return properties;
    }
  }

  private static String baseName(Path jar) {
    String name = jar.getFileName().toString();
    return name.substring(0, name.length() - 4);
  }

  private static String emptyToNull(String value) {
    return value == null || value.trim().isEmpty() ? null : value.trim();
  }
}
