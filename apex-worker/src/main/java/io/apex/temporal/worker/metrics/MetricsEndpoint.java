package io.apex.temporal.worker.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.apex.temporal.worker.codecserver.CodecServerHandler;
import io.apex.temporal.worker.codecserver.JdkHttpCodecHandler;
import io.apex.temporal.worker.runtime.Managed;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker's HTTP port: {@code /metrics} for Prometheus, {@code /healthz} (alive) and {@code
 * /readyz} (connected and polling) for an orchestrator's probes.
 */
public final class MetricsEndpoint implements Managed {
  private static final Logger log = LoggerFactory.getLogger(MetricsEndpoint.class);
  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final int port;
  private final Supplier<String> scrape;
  private final Readiness readiness;
  private final Optional<CodecServerHandler> codec;
  private HttpServer server;
  private ExecutorService executor;

  public MetricsEndpoint(int port, Supplier<String> scrape, Readiness readiness) {
    this(port, scrape, readiness, Optional.empty());
  }

  /** @param codec served at {@code /codec/encode} and {@code /codec/decode} when present */
  public MetricsEndpoint(int port, Supplier<String> scrape, Readiness readiness,
      Optional<CodecServerHandler> codec) {
    this.port = port;
    this.scrape = scrape;
    this.readiness = readiness;
    this.codec = codec;
  }

  @Override
  public String name() {
    return "metrics endpoint";
  }

  @Override
  public void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(port), 0);
    executor = Executors.newFixedThreadPool(2, runnable -> {
      Thread thread = new Thread(runnable, "metrics-endpoint");
      thread.setDaemon(true);
      return thread;
    });
    server.setExecutor(executor);
    server.createContext("/metrics", exchange -> respond(exchange, 200, PROMETHEUS_TEXT, scrape.get()));
    server.createContext("/healthz", exchange -> respond(exchange, 200, "text/plain", "ok\n"));
    server.createContext("/readyz", this::ready);
    codec.ifPresent(handler ->
        server.createContext(CodecServerHandler.BASE_PATH, new JdkHttpCodecHandler(handler)));
    server.start();
    log.info("metrics at http://localhost:{}/metrics, probes at /healthz and /readyz", port());
    codec.ifPresent(handler -> log.info("codec endpoint at http://localhost:{}{} ({})", port(),
        CodecServerHandler.BASE_PATH, handler.access()));
  }

  /** The bound port, which differs from the configured one only when that was 0. */
  public int port() {
    return server == null ? port : server.getAddress().getPort();
  }

  private void ready(HttpExchange exchange) throws IOException {
    Readiness.State state = readiness.state();
    respond(exchange, state.ready() ? 200 : 503, "text/plain", state.description() + "\n");
  }

  private static void respond(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    try (exchange) {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", type);
      boolean head = "HEAD".equals(exchange.getRequestMethod());
      exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
      if (!head) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      }
    }
  }

  @Override
  public void stop() {
    if (server != null) {
      server.stop(0);
      executor.shutdownNow();
    }
  }
}
