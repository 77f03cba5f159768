package io.apex.temporal.it.support;

import com.sun.net.httpserver.HttpServer;
import io.apex.temporal.testkit.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An OTLP/HTTP endpoint that accepts trace exports and keeps their bodies. Span names travel as
 * plain UTF-8 inside the protobuf body, which is all a test needs to see which spans arrived.
 */
public final class OtlpHttpReceiver implements AutoCloseable {
  private final HttpServer server;
  private final List<String> exports = new CopyOnWriteArrayList<>();

  public OtlpHttpReceiver() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", FreePorts.next()), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/v1/traces", exchange -> {
      try (exchange) {
        exports.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.ISO_8859_1));
        exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
        exchange.sendResponseHeaders(200, -1);
      }
    });
    server.start();
  }

  public String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/traces";
  }

  /** True once some export carried a span of this name. */
  public boolean received(String spanName) {
    byte[] name = spanName.getBytes(StandardCharsets.UTF_8);
    String asLatin1 = new String(name, StandardCharsets.ISO_8859_1);
    return exports.stream().anyMatch(body -> body.contains(asLatin1));
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
