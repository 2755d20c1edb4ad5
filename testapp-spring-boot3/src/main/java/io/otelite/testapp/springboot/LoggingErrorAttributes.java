package io.otelite.testapp.springboot;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.WebRequest;

/**
 * Spring Boot's error attributes, with a log line for every error response, as applications add to
 * see their failures: it is written while Spring's {@code /error} controller renders the error, in
 * the container's error dispatch.
 */
@Component
class LoggingErrorAttributes extends DefaultErrorAttributes {
  private static final Logger log = LoggerFactory.getLogger(LoggingErrorAttributes.class);

  @Override
  public Map<String, Object> getErrorAttributes(
      WebRequest webRequest, ErrorAttributeOptions options) {
    Map<String, Object> attributes = super.getErrorAttributes(webRequest, options);
    log.warn("error response {} for {}", attributes.get("status"), attributes.get("path"));
    return attributes;
  }
}
