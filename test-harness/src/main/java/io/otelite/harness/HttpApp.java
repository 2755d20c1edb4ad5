package io.otelite.harness;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * An application in its own process that the test calls over HTTP; a failed call quotes the
 * application's last output.
 */
public interface HttpApp {

  ManagedProcess process();

  /** {@code http://127.0.0.1:PORT}. */
  String baseUrl();

  default int port() {
    return URI.create(baseUrl()).getPort();
  }

  default HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET());
  }

  default HttpResponse<String> get(String path, String header, String value) {
    return send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).header(header, value).GET());
  }

  /** A GET as from a traced caller. */
  default HttpResponse<String> get(String path, Traceparent caller) {
    return get(path, "traceparent", caller.header());
  }

  default HttpResponse<String> post(String path) {
    return send(
        HttpRequest.newBuilder(URI.create(baseUrl() + path))
            .POST(HttpRequest.BodyPublishers.noBody()));
  }

  default HttpResponse<String> postJson(String path, String json, Traceparent caller) {
    return post(path, "application/json", json, caller);
  }

  default HttpResponse<String> postForm(String path, String form, Traceparent caller) {
    return post(path, "application/x-www-form-urlencoded", form, caller);
  }

  private HttpResponse<String> post(
      String path, String contentType, String body, Traceparent caller) {
    return send(
        HttpRequest.newBuilder(URI.create(baseUrl() + path))
            .header("traceparent", caller.header())
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  default HttpResponse<String> send(HttpRequest.Builder request) {
    return AppHttp.send(process(), request);
  }
}
