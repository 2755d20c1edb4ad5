package io.otelite.testapp;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code GET /checkout?client=jdk|jdk-async|urlconnection|apache}: calls {@code GET /orders} on the
 * downstream service (another testapp, which runs SQL) with the chosen HTTP client, so that two
 * processes take part in one trace.
 */
final class CheckoutServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  private final transient Map<String, DownstreamClient> clients;
  private final transient Supplier<String> downstreamBaseUrl;

  CheckoutServlet(Map<String, DownstreamClient> clients, Supplier<String> downstreamBaseUrl) {
    this.clients = clients;
    this.downstreamBaseUrl = downstreamBaseUrl;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String clientName = request.getParameter("client");
    DownstreamClient client = clients.get(clientName == null ? "jdk" : clientName);
    if (client == null) {
      Responses.error(response, 400, "parameter 'client' must be one of " + clients.keySet());
      return;
    }
    URI target = URI.create(downstreamBaseUrl.get() + "/orders");
    DownstreamResponse downstream;
    try {
      downstream = client.get(target);
    } catch (IOException e) {
      Responses.error(response, 502, "downstream " + target + " failed: " + e);
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      Responses.error(response, 503, "interrupted while calling " + target);
      return;
    }
    Responses.json(
        response,
        downstream.status() < 400 ? 200 : 502,
        "{\"client\":"
            + Json.quote(client.name())
            + ",\"downstream\":"
            + Json.quote(target.toString())
            + ",\"downstreamStatus\":"
            + downstream.status()
            + ",\"downstreamBytes\":"
            + downstream.body().length()
            + "}");
  }
}
