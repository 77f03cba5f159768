package io.apex.temporal.perf.gaps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Timestamp;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkflowGapsTest {
  private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

  private static HistoryEvent event(EventType type, long micros) {
    Instant at = T0.plusNanos(micros * 1000);
    return HistoryEvent.newBuilder()
        .setEventType(type)
        .setEventTime(Timestamp.newBuilder().setSeconds(at.getEpochSecond()).setNanos(at.getNano()))
        .build();
  }

  /** A greeting's history: two workflow tasks around one eagerly dispatched activity. */
  private static List<HistoryEvent> greeting(long offsetMicros, long dispatchMicros) {
    List<HistoryEvent> events = new ArrayList<>();
    long t = offsetMicros;
    events.add(event(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED, t));
    events.add(event(EventType.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED, t));
    events.add(event(EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED, t += dispatchMicros));
    events.add(event(EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED, t += 2_000));
    events.add(event(EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED, t));
    events.add(event(EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED, t += 100));
    events.add(event(EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED, t += 1_000));
    events.add(event(EventType.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED, t));
    events.add(event(EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED, t += dispatchMicros));
    events.add(event(EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED, t += 1_500));
    events.add(event(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED, t));
    return events;
  }

  private static ClientTiming timing(
      String id, long calledMicros, long returnedMicros, long resultMicros) {
    return new ClientTiming(
        id,
        T0.plusNanos(calledMicros * 1000),
        T0.plusNanos(returnedMicros * 1000),
        T0.plusNanos(resultMicros * 1000));
  }

  @Test
  void eachStretchOfAWorkflowIsNamedByItsEventsInOrderWithWorkflowTasksNumbered() {
    List<Gap> gaps = WorkflowGaps.of(timing("w", -1_000, 2_000, 84_000), greeting(0, 38_000));

    assertThat(gaps)
        .extracting(Gap::name)
        .containsExactly(
            "client: start call (request to response)",
            "client start call -> WorkflowExecutionStarted recorded",
            "WorkflowExecutionStarted -> WorkflowTaskScheduled#1",
            "WorkflowTaskScheduled#1 -> WorkflowTaskStarted#1",
            "WorkflowTaskStarted#1 -> WorkflowTaskCompleted#1",
            "WorkflowTaskCompleted#1 -> ActivityTaskScheduled",
            "ActivityTaskScheduled -> ActivityTaskStarted",
            "ActivityTaskStarted -> ActivityTaskCompleted",
            "ActivityTaskCompleted -> WorkflowTaskScheduled#2",
            "WorkflowTaskScheduled#2 -> WorkflowTaskStarted#2",
            "WorkflowTaskStarted#2 -> WorkflowTaskCompleted#2",
            "WorkflowTaskCompleted#2 -> WorkflowExecutionCompleted",
            "close recorded -> result at the client (long poll)",
            "total: first to last event (server)",
            "total: start call to result (client)");
    assertThat(gaps)
        .extracting(Gap::micros)
        .containsExactly(
            3_000L, 1_000L, 0L, 38_000L, 2_000L, 0L, 100L, 1_000L, 0L, 38_000L, 1_500L, 0L, 3_400L,
            80_600L, 85_000L);
  }

  @Test
  void theSamplerSumsUpEachStretchAsMedianAndP90InTheOrderTheyHappen() {
    Map<String, List<HistoryEvent>> histories =
        Map.of("a", greeting(0, 10_000), "b", greeting(0, 20_000), "c", greeting(0, 30_000));
    HistoryGapSampler sampler = new HistoryGapSampler(histories::get);

    WhereTheTimeGoes result =
        sampler.measure(
            List.of(
                timing("a", 0, 1_000, 100_000),
                timing("b", 0, 1_000, 100_000),
                timing("c", 0, 1_000, 100_000)));

    assertThat(result.sampled()).isEqualTo(3);
    assertThat(result.failures()).isEmpty();
    GapSummary dispatch =
        result.gaps().stream()
            .filter(g -> g.name().equals("WorkflowTaskScheduled#1 -> WorkflowTaskStarted#1"))
            .findFirst()
            .orElseThrow();
    assertThat(dispatch.samples()).isEqualTo(3);
    assertThat(dispatch.p50Ms()).isEqualTo(20.0, org.assertj.core.data.Offset.offset(0.05));
    assertThat(dispatch.p90Ms()).isEqualTo(30.0, org.assertj.core.data.Offset.offset(0.05));
    assertThat(result.gaps().get(0).name()).isEqualTo("client: start call (request to response)");
  }

  @Test
  void aHistoryThatCannotBeReadIsCountedOutWithItsReasonNotGuessed() {
    HistoryGapSampler sampler =
        new HistoryGapSampler(
            id -> {
              throw new IllegalStateException("not found: " + id);
            });

    WhereTheTimeGoes result = sampler.measure(List.of(timing("gone", 0, 1, 2)));

    assertThat(result.sampled()).isZero();
    assertThat(result.gaps()).isEmpty();
    assertThat(result.failures()).singleElement().asString().contains("gone", "not found");
  }

  @Test
  void anEmptyHistoryIsAnError() {
    assertThatThrownBy(() -> WorkflowGaps.of(timing("w", 0, 1, 2), List.of()))
        .hasMessageContaining("no history events for w");
  }
}
