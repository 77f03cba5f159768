package io.apex.temporal.it.support;

import io.apex.temporal.workflows.greeting.GreetingWorkflow;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * How long the server took to hand each workflow task to the worker: the gap between
 * WorkflowTaskScheduled and the next WorkflowTaskStarted in the histories it recorded. This is the
 * stretch the dev server's transfer-queue rate limit lengthens.
 */
public final class DispatchLatency {
  /**
   * Greetings run first and not measured: the transfer queue's rate limiter starts with a full
   * bucket, so on an untuned server the first few dozen reads do not wait (measured: 15 greetings
   * on a fresh untuned server had a median gap of 4 ms, against 33 ms once the bucket was spent).
   */
  public static final int UNMEASURED_FIRST = 40;

  public static final int MEASURED = 15;

  private DispatchLatency() {}

  /**
   * Runs {@link #UNMEASURED_FIRST} greetings one after another, then {@link #MEASURED} more, and
   * returns the median dispatch gap of the measured ones, in milliseconds.
   */
  public static double medianMsOfSequentialGreetings(WorkflowClient client, String taskQueue) {
    List<String> measured = new ArrayList<>();
    for (int i = 0; i < UNMEASURED_FIRST + MEASURED; i++) {
      String id = taskQueue + "-" + i;
      client
          .newWorkflowStub(
              GreetingWorkflow.class,
              WorkflowOptions.newBuilder().setTaskQueue(taskQueue).setWorkflowId(id).build())
          .greet("Dispatch");
      if (i >= UNMEASURED_FIRST) {
        measured.add(id);
      }
    }
    return medianMs(client, measured);
  }

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
