package io.apex.temporal.perf.load;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * What one scenario (or one ramp step) measured: a latency histogram, completions, failures with
 * the first few reasons, and when the last start and the last result happened. Each outcome is also
 * passed to the run's {@link Timeline}.
 */
public final class ScenarioRecorder {
  private static final int KEPT_FAILURE_MESSAGES = 5;
  private static final int KEPT_SLOWEST = 5;

  private final Timeline timeline;
  private final ConcurrentHistogram histogram = LatencyHistograms.concurrent();
  private final LongAdder completed = new LongAdder();
  private final LongAdder failed = new LongAdder();
  private final List<String> failureMessages = new ArrayList<>();
  private final SlowestWorkflows slowest = new SlowestWorkflows(KEPT_SLOWEST);
  private final LongAccumulator lastStarted = new LongAccumulator(Math::max, Long.MIN_VALUE);
  private final LongAccumulator lastCompleted = new LongAccumulator(Math::max, Long.MIN_VALUE);

  public ScenarioRecorder(Timeline timeline) {
    this.timeline = timeline;
  }

  /** Records one workflow's outcome; the signature fits {@code whenComplete}. */
  public void record(Completion completion, Throwable failure) {
    if (failure != null) {
      failed.increment();
      timeline.recordFailure();
      Throwable cause =
          failure instanceof CompletionException && failure.getCause() != null
              ? failure.getCause()
              : failure;
      synchronized (failureMessages) {
        if (failureMessages.size() < KEPT_FAILURE_MESSAGES) {
          failureMessages.add(cause.toString());
        }
      }
      return;
    }
    histogram.recordValue(LatencyHistograms.micros(completion.latencyNanos()));
    completed.increment();
    slowest.offer(completion);
    lastStarted.accumulate(completion.startedNanos());
    lastCompleted.accumulate(completion.completedNanos());
    timeline.recordCompletion(completion);
  }

  public long completed() {
    return completed.sum();
  }

  public long failed() {
    return failed.sum();
  }

  public List<String> failureMessages() {
    synchronized (failureMessages) {
      return List.copyOf(failureMessages);
    }
  }

  /** The slowest workflows so far, slowest first. */
  public List<SlowWorkflow> slowest() {
    return slowest.slowestFirst();
  }

  /** A copy of the latencies so far, in microseconds. */
  public Histogram latencies() {
    return histogram.copy();
  }

  /** When the last successful start call returned, or {@code fallback} if none did. */
  public long lastStartedNanos(long fallback) {
    long value = lastStarted.get();
    return value == Long.MIN_VALUE ? fallback : value;
  }

  /** When the last result arrived, or {@code fallback} if none did. */
  public long lastCompletedNanos(long fallback) {
    long value = lastCompleted.get();
    return value == Long.MIN_VALUE ? fallback : value;
  }
}
