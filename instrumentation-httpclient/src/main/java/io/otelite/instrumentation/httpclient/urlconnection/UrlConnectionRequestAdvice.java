package io.otelite.instrumentation.httpclient.urlconnection;

import java.net.HttpURLConnection;
import net.bytebuddy.asm.Advice;

/**
 * {@code connect}, {@code getOutputStream}, {@code getInputStream}: start the request's span, or
 * continue it.
 */
public final class UrlConnectionRequestAdvice {
  private UrlConnectionRequestAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object enter(
      @Advice.This HttpURLConnection connection, @Advice.Origin("#m") String method) {
    return UrlConnectionCall.enter(connection, method);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
  public static void exit(
      @Advice.This HttpURLConnection connection,
      @Advice.Origin("#m") String method,
      @Advice.FieldValue("responseCode") int responseCode,
      @Advice.Thrown Throwable error,
      @Advice.Enter Object call) {
    UrlConnectionCall.exit(call, connection, method, responseCode, error);
  }
}
