package io.apex.temporal.worker.cli;

import io.apex.temporal.config.ConfigLoadResult;
import io.apex.temporal.config.TemporalConfig;
import io.apex.temporal.workflows.WorkflowCatalog;
import io.apex.temporal.ingestion.IngestionComponents;
import io.apex.temporal.worker.ingestion.IngestionSettingsFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;

/** Runs the worker until SIGINT or SIGTERM, then drains and exits 0 when the drain was clean. */
@Command(name = "worker", description = "Run the worker (the default command).")
final class WorkerCommand extends ConfiguredCommand {
  private static final Logger log = LoggerFactory.getLogger(WorkerCommand.class);

  WorkerCommand(ConfigLoadResult settings) {
    super(settings);
  }

  @Override
  int run(TemporalConfig config) throws InterruptedException {
    IngestionComponents ingestion;
    try {
      ingestion = IngestionComponents.start(IngestionSettingsFactory.from(config.store()));
    } catch (RuntimeException e) {
      log.error("worker did not start: ingestion components (store {}) failed: {}",
          config.store().embedded() ? "embedded PostgreSQL under " + config.store().dataDirectory()
              : config.store().jdbcUrl().orElseThrow(), e.getMessage());
      return EXIT_FAILED;
    }
    // Closed after the worker has drained, so in-flight activities keep their store.
    try (ingestion) {
      return new WorkerProcess(config, WorkflowCatalog.withIngestion(ingestion.activities())).run();
    }
  }
}
