package io.otelite.tooling.export.sender;

import com.google.auto.service.AutoService;
import io.opentelemetry.sdk.common.export.HttpSender;
import io.opentelemetry.sdk.common.export.HttpSenderConfig;
import io.opentelemetry.sdk.common.export.HttpSenderProvider;

/**
 * The OTLP http exporters' sender: {@link UrlConnectionHttpSender}, once the application's logging
 * is set up ({@link AfterApplicationLoggingHttpSender}). The agent jar lists only this provider, so
 * the SDK finds exactly one.
 */
@AutoService(HttpSenderProvider.class)
public final class OtlpHttpSenderProvider implements HttpSenderProvider {

  @Override
  public HttpSender createSender(HttpSenderConfig config) {
    return new AfterApplicationLoggingHttpSender(
        new UrlConnectionHttpSender(config), config.getTimeout().toNanos());
  }
}
