package io.otelite.testapp;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutionException;

/**
 * {@code java.net.http.HttpClient}, blocking ({@code send}) or asynchronous ({@code sendAsync}).
 */
final class JdkHttpDownstreamClient implements DownstreamClient {

  private final HttpClient client =
      HttpClient.newBuilder()
          // Plain HTTP/1.1: no h2c upgrade attempt against a server that does not speak it.
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private final boolean async;

  private JdkHttpDownstreamClient(boolean async) {
    this.async = async;
  }

  static JdkHttpDownstreamClient blocking() {
    return new JdkHttpDownstreamClient(false);
  }

  static JdkHttpDownstreamClient async() {
    return new JdkHttpDownstreamClient(true);
  }

  @Override
  public String name() {
    return async ? "jdk-async" : "jdk";
  }

  @Override
  public DownstreamResponse get(URI uri) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build();
    HttpResponse<String> response;
    if (async) {
      try {
        response = client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).get();
      } catch (ExecutionException e) {
        throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
      }
    } else {
      response = client.send(request, HttpResponse.BodyHandlers.ofString());
    }
    return new DownstreamResponse(response.statusCode(), response.body());
  }
}
