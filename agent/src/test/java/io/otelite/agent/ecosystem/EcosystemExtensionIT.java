package io.otelite.agent.ecosystem;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelite.harness.AgentJvm;
import io.otelite.harness.ManagedProcess;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OTEL_JAVAAGENT_EXTENSIONS: a user's jar (compiled here from source, against the SDK's SPI and
 * otelite's instrumentation API under their usual names, exactly as a user builds one) is found by
 * the agent through ServiceLoader: a ResourceProvider, a Sampler, a SpanProcessor and an
 * InstrumentationModule. The agent jar relocates its OpenTelemetry classes; the extension's classes
 * are remapped to them as they load.
 */
class EcosystemExtensionIT {
  private static final String PROVIDER_SOURCE =
      "package example.extension;\n"
          + "import io.opentelemetry.api.common.AttributeKey;\n"
          + "import io.opentelemetry.api.common.Attributes;\n"
          + "import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;\n"
          + "import io.opentelemetry.sdk.autoconfigure.spi.ResourceProvider;\n"
          + "import io.opentelemetry.sdk.resources.Resource;\n"
          + "public class TeamResourceProvider implements ResourceProvider {\n"
          + "  @Override public Resource createResource(ConfigProperties config) {\n"
          + "    return Resource.create(Attributes.of(AttributeKey.stringKey(\"team.name\"), \"payments\"));\n"
          + "  }\n"
          + "}\n";

  private static final String SAMPLER_SOURCE =
      "package example.extension;\n"
          + "import io.opentelemetry.api.common.AttributeKey;\n"
          + "import io.opentelemetry.api.common.Attributes;\n"
          + "import io.opentelemetry.api.trace.SpanKind;\n"
          + "import io.opentelemetry.context.Context;\n"
          + "import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;\n"
          + "import io.opentelemetry.sdk.autoconfigure.spi.traces.ConfigurableSamplerProvider;\n"
          + "import io.opentelemetry.sdk.trace.data.LinkData;\n"
          + "import io.opentelemetry.sdk.trace.samplers.Sampler;\n"
          + "import io.opentelemetry.sdk.trace.samplers.SamplingDecision;\n"
          + "import io.opentelemetry.sdk.trace.samplers.SamplingResult;\n"
          + "import java.util.List;\n"
          + "public class TeamSamplerProvider implements ConfigurableSamplerProvider {\n"
          + "  @Override public String getName() { return \"team-sampler\"; }\n"
          + "  @Override public Sampler createSampler(ConfigProperties config) {\n"
          + "    return new Sampler() {\n"
          + "      @Override public SamplingResult shouldSample(Context parent, String traceId, String name,\n"
          + "          SpanKind kind, Attributes attributes, List<LinkData> links) {\n"
          + "        return name.contains(\"dropped\") ? SamplingResult.drop() : SamplingResult.create(\n"
          + "            SamplingDecision.RECORD_AND_SAMPLE, Attributes.of(AttributeKey.stringKey(\"sampled.by\"), \"team-sampler\"));\n"
          + "      }\n"
          + "      @Override public String getDescription() { return \"team-sampler\"; }\n"
          + "    };\n"
          + "  }\n"
          + "}\n";

  private static final String SPAN_PROCESSOR_SOURCE =
      "package example.extension;\n"
          + "import io.opentelemetry.context.Context;\n"
          + "import io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizer;\n"
          + "import io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizerProvider;\n"
          + "import io.opentelemetry.sdk.trace.ReadWriteSpan;\n"
          + "import io.opentelemetry.sdk.trace.ReadableSpan;\n"
          + "import io.opentelemetry.sdk.trace.SpanProcessor;\n"
          + "public class TeamSpanProcessorCustomizer implements AutoConfigurationCustomizerProvider {\n"
          + "  @Override public void customize(AutoConfigurationCustomizer customizer) {\n"
          + "    customizer.addTracerProviderCustomizer((builder, config) -> builder.addSpanProcessor(new SpanProcessor() {\n"
          + "      @Override public void onStart(Context parent, ReadWriteSpan span) { span.setAttribute(\"team.processor\", \"on\"); }\n"
          + "      @Override public boolean isStartRequired() { return true; }\n"
          + "      @Override public void onEnd(ReadableSpan span) {}\n"
          + "      @Override public boolean isEndRequired() { return false; }\n"
          + "    }));\n"
          + "  }\n"
          + "}\n";

  private static final String MODULE_SOURCE =
      "package example.extension.greeting;\n"
          + "import static net.bytebuddy.matcher.ElementMatchers.named;\n"
          + "import io.otelite.instrumentation.api.InstrumentationModule;\n"
          + "import io.otelite.instrumentation.api.TypeInstrumentation;\n"
          + "import io.otelite.instrumentation.api.TypeTransformer;\n"
          + "import java.util.List;\n"
          + "import net.bytebuddy.description.type.TypeDescription;\n"
          + "import net.bytebuddy.matcher.ElementMatcher;\n"
          + "public class GreetingInstrumentationModule extends InstrumentationModule {\n"
          + "  public GreetingInstrumentationModule() { super(\"team-greeting\"); }\n"
          + "  @Override public List<TypeInstrumentation> typeInstrumentations() {\n"
          + "    return List.of(new TypeInstrumentation() {\n"
          + "      @Override public ElementMatcher<TypeDescription> typeMatcher() {\n"
          + "        return named(\"example.apps.ecosystem.GreetingApp\");\n"
          + "      }\n"
          + "      @Override public void transform(TypeTransformer transformer) {\n"
          + "        transformer.applyAdviceToMethod(named(\"greet\"), \"example.extension.greeting.GreetAdvice\");\n"
          + "      }\n"
          + "    });\n"
          + "  }\n"
          + "}\n";

  private static final String ADVICE_SOURCE =
      "package example.extension.greeting;\n"
          + "import io.opentelemetry.api.GlobalOpenTelemetry;\n"
          + "import io.opentelemetry.api.trace.Span;\n"
          + "import net.bytebuddy.asm.Advice;\n"
          + "public class GreetAdvice {\n"
          + "  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)\n"
          + "  public static Object enter(@Advice.Argument(0) String name) {\n"
          + "    return GlobalOpenTelemetry.getTracer(\"team-extension\").spanBuilder(\"greet \" + name).startSpan();\n"
          + "  }\n"
          + "  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)\n"
          + "  public static void exit(@Advice.Enter Object span) {\n"
          + "    ((Span) span).end();\n"
          + "  }\n"
          + "}\n";

  @TempDir Path folder;

  @Test
  void aResourceProviderFromAnExtensionJarReachesTheExportedResource() throws Exception {
    Path extension = buildExtensionJar();

    ManagedProcess run =
        AgentJvm.runMain(
            Map.of(
                "OTEL_JAVAAGENT_EXTENSIONS", extension.toString(),
                "OTEL_METRICS_EXPORTER", "logging-otlp",
                "OTEL_METRIC_EXPORT_INTERVAL", "200"),
            "example.apps.HelloApp",
            "1500");

    assertThat(run.exitCode()).isZero();
    // OTLP JSON of the metrics, resource included (the SDK's logging-otlp writes through
    // java.util.logging)
    assertThat(run.stderrText())
        .contains("{\"key\":\"team.name\",\"value\":{\"stringValue\":\"payments\"}}");
    assertThat(run.stderrText()).doesNotContain("[otelite]");
  }

  @Test
  void aSamplerASpanProcessorAndAnInstrumentationModuleFromAnExtensionJarAllWork()
      throws Exception {
    Path extension =
        buildExtensionJar(
            "team-tracing.jar",
            Map.of(
                "example.extension.TeamSamplerProvider", SAMPLER_SOURCE,
                "example.extension.TeamSpanProcessorCustomizer", SPAN_PROCESSOR_SOURCE,
                "example.extension.greeting.GreetingInstrumentationModule", MODULE_SOURCE,
                "example.extension.greeting.GreetAdvice", ADVICE_SOURCE),
            Map.of(
                "io.opentelemetry.sdk.autoconfigure.spi.traces.ConfigurableSamplerProvider",
                "example.extension.TeamSamplerProvider",
                "io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizerProvider",
                "example.extension.TeamSpanProcessorCustomizer",
                "io.otelite.instrumentation.api.InstrumentationModule",
                "example.extension.greeting.GreetingInstrumentationModule"));

    ManagedProcess run =
        AgentJvm.runMain(
            Map.of(
                "OTEL_JAVAAGENT_EXTENSIONS", extension.toString(),
                "OTEL_TRACES_SAMPLER", "team-sampler",
                "OTEL_TRACES_EXPORTER", "logging-otlp",
                "OTEL_METRICS_EXPORTER", "none",
                "OTEL_LOGS_EXPORTER", "none",
                "OTEL_BSP_SCHEDULE_DELAY", "100"),
            "example.apps.ecosystem.GreetingApp",
            "1500");

    assertThat(run.exitCode()).as(run.stderrText()).isZero();
    assertThat(run.stdoutText()).contains("hello world").contains("hello dropped-guest");
    // the module's span, sampled by the extension's sampler, started through its span processor
    assertThat(run.stderrText())
        .as("OTLP JSON of the spans")
        .contains("\"name\":\"greet world\"")
        .contains("{\"key\":\"sampled.by\",\"value\":{\"stringValue\":\"team-sampler\"}}")
        .contains("{\"key\":\"team.processor\",\"value\":{\"stringValue\":\"on\"}}")
        .doesNotContain("greet dropped-guest");
    assertThat(run.stderrText()).doesNotContain("[otelite]");
  }

  @Test
  void anExtensionPathThatDoesNotExistIsOneLineAndTheApplicationRuns() throws Exception {
    ManagedProcess run =
        AgentJvm.runMain(
            Map.of(
                "OTEL_JAVAAGENT_EXTENSIONS",
                "/no/such/extension.jar",
                "OTEL_METRICS_EXPORTER",
                "none"),
            "example.apps.HelloApp");

    assertThat(run.exitCode()).isZero();
    assertThat(run.stdoutText()).contains("application done");
    assertThat(run.stderrText())
        .contains("otel.javaagent.extensions")
        .contains("/no/such/extension.jar");
  }

  private Path buildExtensionJar() throws Exception {
    return buildExtensionJar(
        "team-extension.jar",
        Map.of("example.extension.TeamResourceProvider", PROVIDER_SOURCE),
        Map.of(
            "io.opentelemetry.sdk.autoconfigure.spi.ResourceProvider",
            "example.extension.TeamResourceProvider"));
  }

  /** Compiles {@code sources} (class name to source) and jars them with the given service files. */
  private Path buildExtensionJar(
      String name, Map<String, String> sources, Map<String, String> services) throws Exception {
    Path classes = Files.createDirectories(folder.resolve(name + "-classes"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    List<SimpleJavaFileObject> files = new ArrayList<>();
    sources.forEach(
        (className, source) ->
            files.add(
                new SimpleJavaFileObject(
                    URI.create("string:///" + className.replace('.', '/') + ".java"),
                    SimpleJavaFileObject.Kind.SOURCE) {
                  @Override
                  public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return source;
                  }
                }));
    List<String> options =
        List.of(
            "-d",
            classes.toString(),
            "-classpath",
            System.getProperty("java.class.path"),
            "--release",
            "11",
            "-proc:none");
    assertThat(javac.getTask(null, null, null, options, null, files).call()).isTrue();

    Path jar = folder.resolve(name);
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
        Stream<Path> classFiles = Files.walk(classes)) {
      for (Path classFile : classFiles.filter(Files::isRegularFile).collect(Collectors.toList())) {
        out.putNextEntry(new JarEntry(classes.relativize(classFile).toString().replace('\\', '/')));
        out.write(Files.readAllBytes(classFile));
        out.closeEntry();
      }
      for (Map.Entry<String, String> service : services.entrySet()) {
        out.putNextEntry(new JarEntry("META-INF/services/" + service.getKey()));
        out.write((service.getValue() + "\n").getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
    }
    return jar;
  }
}
