package io.apex.temporal.worker.internal.cli;

import io.apex.temporal.config.ConfigLoadResult;
import io.apex.temporal.config.TemporalConfig;
import io.apex.temporal.worker.internal.api.ApiNode;
import io.apex.temporal.worker.internal.runtime.ShutdownSignals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;

/** Serves only the memory service API until SIGINT or SIGTERM: an API node apart from workers. */
@Command(
    name = "api",
    description =
        "Serve only the memory service API (workers run elsewhere on the same task queue).")
final class ApiCommand extends ConfiguredCommand {
  private static final Logger log = LoggerFactory.getLogger(ApiCommand.class);

  ApiCommand(ConfigLoadResult settings) {
    super(settings);
  }

  @Override
  int run(TemporalConfig config) throws Exception {
    ShutdownSignals signals = ShutdownSignals.install();
    ApiNode node = new ApiNode(config);
    Runtime.getRuntime().addShutdownHook(new Thread(node::stop, "api-shutdown-hook"));
    try {
      node.start();
    } catch (Exception e) {
      node.stop();
      if (signals.stopRequested()) {
        return ExitCodes.OK;
      }
      throw e;
    }
    signals.started();
    log.info("{} received: stopping the API node", signals.await());
    node.stop();
    return ExitCodes.OK;
  }
}
