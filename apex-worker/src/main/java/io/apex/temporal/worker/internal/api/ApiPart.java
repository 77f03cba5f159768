package io.apex.temporal.worker.internal.api;

import io.apex.temporal.api.ApiServer;
import io.apex.temporal.api.MemoryService;
import io.apex.temporal.client.BadSettingException;
import io.apex.temporal.config.ApiSettings;
import io.apex.temporal.config.ConfigProblem;
import io.apex.temporal.ingestion.IngestionComponents;
import io.apex.temporal.worker.runtime.Managed;
import io.micrometer.core.instrument.MeterRegistry;
import io.temporal.client.WorkflowClient;
import java.io.IOException;
import java.util.function.Supplier;

/**
 * The memory service's API as a part of a process: started once the store and the connection to
 * Temporal are up, stopped before them. A taken port is a bad setting, as the metrics port's.
 */
public final class ApiPart implements Managed {
  private final ApiSettings settings;
  private final Supplier<IngestionComponents> components;
  private final Supplier<WorkflowClient> client;
  private final String taskQueue;
  private final MeterRegistry registry;
  private ApiServer server;

  public ApiPart(
      ApiSettings settings,
      Supplier<IngestionComponents> components,
      Supplier<WorkflowClient> client,
      String taskQueue,
      MeterRegistry registry) {
    this.settings = settings;
    this.components = components;
    this.client = client;
    this.taskQueue = taskQueue;
    this.registry = registry;
  }

  @Override
  public String name() {
    return "memory service API";
  }

  @Override
  public void start() throws Exception {
    server =
        new ApiServer(
            settings, MemoryService.of(components.get(), client.get(), taskQueue), registry);
    try {
      server.start();
    } catch (IOException e) {
      throw new BadSettingException(
          new ConfigProblem(
              "APEX_API_PORT",
              "a free port on " + settings.bindAddress(),
              String.valueOf(settings.port())),
          e.getMessage(),
          e);
    }
  }

  /** The bound port, once started. */
  public int port() {
    return server == null ? settings.port() : server.port();
  }

  @Override
  public void stop() {
    if (server != null) {
      server.stop();
    }
  }
}
