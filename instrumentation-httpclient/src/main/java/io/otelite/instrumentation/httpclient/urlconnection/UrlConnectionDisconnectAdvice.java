package io.otelite.instrumentation.httpclient.urlconnection;

import java.net.HttpURLConnection;
import net.bytebuddy.asm.Advice;

/** {@code disconnect}: ends a request the application gave up on before reading its response. */
public final class UrlConnectionDisconnectAdvice {
  private UrlConnectionDisconnectAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static void enter(@Advice.This HttpURLConnection connection) {
    UrlConnectionCall.disconnect(connection);
  }
}
