package io.otelite.instrumentation.httpclient.apache4;

import com.google.auto.service.AutoService;
import io.otelite.instrumentation.api.InstrumentationModule;
import io.otelite.instrumentation.api.TypeInstrumentation;
import java.util.List;

/**
 * Apache HttpClient 4.3+ classic ({@code org.apache.httpcomponents:httpclient}), the same shape as
 * the classic client of version 5.
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
    return List.of(new ClassicClientInstrumentation(), new MainClientExecInstrumentation());
  }
}
