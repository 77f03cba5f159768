package io.apex.temporal.it.support;

import com.sun.net.httpserver.HttpServer;
import io.apex.temporal.testkit.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An OTLP/HTTP endpoint that accepts protobuf trace exports and keeps their span names. */
public final class OtlpHttpReceiver implements OtlpReceiver {
  private final HttpServer server;
  private final List<String> spanNames = new CopyOnWriteArrayList<>();

  public OtlpHttpReceiver() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", FreePorts.next()), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/v1/traces",
        exchange -> {
          try (exchange) {
            spanNames.addAll(OtlpSpanNames.of(exchange.getRequestBody().readAllBytes()));
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
          }
        });
    server.start();
  }

  @Override
  public String protocol() {
    return "http";
  }

  @Override
  public String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/traces";
  }

  @Override
  public boolean received(String spanName) {
    return spanNames.contains(spanName);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
