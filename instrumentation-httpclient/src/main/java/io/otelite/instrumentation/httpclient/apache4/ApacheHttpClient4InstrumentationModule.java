package io.otelite.instrumentation.httpclient.apache4;

import com.google.auto.service.AutoService;
import io.otelite.instrumentation.api.InstrumentationModule;
import io.otelite.instrumentation.api.TypeInstrumentation;
import io.otelite.instrumentation.httpclient.apache.ClassicClientInstrumentation;
import io.otelite.instrumentation.httpclient.apache.RequestSentInstrumentation;
import java.util.List;

/**
 * Apache HttpClient 4.3+ classic ({@code org.apache.httpcomponents:httpclient}), the same shape as
 * the classic client of version 5: {@code doExecute} of the clients in {@code
 * org.apache.http.impl.client} ({@code InternalHttpClient} from {@code HttpClients}, {@code
 * MinimalHttpClient}, the deprecated {@code AbstractHttpClient} family), and each request sent by
 * {@code MainClientExec}, below the redirect and retry steps.
 *
 * <p>Telemetry: as version 5's classic client. Switch: {@code
 * otel.instrumentation.apache-httpclient-4.3.enabled}, or {@code apache-httpclient} for both
 * versions.
 *
 * <p>httpclient 4.x is compiled for Java 6; the agent raises its instrumented classes to Java 7
 * class files (with recomputed stack frames) so that they can call indy advice.
 */
@AutoService(InstrumentationModule.class)
public final class ApacheHttpClient4InstrumentationModule extends InstrumentationModule {
  public ApacheHttpClient4InstrumentationModule() {
    super("apache-httpclient-4.3", "apache-httpclient", "http-client");
  }

  @Override
  public List<String> libraryMarkerClassNames() {
    return List.of("org.apache.http.impl.client.CloseableHttpClient");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return List.of(
        new ClassicClientInstrumentation(
            "org.apache.http.impl.client.",
            "org.apache.http.HttpRequest",
            helperPackage() + "ClassicExecuteAdvice"),
        new RequestSentInstrumentation(
            "org.apache.http.impl.execchain.MainClientExec",
            4,
            helperPackage() + "RequestSentAdvice"));
  }
}
