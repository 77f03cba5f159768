package io.apex.temporal.perf.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Latency and throughput over the whole run, one point per interval, for the report's chart. Every
 * completion in every scenario is recorded here as well as in its scenario's histogram.
 */
public final class Timeline implements AutoCloseable {
  private final Duration interval;
  private final Recorder recorder = LatencyHistograms.recorder();
  private final LongAdder failures = new LongAdder();
  private final List<TimelinePoint> points = new ArrayList<>();
  private final long beganNanos = System.nanoTime();
  private final ScheduledExecutorService sampler;
  private volatile String scenario = "setup";
  private long lastSampleNanos = beganNanos;
  private Histogram reusable;

  public Timeline(Duration interval) {
    this.interval = interval;
    this.sampler =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "perf-timeline");
              thread.setDaemon(true);
              return thread;
            });
    sampler.scheduleAtFixedRate(
        this::sample, interval.toNanos(), interval.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** Labels the points from now on with the scenario that runs. */
  public void enter(String scenario) {
    sample();
    this.scenario = scenario;
  }

  public void recordCompletion(Completion completion) {
    recorder.recordValue(LatencyHistograms.micros(completion.latencyNanos()));
  }

  public void recordFailure() {
    failures.increment();
  }

  /** Seconds since the run began, on the chart's axis. */
  public double secondsSinceStart(long nanos) {
    return (nanos - beganNanos) / 1e9;
  }

  public synchronized List<TimelinePoint> points() {
    return List.copyOf(points);
  }

  private synchronized void sample() {
    long now = System.nanoTime();
    reusable = recorder.getIntervalHistogram(reusable);
    long failed = failures.sumThenReset();
    double seconds = (now - lastSampleNanos) / 1e9;
    lastSampleNanos = now;
    long completed = reusable.getTotalCount();
    if (seconds <= 0 || (completed == 0 && failed == 0 && seconds < interval.toNanos() / 2e9)) {
      return;
    }
    points.add(
        new TimelinePoint(
            secondsSinceStart(now),
            seconds,
            scenario,
            completed,
            failed,
            completed / seconds,
            millis(reusable, 50),
            millis(reusable, 90),
            millis(reusable, 99),
            completed == 0 ? 0 : reusable.getMaxValue() / 1000.0));
  }

  private static double millis(Histogram histogram, double percentile) {
    return histogram.getTotalCount() == 0 ? 0 : histogram.getValueAtPercentile(percentile) / 1000.0;
  }

  /** Stops sampling and takes the last, partial interval; later calls do nothing. */
  @Override
  public synchronized void close() {
    if (sampler.isShutdown()) {
      return;
    }
    sampler.shutdownNow();
    sample();
  }
}
