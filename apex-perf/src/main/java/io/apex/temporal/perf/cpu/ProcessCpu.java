package io.apex.temporal.perf.cpu;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

/** CPU time (user plus system) that processes have used so far, as the operating system counts. */
public final class ProcessCpu {
  private ProcessCpu() {}

  public static long thisProcessNanos() {
    return nanos(ProcessHandle.current());
  }

  /** The process and every process it started that is still running; 0 for one that is gone. */
  public static long treeNanos(long pid) {
    return ProcessHandle.of(pid)
        .map(root -> Stream.concat(Stream.of(root), root.descendants()))
        .orElseGet(Stream::empty)
        .mapToLong(ProcessCpu::nanos)
        .sum();
  }

  /**
   * The PostgreSQL server whose data directory is {@code dataDirectory} or under it: its postmaster
   * and every backend it started.
   */
  public static long postgresNanos(Path dataDirectory) {
    return treeNanos(postmasterPid(dataDirectory));
  }

  private static long postmasterPid(Path dataDirectory) {
    try (var files = Files.walk(dataDirectory)) {
      Path pidFile =
          files
              .filter(f -> f.getFileName().toString().equals("postmaster.pid"))
              .findFirst()
              .orElseThrow(
                  () -> new IllegalStateException("no postmaster.pid under " + dataDirectory));
      return Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the store's postmaster.pid", e);
    }
  }

  private static long nanos(ProcessHandle process) {
    return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
  }
}
