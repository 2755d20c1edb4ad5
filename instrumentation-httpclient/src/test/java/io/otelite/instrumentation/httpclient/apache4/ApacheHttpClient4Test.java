package io.otelite.instrumentation.httpclient.apache4;

import io.otelite.instrumentation.httpclient.apache.AbstractApacheHttpClientTest;
import java.net.URI;
import org.apache.http.HttpHost;
import org.apache.http.client.ResponseHandler;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.conn.HttpHostConnectException;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.util.EntityUtils;
import org.junit.jupiter.api.AfterEach;

class ApacheHttpClient4Test extends AbstractApacheHttpClientTest {
  private final CloseableHttpClient client = HttpClients.createDefault();

  @AfterEach
  void closeClient() throws Exception {
    client.close();
  }

  /** Reads the whole response, so that the connection goes back to the pool. */
  private static final ResponseHandler<Integer> STATUS =
      response -> {
        EntityUtils.consume(response.getEntity());
        return response.getStatusLine().getStatusCode();
      };

  @Override
  protected int sendGet(URI uri) throws Exception {
    return client.execute(new HttpGet(uri), STATUS);
  }

  @Override
  protected Class<? extends Exception> connectionRefusedException() {
    return HttpHostConnectException.class;
  }

  @Override
  protected int sendGetToTarget(String host, int port, String relativeUri) throws Exception {
    return client.execute(new HttpHost(host, port), new HttpGet(relativeUri), STATUS);
  }
}
