package io.apex.temporal.worker.cli;

import io.apex.temporal.config.ConfigLoadResult;
import io.apex.temporal.config.TemporalConfig;
import io.apex.temporal.workflows.greeting.GreetingWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The basic example: runs GreetingWorkflow on a running worker and prints the greeting. */
@Command(name = "greet", description = "Run GreetingWorkflow and print the greeting.")
final class GreetCommand extends ConfiguredCommand {
  @Parameters(index = "0", arity = "0..1", defaultValue = "World", description = "Name to greet (default: ${DEFAULT-VALUE}).")
  String name;

  @Option(names = "--timeout-seconds", defaultValue = "60", description = "How long to wait for a worker to finish the workflow (default: ${DEFAULT-VALUE}).")
  int timeoutSeconds;

  GreetCommand(ConfigLoadResult settings) {
    super(settings);
  }

  @Override
  int run(TemporalConfig config) throws Exception {
    try (ClientSession session = new ClientSession(config)) {
      GreetingWorkflow workflow = session.client().newWorkflowStub(
          GreetingWorkflow.class, session.newWorkflowOptions("greeting"));
      WorkflowClient.start(workflow::greet, name);
      try {
        out().println(WorkflowStub.fromTyped(workflow)
            .getResult(timeoutSeconds, TimeUnit.SECONDS, String.class));
        return EXIT_OK;
      } catch (TimeoutException e) {
        err().println(WorkflowResults.noWorkerMessage(config, timeoutSeconds));
        return EXIT_FAILED;
      }
    }
  }
}
