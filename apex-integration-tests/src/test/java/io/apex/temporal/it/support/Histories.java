package io.apex.temporal.it.support;

import io.temporal.api.enums.v1.EventType;
import io.temporal.api.failure.v1.Failure;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reading what the server recorded for a workflow. */
public final class Histories {
  private Histories() {}

  public static List<HistoryEvent> events(WorkflowClient client, String workflowId) {
    return client.fetchHistory(workflowId).getEvents();
  }

  public static List<EventType> types(WorkflowClient client, String workflowId) {
    return events(client, workflowId).stream().map(HistoryEvent::getEventType).toList();
  }

  public static long count(WorkflowClient client, String workflowId, EventType type) {
    return types(client, workflowId).stream().filter(type::equals).count();
  }

  /** The attempt numbers of the activity's recorded starts, in order. */
  public static List<Integer> activityAttempts(WorkflowClient client, String workflowId) {
    return events(client, workflowId).stream()
        .filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED)
        .map(e -> e.getActivityTaskStartedEventAttributes().getAttempt())
        .toList();
  }

  /**
   * From the activity's scheduling to the start of its last attempt, by the server's clock: at
   * least the start-to-close timeout when a lost attempt was retried after timing out, about the
   * retry backoff when a failure was reported.
   */
  public static Duration untilLastAttemptStarted(WorkflowClient client, String workflowId) {
    List<HistoryEvent> events = events(client, workflowId);
    HistoryEvent scheduled =
        events.stream()
            .filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED)
            .findFirst()
            .orElseThrow();
    HistoryEvent lastStart =
        events.stream()
            .filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED)
            .reduce((first, second) -> second)
            .orElseThrow();
    return Duration.between(instant(scheduled), instant(lastStart));
  }

  private static Instant instant(HistoryEvent event) {
    return Instant.ofEpochSecond(
        event.getEventTime().getSeconds(), event.getEventTime().getNanos());
  }

  /**
   * The failure of the attempt before the activity's last recorded start, which the server keeps on
   * that start event; absent when the last start was the first attempt.
   */
  public static Optional<Failure> lastFailureBeforeLastAttempt(
      WorkflowClient client, String workflowId) {
    List<HistoryEvent> starts =
        events(client, workflowId).stream()
            .filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED)
            .toList();
    if (starts.isEmpty()) {
      return Optional.empty();
    }
    var attributes = starts.get(starts.size() - 1).getActivityTaskStartedEventAttributes();
    return attributes.hasLastFailure()
        ? Optional.of(attributes.getLastFailure())
        : Optional.empty();
  }
}
