package io.apex.temporal.worker.codecserver;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.Map;

/** Serves the {@link CodecServerHandler} from the JDK's HTTP server. */
public final class JdkHttpCodecHandler implements HttpHandler {
  private final CodecServerHandler handler;

  public JdkHttpCodecHandler(CodecServerHandler handler) {
    this.handler = handler;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Map<String, String> headers = new HashMap<>();
      exchange.getRequestHeaders().forEach((name, values) -> {
        if (!values.isEmpty()) {
          headers.put(name, values.get(0));
        }
      });
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        // One byte over the limit is enough for the handler to refuse the request.
        body = in.readNBytes(CodecServerHandler.MAX_BODY_BYTES + 1);
      }
      CodecResponse response = handler.handle(new CodecRequest(
          exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers, body,
          exchange.getRemoteAddress().getAddress()));
      response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
      exchange.sendResponseHeaders(response.status(),
          response.body().length == 0 ? -1 : response.body().length);
      if (response.body().length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(response.body());
        }
      }
    }
  }
}
