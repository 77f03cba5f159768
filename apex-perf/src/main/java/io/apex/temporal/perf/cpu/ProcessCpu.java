package io.apex.temporal.perf.ingestion;

import java.time.Duration;
import java.util.stream.Stream;

/** CPU time (user plus system) that processes have used so far, as the operating system counts. */
final class ProcessCpu {
  private ProcessCpu() {}

  static long thisProcessNanos() {
    return nanos(ProcessHandle.current());
  }

  /** The process and every process it started that is still running; 0 for one that is gone. */
  static long treeNanos(long pid) {
    return ProcessHandle.of(pid)
        .map(root -> Stream.concat(Stream.of(root), root.descendants()))
        .orElseGet(Stream::empty)
        .mapToLong(ProcessCpu::nanos)
        .sum();
  }

  private static long nanos(ProcessHandle process) {
    return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
  }
}
