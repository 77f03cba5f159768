package io.apex.temporal.worker.cli;

import io.apex.temporal.config.TemporalConfig;
import io.temporal.api.enums.v1.EventType;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Wording shared by the example commands. */
final class WorkflowResults {
  /** The Temporal UI's port in the specification's port table. */
  static final int UI_PORT = 8088;

  private WorkflowResults() {}

  static String noWorkerMessage(TemporalConfig config, int timeoutSeconds) {
    return "no worker finished the workflow within " + timeoutSeconds + " s: is a worker polling"
        + " task queue " + config.runtime().taskQueue() + " at " + config.connection().target()
        + "?";
  }

  static String uiLink(TemporalConfig config) {
    return "http://localhost:" + UI_PORT + "/namespaces/" + config.connection().namespace()
        + "/workflows";
  }

  /** {@code EVENT_TYPE_WORKFLOW_EXECUTION_STARTED} as {@code WorkflowExecutionStarted}. */
  static String eventName(EventType type) {
    return Arrays.stream(type.name().replaceFirst("^EVENT_TYPE_", "").split("_"))
        .map(word -> word.charAt(0) + word.substring(1).toLowerCase(Locale.ROOT))
        .collect(Collectors.joining());
  }
}
