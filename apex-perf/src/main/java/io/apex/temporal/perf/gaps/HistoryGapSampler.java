package io.apex.temporal.perf.gaps;

import io.apex.temporal.perf.load.LatencyHistograms;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.HdrHistogram.Histogram;

/**
 * Reads the histories of sampled workflows back from the server and sums up each stretch of their
 * lives (see {@link WorkflowGaps}) as median and p90.
 */
public final class HistoryGapSampler {
  private static final int KEPT_FAILURES = 3;
  private static final long MAX_MICROS = TimeUnit.MINUTES.toMicros(10);

  private final Function<String, List<HistoryEvent>> histories;

  /**
   * @param histories a workflow's events by workflow ID, as the server recorded them
   */
  public HistoryGapSampler(Function<String, List<HistoryEvent>> histories) {
    this.histories = histories;
  }

  public static HistoryGapSampler of(WorkflowClient client) {
    return new HistoryGapSampler(id -> client.fetchHistory(id).getEvents());
  }

  public WhereTheTimeGoes measure(List<ClientTiming> samples) {
    Map<String, Histogram> byName = new LinkedHashMap<>();
    List<String> failures = new ArrayList<>();
    int read = 0;
    for (ClientTiming timing : samples) {
      List<Gap> gaps;
      try {
        gaps = WorkflowGaps.of(timing, histories.apply(timing.workflowId()));
      } catch (RuntimeException e) {
        if (failures.size() < KEPT_FAILURES) {
          failures.add(timing.workflowId() + ": " + e);
        }
        continue;
      }
      read++;
      for (Gap gap : gaps) {
        // A negative stretch (two clocks a few microseconds apart) is recorded as zero.
        byName
            .computeIfAbsent(gap.name(), name -> LatencyHistograms.concurrent())
            .recordValue(Math.min(MAX_MICROS, Math.max(0, gap.micros())));
      }
    }
    List<GapSummary> summaries = new ArrayList<>();
    byName.forEach(
        (name, histogram) ->
            summaries.add(
                new GapSummary(
                    name,
                    (int) histogram.getTotalCount(),
                    millis(histogram.getValueAtPercentile(50)),
                    millis(histogram.getValueAtPercentile(90)),
                    millis(histogram.getMaxValue()))));
    return new WhereTheTimeGoes(read, summaries, failures);
  }

  private static double millis(long micros) {
    return Math.round(micros) / 1000.0;
  }
}
