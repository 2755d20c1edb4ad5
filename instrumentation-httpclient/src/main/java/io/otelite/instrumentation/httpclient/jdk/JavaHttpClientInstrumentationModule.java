package io.otelite.instrumentation.httpclient.jdk;

import com.google.auto.service.AutoService;
import io.otelite.instrumentation.api.InstrumentationModule;
import io.otelite.instrumentation.api.TypeInstrumentation;
import java.util.List;

/**
 * {@code java.net.http.HttpClient} (Java 11+), {@code send} and {@code sendAsync}, HTTP/1.1 and
 * HTTP/2.
 *
 * <p>Telemetry: one CLIENT span per call and {@code http.client.request.duration}; the W3C (or
 * configured) propagation headers on the request the JDK sends. Switch: {@code
 * otel.instrumentation.java-http-client.enabled}.
 */
@AutoService(InstrumentationModule.class)
public final class JavaHttpClientInstrumentationModule extends InstrumentationModule {
  public JavaHttpClientInstrumentationModule() {
    super("java-http-client", "http-client");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return List.of(new HttpClientImplInstrumentation(), new ImmutableHttpRequestInstrumentation());
  }
}
