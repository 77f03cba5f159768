package io.apex.temporal.worker.internal.cli;

import io.apex.temporal.config.ConfigLoadResult;
import io.apex.temporal.config.TemporalConfig;
import io.apex.temporal.worker.runtime.WorkerRuntime;
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
    WorkerRuntime runtime = WorkerRuntime.builder(config).withIngestion().withApi().build();
    return ExitCodes.after(runtime.runUntilSignalled());
  }
}
