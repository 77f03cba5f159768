package io.apex.temporal.api;

import io.apex.temporal.api.internal.AccessControl;
import io.apex.temporal.api.internal.ApiHandler;
import io.apex.temporal.api.internal.DocumentRoutes;
import io.apex.temporal.api.internal.EntityRoutes;
import io.apex.temporal.api.internal.HttpMeters;
import io.apex.temporal.api.internal.JsonBodies;
import io.apex.temporal.api.internal.ProblemErrorHandler;
import io.apex.temporal.api.internal.Route;
import io.apex.temporal.api.internal.SearchRoutes;
import io.apex.temporal.api.internal.ServiceRoutes;
import io.apex.temporal.api.internal.StaticRoutes;
import io.apex.temporal.api.internal.WorkflowState;
import io.apex.temporal.client.IngestionClient;
import io.apex.temporal.config.ApiSettings;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The memory service's HTTP API on {@code APEX_API_BIND_ADDRESS:APEX_API_PORT}: documents, search,
 * entities, the OpenAPI document and the console. A connection idle for {@link #IDLE_TIMEOUT} is
 * closed, so idle clients hold nothing for long.
 */
public final class ApiServer {
  private static final Logger log = LoggerFactory.getLogger(ApiServer.class);

  /**
   * The request timer's name (Prometheus: {@code apex_http_requests_seconds}), by route, method and
   * status; the registry's filters give it its histogram buckets.
   */
  public static final String REQUEST_TIMER = "apex.http.requests";

  static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);
  private static final int MAX_THREADS = 64;
  private static final int MAX_REQUEST_HEADER_BYTES = 16 * 1024;

  private final ApiSettings settings;
  private final MemoryService service;
  private final MeterRegistry registry;
  private Server server;
  private ServerConnector connector;

  /**
   * @param registry where the request metrics go (the worker's, served at its /metrics)
   */
  public ApiServer(ApiSettings settings, MemoryService service, MeterRegistry registry) {
    this.settings = settings;
    this.service = service;
    this.registry = registry;
  }

  /**
   * Starts listening.
   *
   * @throws IOException when the address cannot be bound (the port is taken)
   */
  public synchronized void start() throws Exception {
    Path spool = Files.createTempDirectory("apex-uploads");
    JsonBodies json = new JsonBodies();
    WorkflowState workflows = new WorkflowState(service.workflows());
    List<Route> routes = new ArrayList<>();
    routes.addAll(
        new DocumentRoutes(
                service.catalog(),
                new IngestionClient(service.workflows(), service.taskQueue()),
                workflows,
                settings.maxDocumentBytes(),
                spool)
            .routes());
    routes.addAll(new SearchRoutes(service.search(), json).routes());
    routes.addAll(new EntityRoutes(service.entities()).routes());
    routes.addAll(new ServiceRoutes(service.workflows(), service.taskQueue()).routes());
    routes.addAll(new StaticRoutes().routes());

    QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, 2);
    threads.setName("api");
    threads.setDaemon(true);
    server = new Server(threads);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setRequestHeaderSize(MAX_REQUEST_HEADER_BYTES);
    connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
    connector.setHost(settings.bindAddress());
    connector.setPort(settings.port());
    connector.setIdleTimeout(IDLE_TIMEOUT.toMillis());
    server.addConnector(connector);
    server.setHandler(
        new ApiHandler(routes, new AccessControl(service.keys()), json, new HttpMeters(registry)));
    server.setErrorHandler(new ProblemErrorHandler(json));
    try {
      server.start();
    } catch (IOException e) {
      stop();
      throw e;
    }
    log.info(
        "memory service API at http://{}:{}/ (OpenAPI at /openapi.json, console at /console/;"
            + " {})",
        settings.bindAddress(),
        port(),
        service.keys().anyActive()
            ? "API keys required"
            : "loopback clients only until an API key exists");
  }

  /** The bound port (a test may configure 0 for any free port). */
  public int port() {
    return connector == null ? settings.port() : connector.getLocalPort();
  }

  public synchronized void stop() {
    if (server != null) {
      try {
        server.stop();
      } catch (Exception e) {
        log.warn("stopping the API failed: {}", e.toString());
      }
    }
  }
}
