package io.otelite.testapp;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/** {@code java.net.HttpURLConnection}, the JDK's oldest HTTP client (a bootstrap-loader class). */
final class UrlConnectionDownstreamClient implements DownstreamClient {

  @Override
  public String name() {
    return "urlconnection";
  }

  @Override
  public DownstreamResponse get(URI uri) throws IOException {
    HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
    try {
      connection.setConnectTimeout(10_000);
      connection.setReadTimeout(10_000);
      connection.setRequestMethod("GET");
      int status = connection.getResponseCode();
      InputStream body = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
      String text = "";
      if (body != null) {
        try (body) {
          text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
        }
      }
      return new DownstreamResponse(status, text);
    } finally {
      connection.disconnect();
    }
  }
}
