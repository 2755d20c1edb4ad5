package io.otelite.testapp;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Writes the app's JSON answers. */
final class Responses {

  private Responses() {}

  static void json(HttpServletResponse response, int status, String json) throws IOException {
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write(json);
  }

  static void error(HttpServletResponse response, int status, String message) throws IOException {
    json(response, status, "{\"error\":" + Json.quote(message) + "}");
  }
}
