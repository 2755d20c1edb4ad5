package io.otelite.instrumentation.httpclient.apache4;

import com.google.auto.service.AutoService;
import io.otelite.instrumentation.api.InstrumentationModule;
import io.otelite.instrumentation.api.TypeInstrumentation;
import java.util.List;

/**
 * Apache HttpClient 4.3+ classic ({@code org.apache.httpcomponents:httpclient}), the same shape as the
 * classic client of version 5.
 *
 * <p>Off by default, and only switched on by its own key
 * ({@code otel.instrumentation.apache-httpclient-4.3.enabled=true}): httpclient 4.x is compiled for Java 6,
 * and indy advice in a class file older than Java 7 is rejected by the JVM ({@code ClassFormatError}: the
 * application could not load the client) until the agent raises such class files to version 51 with
 * recomputed stack frames. Once it does, give this module the aliases {@code apache-httpclient} and
 * {@code http-client} and let it default to on.
 */
@AutoService(InstrumentationModule.class)
public final class ApacheHttpClient4InstrumentationModule extends InstrumentationModule {
  public ApacheHttpClient4InstrumentationModule() {
    super("apache-httpclient-4.3");
  }

  @Override
  public boolean defaultEnabled() {
    return false;
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
