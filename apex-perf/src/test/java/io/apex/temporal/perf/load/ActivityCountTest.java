package io.apex.temporal.perf.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActivityCountTest {

  private static List<HistoryEvent> history(EventType... types) {
    return Arrays.stream(types)
        .map(type -> HistoryEvent.newBuilder().setEventType(type).build())
        .toList();
  }

  @Test
  void countsTheActivitiesCompletedInEachHistoryNotTheWorkflows() {
    Map<String, List<HistoryEvent>> histories =
        Map.of(
            "three-activities",
                history(
                    EventType.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED,
                    EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED,
                    EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED,
                    EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED,
                    EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED,
                    EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED,
                    EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED,
                    EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED,
                    EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED,
                    EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED,
                    EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED),
            "one-activity",
                history(
                    EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED,
                    EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED,
                    EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED),
            "failed-activity",
                history(
                    EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED,
                    EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED,
                    EventType.EVENT_TYPE_ACTIVITY_TASK_FAILED));

    ActivityCount count = new ActivityCount(histories::get);

    assertThat(count.completedIn(List.of("three-activities", "one-activity", "failed-activity")))
        .isEqualTo(4);
    assertThat(count.completedIn(List.of())).isZero();
  }
}
