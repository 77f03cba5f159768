package io.apex.temporal.perf.ingestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.protobuf.Timestamp;
import io.temporal.api.common.v1.ActivityType;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.ActivityTaskCompletedEventAttributes;
import io.temporal.api.history.v1.ActivityTaskScheduledEventAttributes;
import io.temporal.api.history.v1.ActivityTaskStartedEventAttributes;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.history.v1.WorkflowTaskCompletedEventAttributes;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActivityTimesTest {
  private final List<HistoryEvent> events = new ArrayList<>();

  private HistoryEvent event(EventType type, long millis) {
    return HistoryEvent.newBuilder()
        .setEventId(events.size() + 1)
        .setEventType(type)
        .setEventTime(
            Timestamp.newBuilder()
                .setSeconds(millis / 1000)
                .setNanos((int) (millis % 1000) * 1_000_000))
        .build();
  }

  private void add(HistoryEvent event) {
    events.add(event);
  }

  private long workflowTask(long scheduledAt, long completedAt) {
    add(event(EventType.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED, scheduledAt));
    long scheduledId = events.size();
    add(
        event(EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED, completedAt).toBuilder()
            .setWorkflowTaskCompletedEventAttributes(
                WorkflowTaskCompletedEventAttributes.newBuilder().setScheduledEventId(scheduledId))
            .build());
    return scheduledId;
  }

  private void activity(String type, long scheduledAt, long startedAt, long completedAt) {
    add(
        event(EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED, scheduledAt).toBuilder()
            .setActivityTaskScheduledEventAttributes(
                ActivityTaskScheduledEventAttributes.newBuilder()
                    .setActivityType(ActivityType.newBuilder().setName(type)))
            .build());
    long scheduledId = events.size();
    add(
        event(EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED, startedAt).toBuilder()
            .setActivityTaskStartedEventAttributes(
                ActivityTaskStartedEventAttributes.newBuilder().setScheduledEventId(scheduledId))
            .build());
    add(
        event(EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED, completedAt).toBuilder()
            .setActivityTaskCompletedEventAttributes(
                ActivityTaskCompletedEventAttributes.newBuilder().setScheduledEventId(scheduledId))
            .build());
  }

  @Test
  void splitsADocumentsTimeIntoQueueWaitRunAndTheTimeBetweenActivities() {
    add(event(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED, 1_000));
    workflowTask(1_000, 1_010);
    activity("stage_document", 1_010, 1_015, 1_045);
    workflowTask(1_045, 1_050);
    activity("generate_embeddings", 1_050, 1_060, 1_160);
    workflowTask(1_160, 1_170);
    add(event(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED, 1_170));

    ActivityTimes times = new ActivityTimes();
    times.add(events);
    ActivityTimes.Summary summary = times.summary();

    assertThat(summary.documents()).isEqualTo(1);
    assertThat(summary.workflowMillis()).isEqualTo(170);
    // 170 ms in all, 35 + 110 ms with an activity scheduled.
    assertThat(summary.betweenActivitiesMillis()).isEqualTo(25);
    assertThat(summary.workflowTaskMillis()).isEqualTo(25);
    assertThat(summary.steps())
        .containsExactly(
            new ActivityTimes.Step("stage_document", 1, 5, 30),
            new ActivityTimes.Step("generate_embeddings", 1, 10, 100));
  }

  @Test
  void averagesOverDocuments() {
    add(event(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED, 0));
    activity("parse_document", 0, 10, 30);
    add(event(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED, 40));
    List<HistoryEvent> first = List.copyOf(events);
    events.clear();
    add(event(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED, 0));
    activity("parse_document", 0, 30, 70);
    add(event(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED, 80));

    ActivityTimes times = new ActivityTimes();
    times.add(first);
    times.add(events);
    ActivityTimes.Summary summary = times.summary();

    assertThat(summary.workflowMillis()).isEqualTo(60);
    assertThat(summary.betweenActivitiesMillis()).isEqualTo(10);
    ActivityTimes.Step parse = summary.steps().get(0);
    assertThat(parse.runs()).isEqualTo(2);
    assertThat(parse.queueMillis()).isCloseTo(20, within(1e-9));
    assertThat(parse.runMillis()).isCloseTo(30, within(1e-9));
  }
}
