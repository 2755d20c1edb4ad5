package io.otelite.instrumentation.httpclient.urlconnection;

import com.google.auto.service.AutoService;
import io.otelite.instrumentation.api.InstrumentationModule;
import io.otelite.instrumentation.api.TypeInstrumentation;
import java.util.List;

/**
 * The JDK's {@code HttpURLConnection} (http and https), loaded by the bootstrap class loader.
 *
 * <p>Telemetry: one CLIENT span per connection, however the application drives it, and {@code
 * http.client.request.duration}; the propagation headers as request properties. Switch: {@code
 * otel.instrumentation.http-url-connection.enabled}.
 */
@AutoService(InstrumentationModule.class)
public final class HttpUrlConnectionInstrumentationModule extends InstrumentationModule {
  public HttpUrlConnectionInstrumentationModule() {
    super("http-url-connection", "http-client");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return List.of(new HttpUrlConnectionInstrumentation());
  }
}
