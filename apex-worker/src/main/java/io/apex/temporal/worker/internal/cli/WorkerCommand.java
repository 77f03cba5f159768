package io.apex.temporal.worker.internal.cli;

import io.apex.temporal.config.ConfigLoadResult;
import io.apex.temporal.config.TemporalConfig;
import io.apex.temporal.worker.internal.api.ApiPart;
import io.apex.temporal.worker.internal.ingestion.IngestionPart;
import io.apex.temporal.worker.internal.ingestion.IngestionSettingsFactory;
import io.apex.temporal.worker.internal.metrics.MicrometerIngestionMetrics;
import io.apex.temporal.worker.runtime.Managed;
import io.apex.temporal.worker.runtime.WorkerMetrics;
import io.apex.temporal.worker.runtime.WorkerRuntime;
import io.apex.temporal.workflows.WorkflowCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;

/**
 * Runs the worker until SIGINT or SIGTERM, then drains and exits 0 when the drain was clean. A
 * start-up failure reaches {@link ApexCommand}'s handler: one line, exit 2 for an unusable setting.
 */
@Command(name = "worker", description = "Run the worker (the default command).")
final class WorkerCommand extends ConfiguredCommand {

  WorkerCommand(ConfigLoadResult settings) {
    super(settings);
  }

  @Override
  int run(TemporalConfig config) throws Exception {
    WorkerMetrics metrics = new WorkerMetrics();
    IngestionPart ingestion =
        new IngestionPart(
            IngestionSettingsFactory.from(config),
            new MicrometerIngestionMetrics(metrics.registry()));
    // The API starts after the connection (beforePolling parts do), so the runtime's client exists.
    AtomicReference<WorkerRuntime> runtime = new AtomicReference<>();
    List<Managed> parts = new ArrayList<>(List.of(ingestion));
    if (config.api().enabled()) {
      parts.add(
          new ApiPart(
              config.api(),
              ingestion::components,
              () -> runtime.get().client(),
              config.runtime().taskQueue(),
              metrics.registry()));
    }
    runtime.set(
        new WorkerRuntime(
            config, WorkflowCatalog.withIngestion(ingestion.activities()), parts, metrics));
    return ExitCodes.after(runtime.get().runUntilSignalled());
  }
}
