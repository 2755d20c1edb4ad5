package io.otelite.testapp;

/** One row of the orders table. */
record Order(long id, String item, int quantity) {

  String toJson() {
    return "{\"id\":" + id + ",\"item\":" + Json.quote(item) + ",\"quantity\":" + quantity + "}";
  }
}
