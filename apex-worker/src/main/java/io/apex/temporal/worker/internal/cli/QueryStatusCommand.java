package io.apex.temporal.worker.internal.cli;

import io.apex.temporal.config.ConfigLoadResult;
import io.apex.temporal.config.TemporalConfig;
import io.apex.temporal.workflows.greeting.GreetingStatus;
import io.apex.temporal.workflows.greeting.GreetingWorkflow;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowQueryException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The query-status example: starts the workflow without waiting, queries its status, then describes
 * the finished execution and its history.
 */
@Command(
    name = "query-status",
    description = "Start GreetingWorkflow without waiting, query its status and describe it.")
final class QueryStatusCommand extends ConfiguredCommand {
  private static final int FIRST_EVENTS_SHOWN = 5;

  @Mixin GreetingArguments arguments;

  QueryStatusCommand(ConfigLoadResult settings) {
    super(settings);
  }

  @Override
  int run(TemporalConfig config) throws Exception {
    PrintWriter out = out();
    try (ClientSession session = new ClientSession(config)) {
      ClientSession.StartedGreeting started =
          session.startGreeting("greeting-status", arguments.name);
      WorkflowExecution execution = started.execution();
      out.println("workflow ID: " + execution.getWorkflowId());
      out.println("run ID:      " + execution.getRunId());
      out.println("status now:  " + queryStatus(started.workflow()));
      out.flush();
      if (session.awaitGreeting(started, arguments.timeoutSeconds).isEmpty()) {
        err().println(session.noWorkerMessage(arguments.timeoutSeconds));
        return ExitCodes.FAILED;
      }
      out.println("status then: " + queryStatus(started.workflow()));
      describe(session.client(), config, execution, out);
      return ExitCodes.OK;
    }
  }

  private static String queryStatus(GreetingWorkflow workflow) {
    try {
      GreetingStatus status = workflow.status();
      return status.greeting() == null
          ? status.stage().name()
          : status.stage() + " (greeting: " + status.greeting() + ")";
    } catch (WorkflowQueryException e) {
      return "not answered yet (" + e.getMessage() + ")";
    }
  }

  private static void describe(
      WorkflowClient client, TemporalConfig config, WorkflowExecution execution, PrintWriter out) {
    WorkflowExecutionInfo info =
        client
            .getWorkflowServiceStubs()
            .blockingStub()
            .describeWorkflowExecution(
                DescribeWorkflowExecutionRequest.newBuilder()
                    .setNamespace(config.connection().namespace())
                    .setExecution(execution)
                    .build())
            .getWorkflowExecutionInfo();
    Instant start = toInstant(info.getStartTime());
    Instant close = toInstant(info.getCloseTime());
    List<HistoryEvent> events =
        client.fetchHistory(execution.getWorkflowId(), execution.getRunId()).getEvents();
    out.println(
        "execution:   " + info.getStatus().name().replaceFirst("^WORKFLOW_EXECUTION_STATUS_", ""));
    out.println("start time:  " + start);
    out.println("close time:  " + close);
    out.println("duration:    " + Duration.between(start, close).toMillis() + " ms");
    out.println("events:      " + events.size());
    out.println(
        "first events: "
            + events.stream()
                .limit(FIRST_EVENTS_SHOWN)
                .map(event -> eventName(event.getEventType()))
                .collect(Collectors.joining(", ")));
  }

  /** {@code EVENT_TYPE_WORKFLOW_EXECUTION_STARTED} as {@code WorkflowExecutionStarted}. */
  static String eventName(EventType type) {
    return Arrays.stream(type.name().replaceFirst("^EVENT_TYPE_", "").split("_"))
        .map(word -> word.charAt(0) + word.substring(1).toLowerCase(Locale.ROOT))
        .collect(Collectors.joining());
  }

  private static Instant toInstant(com.google.protobuf.Timestamp timestamp) {
    return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
  }
}
