package io.apex.temporal.perf.load;

import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * Counts the activities the server recorded as completed in workflows' histories, so that
 * "activities per second" counts activities rather than assuming one per workflow.
 */
public final class ActivityCount {
  private final Function<String, List<HistoryEvent>> history;

  /**
   * @param history a workflow's history events by workflow ID
   */
  public ActivityCount(Function<String, List<HistoryEvent>> history) {
    this.history = history;
  }

  public static ActivityCount of(WorkflowClient client) {
    return new ActivityCount(workflowId -> client.fetchHistory(workflowId).getEvents());
  }

  /** The completed activities in these workflows' histories. */
  public long completedIn(Collection<String> workflowIds) {
    return workflowIds.stream()
        .mapToLong(
            workflowId ->
                history.apply(workflowId).stream()
                    .filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED)
                    .count())
        .sum();
  }
}
