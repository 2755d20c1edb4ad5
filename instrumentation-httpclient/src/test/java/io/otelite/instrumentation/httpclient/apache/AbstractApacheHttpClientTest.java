package io.otelite.instrumentation.httpclient.apache;

import static io.opentelemetry.semconv.UrlAttributes.URL_FULL;
import static org.assertj.core.api.Assertions.assertThat;

import io.otelite.instrumentation.httpclient.AbstractHttpClientTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the classic clients of both Apache HttpClient versions do beyond every client: they take the
 * target host apart from a request whose URI is relative ({@code execute(HttpHost, request)}).
 */
public abstract class AbstractApacheHttpClientTest extends AbstractHttpClientTest {

  @Override
  protected String instrumentationName() {
    return "io.otelite.apache-httpclient";
  }

  /** The classic clients report the request the redirect step sends again. */
  @Override
  protected Long resendCountAfterOneRedirect() {
    return 1L;
  }

  /** Sends a GET of {@code relativeUri} to {@code http://host:port}, given apart, and waits. */
  protected abstract int sendGetToTarget(String host, int port, String relativeUri)
      throws Exception;

  @ParameterizedTest
  @ValueSource(strings = {"/ok?page=1", "/ok?next=http://elsewhere.example/x"})
  void aRelativeRequestIsReportedWithTheTargetHostsUrl(String relativeUri) throws Exception {
    int status = sendGetToTarget("127.0.0.1", server.port(), relativeUri);

    assertThat(status).isEqualTo(200);
    assertThat(onlyClientSpan().getAttributes().get(URL_FULL))
        .isEqualTo("http://127.0.0.1:" + server.port() + relativeUri);
  }
}
