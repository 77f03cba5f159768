package io.apex.temporal.worker.internal.cli;

import io.apex.temporal.config.ConfigLoadResult;
import io.apex.temporal.config.TemporalConfig;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The basic example: runs GreetingWorkflow on a running worker and prints the greeting. */
@Command(name = "greet", description = "Run GreetingWorkflow and print the greeting.")
final class GreetCommand extends ConfiguredCommand {
  @Mixin GreetingArguments arguments;

  GreetCommand(ConfigLoadResult settings) {
    super(settings);
  }

  @Override
  int run(TemporalConfig config) throws Exception {
    try (ClientSession session = new ClientSession(config)) {
      Optional<String> greeting =
          session.awaitGreeting(
              session.startGreeting("greeting", arguments.name), arguments.timeoutSeconds);
      if (greeting.isEmpty()) {
        err().println(session.noWorkerMessage(arguments.timeoutSeconds));
        return ExitCodes.FAILED;
      }
      out().println(greeting.get());
      return ExitCodes.OK;
    }
  }
}
