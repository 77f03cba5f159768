package io.apex.temporal.it.support;

import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import java.util.List;

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
}
