package io.apex.temporal.worker.internal.metrics;

import io.apex.temporal.client.BadSettingException;
import io.apex.temporal.config.ConfigProblem;
import io.apex.temporal.worker.internal.codecserver.CodecServerHandler;
import io.apex.temporal.worker.internal.codecserver.JettyCodecHandler;
import io.apex.temporal.worker.runtime.Managed;
import io.apex.temporal.worker.runtime.Readiness;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker's HTTP port: {@code /metrics} for Prometheus, {@code /healthz} (alive) and {@code
 * /readyz} (connected and polling) for an orchestrator's probes. Jetty reads requests without
 * blocking a thread, so idle or slow clients cannot starve the probes; a connection that sends
 * nothing for {@link #IDLE_TIMEOUT} is closed. Only GET and HEAD of the three exact paths answer.
 */
public final class MetricsEndpoint implements Managed {
  private static final Logger log = LoggerFactory.getLogger(MetricsEndpoint.class);
  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
  private static final String PLAIN_TEXT = "text/plain; charset=utf-8";
  static final Duration IDLE_TIMEOUT = Duration.ofSeconds(10);
  private static final int MAX_THREADS = 8;
  private static final int MAX_REQUEST_HEADER_BYTES = 8 * 1024;

  private final String host;
  private final int port;
  private final Supplier<String> scrape;
  private final Readiness readiness;
  private final Optional<CodecServerHandler> codec;
  private final JettyCodecHandler jettyCodec;
  private Server server;
  private ServerConnector connector;

  /**
   * @param host the address to listen on, e.g. {@code 127.0.0.1} or {@code 0.0.0.0}
   */
  public MetricsEndpoint(String host, int port, Supplier<String> scrape, Readiness readiness) {
    this(host, port, scrape, readiness, Optional.empty());
  }

  /**
   * @param codec served at {@code /codec/encode} and {@code /codec/decode} when present
   */
  public MetricsEndpoint(
      String host,
      int port,
      Supplier<String> scrape,
      Readiness readiness,
      Optional<CodecServerHandler> codec) {
    this.host = host;
    this.port = port;
    this.scrape = scrape;
    this.readiness = readiness;
    this.codec = codec;
    this.jettyCodec = codec.map(JettyCodecHandler::new).orElse(null);
  }

  @Override
  public String name() {
    return "metrics endpoint";
  }

  @Override
  public void start() throws Exception {
    QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, 2);
    threads.setName("metrics-endpoint");
    threads.setDaemon(true);
    server = new Server(threads);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setRequestHeaderSize(MAX_REQUEST_HEADER_BYTES);
    connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
    connector.setHost(host);
    connector.setPort(port);
    connector.setIdleTimeout(IDLE_TIMEOUT.toMillis());
    server.addConnector(connector);
    server.setHandler(new Routes());
    try {
      server.start();
    } catch (IOException e) {
      stop();
      throw new BadSettingException(
          new ConfigProblem(
              "TEMPORAL_METRICS_PORT", "a free port on " + host, String.valueOf(port)),
          e.getMessage(),
          e);
    }
    log.info(
        "metrics at http://{}:{}/metrics, probes at /healthz and /readyz (listening on {})",
        "0.0.0.0".equals(host) ? "localhost" : host,
        port(),
        host);
    codec.ifPresent(
        handler ->
            log.info(
                "codec endpoint at http://{}:{}{} ({})",
                "0.0.0.0".equals(host) ? "localhost" : host,
                port(),
                CodecServerHandler.BASE_PATH,
                handler.access()));
  }

  /**
   * The bound port: the configured one (the settings require 1-65535; a test may bind 0, any free
   * port).
   */
  public int port() {
    return connector == null ? port : connector.getLocalPort();
  }

  /** The address and port listened on. */
  public InetSocketAddress address() {
    return new InetSocketAddress(host, port());
  }

  @Override
  public void stop() {
    if (server != null) {
      try {
        server.stop();
      } catch (Exception e) {
        log.warn("stopping the metrics endpoint failed: {}", e.toString());
      }
    }
  }

  private final class Routes extends Handler.Abstract {
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
      if (jettyCodec != null && jettyCodec.handle(request, response, callback)) {
        return true;
      }
      String path = Request.getPathInContext(request);
      if (!path.equals("/metrics") && !path.equals("/healthz") && !path.equals("/readyz")) {
        return respond(request, response, callback, 404, PLAIN_TEXT, "not found\n");
      }
      String method = request.getMethod();
      if (!HttpMethod.GET.is(method) && !HttpMethod.HEAD.is(method)) {
        response.getHeaders().put(new HttpField(HttpHeader.ALLOW, "GET, HEAD"));
        return respond(request, response, callback, 405, PLAIN_TEXT, "method not allowed\n");
      }
      return switch (path) {
        case "/metrics" -> respond(request, response, callback, 200, PROMETHEUS_TEXT, scrape.get());
        case "/healthz" -> respond(request, response, callback, 200, PLAIN_TEXT, "ok\n");
        default -> {
          Readiness.State state = readiness.state();
          yield respond(
              request,
              response,
              callback,
              state.ready() ? 200 : 503,
              PLAIN_TEXT,
              state.description() + "\n");
        }
      };
    }

    private boolean respond(
        Request request,
        Response response,
        Callback callback,
        int status,
        String type,
        String body) {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      response.setStatus(status);
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
      response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
      boolean head = HttpMethod.HEAD.is(request.getMethod());
      response.write(true, head ? ByteBuffer.allocate(0) : ByteBuffer.wrap(bytes), callback);
      return true;
    }
  }
}
