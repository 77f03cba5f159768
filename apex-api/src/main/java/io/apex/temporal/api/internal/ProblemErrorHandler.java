package io.apex.temporal.api.internal;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The errors Jetty answers itself, before any route runs (a suspicious path character, a header too
 * large, a malformed request line), as {@code application/problem+json} like every other error of
 * the API rather than Jetty's HTML page.
 */
public final class ProblemErrorHandler extends ErrorHandler {
  private final JsonBodies json;

  public ProblemErrorHandler(JsonBodies json) {
    this.json = json;
  }

  @Override
  protected void generateResponse(
      Request request,
      Response response,
      int code,
      String message,
      Throwable cause,
      Callback callback) {
    var body = new LinkedHashMap<String, Object>();
    String reason = HttpStatus.getMessage(code);
    body.put("type", "about:blank");
    body.put("title", reason);
    body.put("status", code);
    body.put(
        "detail",
        message == null || message.isBlank()
            ? reason
            : "the request was refused: " + ApiHandler.printable(message));
    byte[] bytes = json.write(body);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/problem+json");
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
    response.write(true, ByteBuffer.wrap(bytes), callback);
  }
}
