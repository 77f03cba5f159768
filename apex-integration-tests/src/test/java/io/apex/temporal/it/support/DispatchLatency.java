package io.apex.temporal.it.support;

import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * How long the server took to hand each workflow task to the worker: the gap between
 * WorkflowTaskScheduled and the next WorkflowTaskStarted in the histories it recorded. This is
 * the stretch the dev server's transfer-queue rate limit lengthens.
 */
public final class DispatchLatency {
  private DispatchLatency() {}

  /** The median dispatch gap in milliseconds over every workflow task of the workflows. */
  public static double medianMs(WorkflowClient client, List<String> workflowIds) {
    List<Long> gaps = new ArrayList<>();
    for (String id : workflowIds) {
      HistoryEvent scheduled = null;
      for (HistoryEvent event : client.fetchHistory(id).getEvents()) {
        if (event.getEventType() == EventType.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED) {
          scheduled = event;
        } else if (event.getEventType() == EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED
            && scheduled != null) {
          gaps.add(micros(event) - micros(scheduled));
          scheduled = null;
        }
      }
    }
    if (gaps.isEmpty()) {
      throw new AssertionError("no workflow tasks in the histories of " + workflowIds);
    }
    Collections.sort(gaps);
    return gaps.get(gaps.size() / 2) / 1000.0;
  }

  private static long micros(HistoryEvent event) {
    return event.getEventTime().getSeconds() * 1_000_000L + event.getEventTime().getNanos() / 1000;
  }
}
