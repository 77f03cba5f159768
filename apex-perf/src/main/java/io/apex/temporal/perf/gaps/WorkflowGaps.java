package io.apex.temporal.perf.gaps;

import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Splits one workflow's life into consecutive stretches: the client's start call, the start
 * request's way to the first event, every gap between two consecutive history events (named by both
 * events, workflow tasks numbered), the result's way back to the client, and the totals.
 */
public final class WorkflowGaps {
  static final String START_CALL = "client: start call (request to response)";
  static final String TO_FIRST_EVENT = "client start call -> WorkflowExecutionStarted recorded";
  static final String RESULT_DELIVERY = "close recorded -> result at the client (long poll)";
  static final String SERVER_TOTAL = "total: first to last event (server)";
  static final String CLIENT_TOTAL = "total: start call to result (client)";

  private WorkflowGaps() {}

  public static List<Gap> of(ClientTiming timing, List<HistoryEvent> events) {
    if (events.isEmpty()) {
      throw new IllegalArgumentException("no history events for " + timing.workflowId());
    }
    List<Gap> gaps = new ArrayList<>();
    gaps.add(gap(START_CALL, timing.startCalled(), timing.startReturned()));
    gaps.add(gap(TO_FIRST_EVENT, timing.startCalled(), time(events.get(0))));
    Map<EventType, Integer> seen = new HashMap<>();
    String previousName = name(events.get(0), seen);
    for (int i = 1; i < events.size(); i++) {
      String name = name(events.get(i), seen);
      gaps.add(gap(previousName + " -> " + name, time(events.get(i - 1)), time(events.get(i))));
      previousName = name;
    }
    Instant lastEvent = time(events.get(events.size() - 1));
    gaps.add(gap(RESULT_DELIVERY, lastEvent, timing.resultArrived()));
    gaps.add(gap(SERVER_TOTAL, time(events.get(0)), lastEvent));
    gaps.add(gap(CLIENT_TOTAL, timing.startCalled(), timing.resultArrived()));
    return gaps;
  }

  /**
   * The event type in the history's own words, numbered when it repeats: WorkflowTaskScheduled#2.
   */
  private static String name(HistoryEvent event, Map<EventType, Integer> seen) {
    int occurrence = seen.merge(event.getEventType(), 1, Integer::sum);
    String name = camel(event.getEventType());
    return occurrence == 1 && !name.startsWith("WorkflowTask") ? name : name + "#" + occurrence;
  }

  private static String camel(EventType type) {
    StringBuilder name = new StringBuilder();
    for (String word : type.name().replaceFirst("^EVENT_TYPE_", "").split("_")) {
      name.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
    }
    return name.toString();
  }

  private static Instant time(HistoryEvent event) {
    return Instant.ofEpochSecond(
        event.getEventTime().getSeconds(), event.getEventTime().getNanos());
  }

  private static Gap gap(String name, Instant from, Instant to) {
    return new Gap(name, Duration.between(from, to).toNanos() / 1000);
  }
}
