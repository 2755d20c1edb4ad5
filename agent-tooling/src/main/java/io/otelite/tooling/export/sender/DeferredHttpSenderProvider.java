package io.otelite.tooling.export.sender;

import com.google.auto.service.AutoService;
import io.opentelemetry.exporter.sender.jdk.internal.JdkHttpSenderProvider;
import io.opentelemetry.sdk.common.export.HttpSender;
import io.opentelemetry.sdk.common.export.HttpSenderConfig;
import io.opentelemetry.sdk.common.export.HttpSenderProvider;

/**
 * The OTLP http exporters' sender: the JDK HttpClient sender, created at the first export instead
 * of when the SDK is built in premain. The first JDK HttpClient of a process costs about 0.3 s of
 * one cold core ({@code SSLContext.getDefault()} alone about 0.2 s, even for an {@code http://}
 * endpoint), which the application's start-up would otherwise wait for. The agent jar lists only
 * this provider, so the SDK finds exactly one.
 */
@AutoService(HttpSenderProvider.class)
public final class DeferredHttpSenderProvider implements HttpSenderProvider {

  @Override
  public HttpSender createSender(HttpSenderConfig config) {
    return new DeferredHttpSender(() -> new JdkHttpSenderProvider().createSender(config));
  }
}
