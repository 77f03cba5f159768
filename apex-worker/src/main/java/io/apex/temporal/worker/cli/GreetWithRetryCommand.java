package io.apex.temporal.worker.cli;

import io.apex.temporal.config.ConfigLoadResult;
import io.apex.temporal.config.TemporalConfig;
import io.apex.temporal.workflows.greeting.GreetingActivityOptions;
import io.apex.temporal.workflows.greeting.GreetingWorkflow;
import io.temporal.api.enums.v1.EventType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.RetryOptions;
import java.io.PrintWriter;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The retry example: shows the activity's timeout and retry policy, runs the workflow, and
 * reports how many attempts the activity took and where to see it in the UI.
 */
@Command(name = "greet-retry", description = "Run GreetingWorkflow and show its retry policy and attempts.")
final class GreetWithRetryCommand extends ConfiguredCommand {
  @Parameters(index = "0", arity = "0..1", defaultValue = "World", description = "Name to greet (default: ${DEFAULT-VALUE}).")
  String name;

  @Option(names = "--timeout-seconds", defaultValue = "60", description = "How long to wait for a worker to finish the workflow (default: ${DEFAULT-VALUE}).")
  int timeoutSeconds;

  GreetWithRetryCommand(ConfigLoadResult settings) {
    super(settings);
  }

  @Override
  int run(TemporalConfig config) throws Exception {
    PrintWriter out = out();
    RetryOptions retry = GreetingActivityOptions.retryOptions();
    out.println("greet_activity runs with:");
    out.printf("  start-to-close timeout  %d s%n",
        GreetingActivityOptions.START_TO_CLOSE_TIMEOUT.toSeconds());
    out.printf("  initial retry interval  %d s%n", retry.getInitialInterval().toSeconds());
    out.printf("  maximum retry interval  %d s%n", retry.getMaximumInterval().toSeconds());
    out.printf("  backoff coefficient     %.1f%n", retry.getBackoffCoefficient());
    out.printf("  maximum attempts        %d%n", retry.getMaximumAttempts());
    try (ClientSession session = new ClientSession(config)) {
      WorkflowOptions options = session.newWorkflowOptions("greeting-retry");
      GreetingWorkflow workflow =
          session.client().newWorkflowStub(GreetingWorkflow.class, options);
      WorkflowClient.start(workflow::greet, name);
      out.println("started workflow " + options.getWorkflowId() + " on task queue "
          + config.runtime().taskQueue());
      String greeting;
      try {
        greeting = WorkflowStub.fromTyped(workflow)
            .getResult(timeoutSeconds, TimeUnit.SECONDS, String.class);
      } catch (TimeoutException e) {
        err().println(WorkflowResults.noWorkerMessage(config, timeoutSeconds));
        return EXIT_FAILED;
      }
      long attempts = session.client().fetchHistory(options.getWorkflowId()).getEvents().stream()
          .filter(event -> event.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED)
          .mapToLong(event -> event.getActivityTaskStartedEventAttributes().getAttempt())
          .max().orElse(0);
      out.println("result: " + greeting);
      out.println("activity attempts: " + attempts);
      out.println("see it in the Temporal UI: " + WorkflowResults.uiLink(config));
      return EXIT_OK;
    }
  }
}
