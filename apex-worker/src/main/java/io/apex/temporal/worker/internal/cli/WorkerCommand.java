package io.apex.temporal.worker.internal.cli;

import io.apex.temporal.config.ConfigLoadResult;
import io.apex.temporal.config.TemporalConfig;
import io.apex.temporal.ingestion.IngestionSettings;
import io.apex.temporal.worker.internal.ingestion.IngestionPart;
import io.apex.temporal.worker.internal.metrics.MicrometerIngestionMetrics;
import io.apex.temporal.worker.runtime.WorkerMetrics;
import io.apex.temporal.worker.runtime.WorkerRuntime;
import io.apex.temporal.workflows.WorkflowCatalog;
import java.util.List;
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
            IngestionSettings.of(config), new MicrometerIngestionMetrics(metrics.registry()));
    WorkerRuntime runtime =
        new WorkerRuntime(
            config,
            WorkflowCatalog.withIngestion(ingestion.activities()),
            List.of(ingestion),
            metrics);
    return ExitCodes.after(runtime.runUntilSignalled());
  }
}
