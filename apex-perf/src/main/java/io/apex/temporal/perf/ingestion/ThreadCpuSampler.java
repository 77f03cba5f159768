package io.apex.temporal.perf.ingestion;

import io.apex.temporal.perf.cpu.ProcessCpu;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The CPU time of this JVM's threads over a stretch, summed by family (a name given by the caller's
 * classifier). Threads are sampled every 500 ms, so one that ends during the stretch still counts
 * up to its last sample; what no Java thread accounts for (garbage collection, the JIT, native
 * threads) is the process's CPU minus the threads'.
 */
final class ThreadCpuSampler implements AutoCloseable {
  private static final long PERIOD_MILLIS = 500;

  /** Its own CPU is the measurement's, not the worker's: left out of every family and the rest. */
  static final String SAMPLER_THREAD = "perf-thread-cpu-sampler";

  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final Function<String, String> family;
  private final Map<Long, String> names = new HashMap<>();
  private final Map<Long, Long> atStart = new HashMap<>();
  private final Map<Long, Long> latest = new HashMap<>();
  private final Map<Long, String> nativeNames = new HashMap<>();
  private final Map<Long, Long> nativeAtStart = new HashMap<>();
  private final Map<Long, Long> nativeLatest = new HashMap<>();
  private final ScheduledExecutorService sampler =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, SAMPLER_THREAD);
            t.setDaemon(true);
            return t;
          });
  private long processAtStart;

  ThreadCpuSampler(Function<String, String> family) {
    this.family = family;
  }

  synchronized void start() {
    processAtStart = ProcessCpu.thisProcessNanos();
    sample(atStart, nativeAtStart);
    latest.putAll(atStart);
    nativeLatest.putAll(nativeAtStart);
    sampler.scheduleAtFixedRate(
        () -> sample(latest, nativeLatest), 0, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
  }

  /** CPU seconds by family since {@link #start()}, with "other (native)" for the rest. */
  synchronized Map<String, Double> stop() {
    sampler.shutdownNow();
    sample(latest, nativeLatest);
    long process = ProcessCpu.thisProcessNanos() - processAtStart;
    Map<String, Double> seconds = new LinkedHashMap<>();
    long accounted = 0;
    for (var entry : latest.entrySet()) {
      long spent = entry.getValue() - atStart.getOrDefault(entry.getKey(), 0L);
      if (spent > 0) {
        accounted += spent;
        String name = names.get(entry.getKey());
        if (!SAMPLER_THREAD.equals(name)) {
          seconds.merge(family.apply(name), spent / 1e9, Double::sum);
        }
      }
    }
    for (var entry : nativeLatest.entrySet()) {
      long spent = entry.getValue() - nativeAtStart.getOrDefault(entry.getKey(), 0L);
      String family = jvmFamily(nativeNames.get(entry.getKey()));
      if (spent > 0 && family != null) {
        accounted += spent;
        seconds.merge(family, spent / 1e9, Double::sum);
      }
    }
    seconds.put("other (native, unaccounted)", Math.max(0, process - accounted) / 1e9);
    return seconds;
  }

  /** The busiest Java threads since {@link #start()}: name and CPU seconds, for the log. */
  synchronized Map<String, Double> busiest(int count) {
    Map<String, Double> top = new LinkedHashMap<>();
    latest.entrySet().stream()
        .map(
            e ->
                Map.entry(
                    names.get(e.getKey()),
                    (e.getValue() - atStart.getOrDefault(e.getKey(), 0L)) / 1e9))
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .limit(count)
        .forEach(e -> top.merge(e.getKey(), e.getValue(), Double::sum));
    return top;
  }

  /** The JVM's own threads by their Linux names; null for the rest (Java threads among them). */
  private static String jvmFamily(String name) {
    if (name == null) {
      return null;
    }
    if (name.startsWith("GC Thread") || name.startsWith("G1 ") || name.startsWith("VM Thread")) {
      return "garbage collection (JVM threads)";
    }
    if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
      return "JIT compiler (JVM threads)";
    }
    return null;
  }

  private synchronized void sample(Map<Long, Long> into, Map<Long, Long> nativeInto) {
    sampleNative(nativeInto);
    for (long id : threads.getAllThreadIds()) {
      long cpu = threads.getThreadCpuTime(id);
      if (cpu < 0) {
        continue;
      }
      var info = threads.getThreadInfo(id);
      if (info != null) {
        names.putIfAbsent(id, info.getThreadName());
      }
      into.put(id, cpu);
    }
  }

  /** Linux only: elsewhere the JVM's own threads stay in the unaccounted rest. */
  private void sampleNative(Map<Long, Long> into) {
    Path tasks = Path.of("/proc/self/task");
    if (!Files.isDirectory(tasks)) {
      return;
    }
    try (var list = Files.list(tasks)) {
      for (Path task : (Iterable<Path>) list::iterator) {
        try {
          String stat = Files.readString(task.resolve("stat"));
          int open = stat.indexOf('(');
          int close = stat.lastIndexOf(')');
          String[] fields = stat.substring(close + 2).split(" ");
          // utime and stime, fields 14 and 15 of the line, in clock ticks of 10 ms.
          long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
          long tid = Long.parseLong(task.getFileName().toString());
          nativeNames.putIfAbsent(tid, stat.substring(open + 1, close));
          into.put(tid, ticks * 10_000_000L);
        } catch (IOException | RuntimeException gone) {
          // The thread ended between the listing and the read.
        }
      }
    } catch (IOException e) {
      // No task list this time; the next sample reads it.
    }
  }

  @Override
  public void close() {
    sampler.shutdownNow();
  }
}
