package io.otelite.instrumentation.httpclient.apache4;

import static io.opentelemetry.semconv.UrlAttributes.URL_FULL;
import static org.assertj.core.api.Assertions.assertThat;

import io.otelite.instrumentation.httpclient.AbstractHttpClientTest;
import java.net.URI;
import org.apache.http.HttpHost;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.conn.HttpHostConnectException;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.util.EntityUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApacheHttpClient4Test extends AbstractHttpClientTest {
  private final CloseableHttpClient client = HttpClients.createDefault();

  @AfterEach
  void closeClient() throws Exception {
    client.close();
  }

  @Override
  protected int sendGet(URI uri) throws Exception {
    return client.execute(
        new HttpGet(uri),
        response -> {
          EntityUtils.consume(response.getEntity());
          return response.getStatusLine().getStatusCode();
        });
  }

  @Override
  protected String instrumentationName() {
    return "io.otelite.apache-httpclient";
  }

  @Override
  protected Class<? extends Exception> connectionRefusedException() {
    return HttpHostConnectException.class;
  }

  @Override
  protected Long resendCountAfterOneRedirect() {
    return 1L;
  }

  @ParameterizedTest
  @ValueSource(strings = {"/ok?page=1", "/ok?next=http://elsewhere.example/x"})
  void aRelativeRequestIsReportedWithTheTargetHostsUrl(String relativeUri) throws Exception {
    HttpHost target = new HttpHost("127.0.0.1", server.port());

    int status =
        client.execute(
            target,
            new HttpGet(relativeUri),
            response -> {
              EntityUtils.consume(response.getEntity());
              return response.getStatusLine().getStatusCode();
            });

    assertThat(status).isEqualTo(200);
    assertThat(onlyClientSpan().getAttributes().get(URL_FULL))
        .isEqualTo("http://127.0.0.1:" + server.port() + relativeUri);
  }
}
