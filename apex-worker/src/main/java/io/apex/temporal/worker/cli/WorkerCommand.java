package io.apex.temporal.worker.cli;

import io.apex.temporal.config.ConfigLoadResult;
import io.apex.temporal.config.TemporalConfig;
import io.apex.temporal.worker.connection.TemporalUnreachableException;
import io.apex.temporal.worker.polling.DrainOutcome;
import io.apex.temporal.worker.runtime.WorkerRuntime;
import io.apex.temporal.workflows.WorkflowCatalog;
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
    ShutdownSignals signals = ShutdownSignals.install();
    WorkerRuntime runtime = new WorkerRuntime(config, WorkflowCatalog.standard());
    // Covers exits that are not SIGINT or SIGTERM; a second stop does nothing.
    Runtime.getRuntime().addShutdownHook(new Thread(runtime::stop, "worker-shutdown-hook"));
    try {
      runtime.start();
    } catch (Exception e) {
      runtime.stop();
      if (signals.stopRequested()) {
        log.info("stop requested during start-up; worker stopped");
        return EXIT_OK;
      }
      if (e instanceof TemporalUnreachableException
          || e instanceof IllegalArgumentException
          || e instanceof IllegalStateException) {
        log.error("worker did not start: {}", e.getMessage());
      } else {
        log.error("worker did not start", e);
      }
      return EXIT_FAILED;
    }
    signals.started();
    log.info("{} received: stopping worker", signals.await());
    DrainOutcome outcome = runtime.stop();
    log.info("worker stopped: {}", outcome.clean() ? "clean drain" : "drain timed out");
    return outcome.clean() ? EXIT_OK : EXIT_FAILED;
  }
}
