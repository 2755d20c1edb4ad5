package io.otelite.testapp;

import java.io.IOException;
import java.net.URI;

/** One way of making an outgoing HTTP GET; the app has one per HTTP client library it exercises. */
interface DownstreamClient extends AutoCloseable {

  /** The value of {@code /checkout?client=} that selects this client. */
  String name();

  DownstreamResponse get(URI uri) throws IOException, InterruptedException;

  @Override
  default void close() throws IOException {}
}
