package io.otelite.testapp;

import java.io.IOException;
import java.net.URI;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;

/** Apache HttpClient 5, classic (blocking) API with its pooled connection manager. */
final class ApacheDownstreamClient implements DownstreamClient {

  private final CloseableHttpClient client =
      HttpClients.custom()
          .setDefaultRequestConfig(
              RequestConfig.custom().setResponseTimeout(Timeout.ofSeconds(10)).build())
          .build();

  @Override
  public String name() {
    return "apache";
  }

  @Override
  public DownstreamResponse get(URI uri) throws IOException {
    return client.execute(
        new HttpGet(uri),
        response ->
            new DownstreamResponse(
                response.getCode(),
                response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity())));
  }

  @Override
  public void close() throws IOException {
    client.close();
  }
}
