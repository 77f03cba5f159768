package io.apex.temporal.worker.internal.codecserver;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.thread.Invocable.InvocationType;

/** Serves the {@link CodecServerHandler} from Jetty, beside the metrics endpoint's routes. */
public final class JettyCodecHandler {
  private final CodecServerHandler handler;

  public JettyCodecHandler(CodecServerHandler handler) {
    this.handler = handler;
  }

  /** Answers (asynchronously) and returns true when the request is for the codec endpoint. */
  public boolean handle(Request request, Response response, Callback callback) {
    String path = Request.getPathInContext(request);
    if (!path.startsWith(CodecServerHandler.BASE_PATH + "/")) {
      return false;
    }
    Map<String, String> headers = new HashMap<>();
    for (HttpField field : request.getHeaders()) {
      headers.putIfAbsent(field.getName(), field.getValue());
    }
    InetAddress remote =
        request.getConnectionMetaData().getRemoteSocketAddress() instanceof InetSocketAddress a
            ? a.getAddress()
            : null;
    // The codec does CPU work only (AES, JSON), so it may run on the thread that read the body.
    Content.Source.asByteArrayAsync(
        request,
        CodecServerHandler.MAX_BODY_BYTES + 1,
        Promise.Invocable.from(
            InvocationType.NON_BLOCKING,
            (byte[] body, Throwable failure) -> {
              CodecResponse answer =
                  failure != null
                      ? CodecResponse.text(
                          413,
                          "request body over "
                              + CodecServerHandler.MAX_BODY_BYTES
                              + " bytes, or unreadable",
                          Map.of())
                      : handler.handle(
                          new CodecRequest(request.getMethod(), path, headers, body, remote));
              response.setStatus(answer.status());
              answer.headers().forEach((name, value) -> response.getHeaders().put(name, value));
              response.getHeaders().put(HttpHeader.CONTENT_LENGTH, answer.body().length);
              response.write(true, ByteBuffer.wrap(answer.body()), callback);
            }));
    return true;
  }
}
