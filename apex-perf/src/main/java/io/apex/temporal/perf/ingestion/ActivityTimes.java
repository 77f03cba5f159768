package io.apex.temporal.perf.ingestion;

import com.google.protobuf.Timestamp;
import io.temporal.api.history.v1.HistoryEvent;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a document's wall time goes, read from the histories the server recorded: per activity the
 * wait in the task queue (scheduled to started) and the run (started to closed), and per document
 * the time with no activity scheduled (workflow tasks and the scheduling between steps).
 */
final class ActivityTimes {
  /** Mean milliseconds of one activity type over the documents that ran it. */
  record Step(String activity, int runs, double queueMillis, double runMillis) {}

  /** Means over the documents read. */
  record Summary(
      int documents,
      double workflowMillis,
      double betweenActivitiesMillis,
      double workflowTaskMillis,
      List<Step> steps) {}

  private final Map<String, double[]> steps = new LinkedHashMap<>();
  private int documents;
  private double workflowMillis;
  private double betweenMillis;
  private double workflowTaskMillis;

  /** Adds one closed workflow's history. */
  void add(List<HistoryEvent> history) {
    if (history.isEmpty()) {
      return;
    }
    Map<Long, HistoryEvent> scheduled = new HashMap<>();
    Map<Long, Long> startedAt = new HashMap<>();
    Map<Long, Long> taskScheduledAt = new HashMap<>();
    long activityMillis = 0;
    for (HistoryEvent event : history) {
      long at = millis(event.getEventTime());
      switch (event.getEventType()) {
        case EVENT_TYPE_ACTIVITY_TASK_SCHEDULED -> scheduled.put(event.getEventId(), event);
        case EVENT_TYPE_ACTIVITY_TASK_STARTED ->
            startedAt.put(event.getActivityTaskStartedEventAttributes().getScheduledEventId(), at);
        case EVENT_TYPE_ACTIVITY_TASK_COMPLETED ->
            activityMillis +=
                closed(
                    scheduled,
                    startedAt,
                    event.getActivityTaskCompletedEventAttributes().getScheduledEventId(),
                    at);
        case EVENT_TYPE_ACTIVITY_TASK_FAILED ->
            activityMillis +=
                closed(
                    scheduled,
                    startedAt,
                    event.getActivityTaskFailedEventAttributes().getScheduledEventId(),
                    at);
        case EVENT_TYPE_WORKFLOW_TASK_SCHEDULED -> taskScheduledAt.put(event.getEventId(), at);
        case EVENT_TYPE_WORKFLOW_TASK_COMPLETED -> {
          Long began =
              taskScheduledAt.get(
                  event.getWorkflowTaskCompletedEventAttributes().getScheduledEventId());
          if (began != null) {
            workflowTaskMillis += at - began;
          }
        }
        default -> {}
      }
    }
    long total =
        millis(history.get(history.size() - 1).getEventTime())
            - millis(history.get(0).getEventTime());
    documents++;
    workflowMillis += total;
    betweenMillis += Math.max(0, total - activityMillis);
  }

  /** Records the closed activity's queue wait and run; returns its scheduled-to-closed time. */
  private long closed(
      Map<Long, HistoryEvent> scheduled, Map<Long, Long> startedAt, long scheduledId, long at) {
    HistoryEvent event = scheduled.get(scheduledId);
    Long started = startedAt.get(scheduledId);
    if (event == null || started == null) {
      return 0;
    }
    long scheduledAt = millis(event.getEventTime());
    String type = event.getActivityTaskScheduledEventAttributes().getActivityType().getName();
    double[] sums = steps.computeIfAbsent(type, t -> new double[3]);
    sums[0]++;
    sums[1] += started - scheduledAt;
    sums[2] += at - started;
    return at - scheduledAt;
  }

  Summary summary() {
    int n = Math.max(1, documents);
    List<Step> means =
        steps.entrySet().stream()
            .map(
                e ->
                    new Step(
                        e.getKey(),
                        (int) e.getValue()[0],
                        e.getValue()[1] / e.getValue()[0],
                        e.getValue()[2] / e.getValue()[0]))
            .toList();
    return new Summary(
        documents, workflowMillis / n, betweenMillis / n, workflowTaskMillis / n, means);
  }

  private static long millis(Timestamp t) {
    return t.getSeconds() * 1000 + t.getNanos() / 1_000_000;
  }
}
