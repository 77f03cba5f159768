package io.apex.temporal.worker.internal.cli;

import io.apex.temporal.config.ConfigLoadResult;
import io.apex.temporal.config.TemporalConfig;
import io.apex.temporal.workflows.internal.greeting.GreetingActivityOptions;
import io.temporal.api.enums.v1.EventType;
import io.temporal.common.RetryOptions;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The retry example: shows the activity's timeout and retry policy, runs the workflow, and reports
 * how many attempts the activity took and where to see it in the UI.
 */
@Command(
    name = "greet-retry",
    description = "Run GreetingWorkflow and show its retry policy and attempts.")
final class GreetWithRetryCommand extends ConfiguredCommand {
  /**
   * The UI of the compose stack (the specification's port table) and of `temporal server
   * start-dev`.
   */
  private static final String COMPOSE_UI = "http://localhost:8088";

  private static final String DEV_SERVER_UI = "http://localhost:8233";

  @Mixin GreetingArguments arguments;

  GreetWithRetryCommand(ConfigLoadResult settings) {
    super(settings);
  }

  @Override
  int run(TemporalConfig config) throws Exception {
    PrintWriter out = out();
    RetryOptions retry = GreetingActivityOptions.retryOptions();
    out.println("greet_activity runs with:");
    out.printf(
        "  start-to-close timeout  %d s%n",
        GreetingActivityOptions.START_TO_CLOSE_TIMEOUT.toSeconds());
    out.printf("  initial retry interval  %d s%n", retry.getInitialInterval().toSeconds());
    out.printf("  maximum retry interval  %d s%n", retry.getMaximumInterval().toSeconds());
    out.printf(Locale.ROOT, "  backoff coefficient     %.1f%n", retry.getBackoffCoefficient());
    out.printf("  maximum attempts        %d%n", retry.getMaximumAttempts());
    try (ClientSession session = new ClientSession(config)) {
      ClientSession.StartedGreeting started =
          session.startGreeting("greeting-retry", arguments.name);
      String workflowId = started.execution().getWorkflowId();
      out.println(
          "started workflow " + workflowId + " on task queue " + config.runtime().taskQueue());
      Optional<String> greeting = session.awaitGreeting(started, arguments.timeoutSeconds);
      if (greeting.isEmpty()) {
        err().println(session.noWorkerMessage(arguments.timeoutSeconds));
        return ExitCodes.FAILED;
      }
      long attempts =
          session.client().fetchHistory(workflowId).getEvents().stream()
              .filter(event -> event.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED)
              .mapToLong(event -> event.getActivityTaskStartedEventAttributes().getAttempt())
              .max()
              .orElse(0);
      out.println("result: " + greeting.get());
      out.println("activity attempts: " + attempts);
      out.println(uiHint(session.serverVersion(), config.connection().namespace(), workflowId));
      return ExitCodes.OK;
    }
  }

  /**
   * Where to see the workflow. The embedded Java test server (the one server that reports no
   * version) has no UI; a real server's UI port is not something a client can ask, so both usual
   * ones are named.
   */
  static String uiHint(String serverVersion, String namespace, String workflowId) {
    if (serverVersion.isEmpty()) {
      return "no Temporal UI: the embedded Java test server has none; `temporal workflow show"
          + " --workflow-id "
          + workflowId
          + "` prints its history";
    }
    String path = "/namespaces/" + namespace + "/workflows/" + workflowId;
    return "see it in the Temporal UI: "
        + COMPOSE_UI
        + path
        + " (compose stack) or "
        + DEV_SERVER_UI
        + path
        + " (temporal server start-dev)";
  }
}
