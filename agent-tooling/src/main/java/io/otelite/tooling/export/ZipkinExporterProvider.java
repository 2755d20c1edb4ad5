package io.otelite.tooling.export;

import com.google.auto.service.AutoService;
import io.opentelemetry.exporter.zipkin.ZipkinSpanExporter;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.traces.ConfigurableSpanExporterProvider;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.otelite.tooling.export.sender.AfterApplicationLoggingZipkinSender;
import java.time.Duration;
import zipkin2.reporter.urlconnection.URLConnectionSender;

/**
 * {@code otel.traces.exporter=zipkin}, with the standard keys ({@code
 * otel.exporter.zipkin.endpoint}, {@code otel.exporter.zipkin.timeout}), sent with the JDK's {@code
 * HttpURLConnection}: the SDK's own provider would send with OkHttp, and so load OkHttp and Kotlin
 * on the common path. Like OTLP's, its exports wait for the application's logging set-up.
 */
@AutoService(ConfigurableSpanExporterProvider.class)
public final class ZipkinExporterProvider implements ConfigurableSpanExporterProvider {
  static final String DEFAULT_ENDPOINT = "http://localhost:9411/api/v2/spans";

  @Override
  public SpanExporter createExporter(ConfigProperties config) {
    String endpoint = config.getString("otel.exporter.zipkin.endpoint", DEFAULT_ENDPOINT);
    Duration timeout = config.getDuration("otel.exporter.zipkin.timeout", Duration.ofSeconds(10));
    URLConnectionSender sender =
        URLConnectionSender.newBuilder()
            .endpoint(endpoint)
            .readTimeout((int) timeout.toMillis())
            .connectTimeout((int) timeout.toMillis())
            .build();
    return ZipkinSpanExporter.builder()
        .setEndpoint(endpoint)
        .setSender(new AfterApplicationLoggingZipkinSender(sender, timeout.toNanos()))
        .build();
  }

  @Override
  public String getName() {
    return "zipkin";
  }
}
