import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * The service the W3C Trace Context test harness talks to, as its README describes one: for each
 * {@code {"url": ..., "arguments": ...}} in the POSTed JSON list, POST {@code arguments} as JSON to
 * {@code url}. No tracing code: the agent continues the incoming trace and propagates it on the
 * outgoing calls.
 */
@WebServlet("/test")
public class TraceContextTestService extends HttpServlet {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient client = HttpClient.newHttpClient();

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    JsonNode actions = JSON.readTree(request.getInputStream());
    for (JsonNode action : actions) {
      JsonNode arguments =
          action.has("arguments") ? action.get("arguments") : JSON.createArrayNode();
      HttpRequest call =
          HttpRequest.newBuilder(URI.create(action.get("url").asText()))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(arguments)))
              .build();
      try {
        client.send(call, HttpResponse.BodyHandlers.discarding());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while calling " + call.uri(), e);
      }
    }
    response.setContentType("application/json");
    response.getWriter().write("{}");
  }
}
