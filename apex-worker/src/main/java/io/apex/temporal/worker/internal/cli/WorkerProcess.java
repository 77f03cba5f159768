package io.apex.temporal.worker.internal.cli;

import io.apex.temporal.config.TemporalConfig;
import io.apex.temporal.worker.runtime.BadSettingException;
import io.apex.temporal.worker.runtime.DrainOutcome;
import io.apex.temporal.worker.runtime.WorkerRuntime;
import io.apex.temporal.workflows.WorkflowCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A worker as a process: runs the runtime until SIGINT or SIGTERM, drains, and returns the exit
 * status (0 after a clean drain, 1 when start-up failed or the drain timed out, 2 when a setting
 * proved unusable at start-up).
 */
public final class WorkerProcess {
  private static final Logger log = LoggerFactory.getLogger(WorkerProcess.class);
  static final int EXIT_OK = 0;
  static final int EXIT_FAILED = 1;
  static final int EXIT_BAD_SETTINGS = 2;

  private final TemporalConfig config;
  private final WorkflowCatalog catalog;
  private final java.util.List<io.apex.temporal.worker.runtime.Managed> beforePolling;

  public WorkerProcess(TemporalConfig config, WorkflowCatalog catalog) {
    this(config, catalog, java.util.List.of());
  }

  /** With parts the catalog's activities need, as {@link WorkerRuntime} takes them. */
  public WorkerProcess(
      TemporalConfig config,
      WorkflowCatalog catalog,
      java.util.List<io.apex.temporal.worker.runtime.Managed> beforePolling) {
    this.config = config;
    this.catalog = catalog;
    this.beforePolling = beforePolling;
  }

  /** Blocks until a signal has stopped the worker; call from the process's main thread. */
  public int run() throws InterruptedException {
    ShutdownSignals signals = ShutdownSignals.install();
    WorkerRuntime runtime = new WorkerRuntime(config, catalog, beforePolling);
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
      log.error("worker did not start: {}", StartupErrors.describe(e));
      log.debug("start-up failure", e);
      return e instanceof BadSettingException ? EXIT_BAD_SETTINGS : EXIT_FAILED;
    }
    signals.started();
    log.info("{} received: stopping worker", signals.await());
    DrainOutcome outcome = runtime.stop();
    log.info(
        "worker stopped: {}",
        !outcome.clean()
            ? "drain timed out or failed"
            : outcome.pollsCutOff()
                ? "every task it had taken finished; polls in flight were cut off"
                    + " (a task handed over at that moment is retried by the server after its timeout)"
                : "clean drain");
    return outcome.clean() ? EXIT_OK : EXIT_FAILED;
  }
}
