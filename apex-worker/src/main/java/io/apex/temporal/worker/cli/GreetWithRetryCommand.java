package io.apex.temporal.worker.cli;

import io.apex.temporal.config.ConfigLoadResult;
import io.apex.temporal.config.TemporalConfig;
import io.apex.temporal.workflows.greeting.GreetingActivityOptions;
import io.temporal.api.enums.v1.EventType;
import io.temporal.common.RetryOptions;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The retry example: shows the activity's timeout and retry policy, runs the workflow, and
 * reports how many attempts the activity took and where to see it in the UI.
 */
@Command(name = "greet-retry", description = "Run GreetingWorkflow and show its retry policy and attempts.")
final class GreetWithRetryCommand extends ConfiguredCommand {
  /** The Temporal UI's port in the specification's port table. */
  private static final int UI_PORT = 8088;

  @Mixin GreetingArguments arguments;

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
    out.printf(Locale.ROOT, "  backoff coefficient     %.1f%n", retry.getBackoffCoefficient());
    out.printf("  maximum attempts        %d%n", retry.getMaximumAttempts());
    try (ClientSession session = new ClientSession(config)) {
      ClientSession.StartedGreeting started =
          session.startGreeting("greeting-retry", arguments.name);
      String workflowId = started.execution().getWorkflowId();
      out.println("started workflow " + workflowId + " on task queue "
          + config.runtime().taskQueue());
      Optional<String> greeting = session.awaitGreeting(started, arguments.timeoutSeconds);
      if (greeting.isEmpty()) {
        err().println(session.noWorkerMessage(arguments.timeoutSeconds));
        return EXIT_FAILED;
      }
      long attempts = session.client().fetchHistory(workflowId).getEvents().stream()
          .filter(event -> event.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED)
          .mapToLong(event -> event.getActivityTaskStartedEventAttributes().getAttempt())
          .max().orElse(0);
      out.println("result: " + greeting.get());
      out.println("activity attempts: " + attempts);
      out.println("see it in the Temporal UI: http://localhost:" + UI_PORT + "/namespaces/"
          + config.connection().namespace() + "/workflows");
      return EXIT_OK;
    }
  }
}
