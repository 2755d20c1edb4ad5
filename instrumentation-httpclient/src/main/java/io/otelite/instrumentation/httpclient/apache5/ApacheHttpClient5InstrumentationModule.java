package io.otelite.instrumentation.httpclient.apache5;

import com.google.auto.service.AutoService;
import io.otelite.instrumentation.api.InstrumentationModule;
import io.otelite.instrumentation.api.TypeInstrumentation;
import io.otelite.instrumentation.httpclient.apache.ClassicClientInstrumentation;
import io.otelite.instrumentation.httpclient.apache.RequestSentInstrumentation;
import java.util.List;

/**
 * Apache HttpClient 5 ({@code org.apache.httpcomponents.client5:httpclient5}), classic and async.
 *
 * <p>Classic: {@code doExecute} of {@code InternalHttpClient} (what {@code
 * HttpClients.custom()...build()} makes) and {@code MinimalHttpClient}, and each request sent by
 * {@code MainClientExec}. Async: see {@link AsyncClientInstrumentation}.
 *
 * <p>Telemetry: one CLIENT span per {@code execute} (redirects, retries and authentication
 * included, counted in {@code http.request.resend_count} for the classic client) and {@code
 * http.client.request.duration}; the propagation headers on every request sent. Switch: {@code
 * otel.instrumentation.apache-httpclient.enabled}.
 */
@AutoService(InstrumentationModule.class)
public final class ApacheHttpClient5InstrumentationModule extends InstrumentationModule {
  public ApacheHttpClient5InstrumentationModule() {
    super("apache-httpclient", "http-client");
  }

  @Override
  public List<String> libraryMarkerClassNames() {
    return List.of("org.apache.hc.client5.http.impl.classic.CloseableHttpClient");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return List.of(
        new ClassicClientInstrumentation(
            "org.apache.hc.client5.http.impl.classic.",
            "org.apache.hc.core5.http.ClassicHttpRequest",
            helperPackage() + "ClassicExecuteAdvice"),
        new RequestSentInstrumentation(
            "org.apache.hc.client5.http.impl.classic.MainClientExec",
            3,
            helperPackage() + "RequestSentAdvice"),
        new AsyncClientInstrumentation());
  }
}
