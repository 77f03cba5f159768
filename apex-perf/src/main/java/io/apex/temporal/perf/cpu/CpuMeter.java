package io.apex.temporal.perf.cpu;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Measures the CPU time each load phase costs, from the processes' own counters (user plus system
 * time, as the operating system keeps them), divided by the workflows the phase started.
 */
public final class CpuMeter {
  private final Supplier<Optional<Duration>> benchmarkJvm;
  private final List<PhaseCpu> phases = new ArrayList<>();

  /**
   * @param benchmarkJvm this JVM's CPU time so far
   */
  public CpuMeter(Supplier<Optional<Duration>> benchmarkJvm) {
    this.benchmarkJvm = benchmarkJvm;
  }

  /** Reads this process's counters through {@link ProcessHandle}. */
  public static CpuMeter ofThisProcess() {
    return new CpuMeter(() -> ProcessHandle.current().info().totalCpuDuration());
  }

  /**
   * Starts a phase.
   *
   * @param server the server process's CPU time so far, empty when it is not a process of ours
   * @param workflows how many workflows have been started so far
   */
  public Mark begin(String phase, Supplier<Optional<Duration>> server, LongSupplier workflows) {
    return new Mark(
        phase,
        server,
        workflows,
        System.nanoTime(),
        benchmarkJvm.get(),
        server.get(),
        workflows.getAsLong());
  }

  public List<PhaseCpu> phases() {
    return List.copyOf(phases);
  }

  /** A phase under way; {@link #end()} records it. */
  public final class Mark {
    private final String phase;
    private final Supplier<Optional<Duration>> server;
    private final LongSupplier workflows;
    private final long beganNanos;
    private final Optional<Duration> jvmAtStart;
    private final Optional<Duration> serverAtStart;
    private final long workflowsAtStart;

    private Mark(
        String phase,
        Supplier<Optional<Duration>> server,
        LongSupplier workflows,
        long beganNanos,
        Optional<Duration> jvmAtStart,
        Optional<Duration> serverAtStart,
        long workflowsAtStart) {
      this.phase = phase;
      this.server = server;
      this.workflows = workflows;
      this.beganNanos = beganNanos;
      this.jvmAtStart = jvmAtStart;
      this.serverAtStart = serverAtStart;
      this.workflowsAtStart = workflowsAtStart;
    }

    public PhaseCpu end() {
      long count = workflows.getAsLong() - workflowsAtStart;
      double jvmMs = spent(jvmAtStart, benchmarkJvm.get());
      double serverMs = spent(serverAtStart, server.get());
      PhaseCpu cpu =
          new PhaseCpu(
              phase,
              count,
              (System.nanoTime() - beganNanos) / 1e9,
              jvmMs,
              perWorkflow(jvmMs, count),
              serverMs,
              perWorkflow(serverMs, count));
      phases.add(cpu);
      return cpu;
    }
  }

  private static double spent(Optional<Duration> before, Optional<Duration> after) {
    if (before.isEmpty() || after.isEmpty()) {
      return -1;
    }
    return after.get().minus(before.get()).toNanos() / 1e6;
  }

  private static double perWorkflow(double ms, long workflows) {
    return ms < 0 || workflows == 0 ? -1 : Math.round(ms / workflows * 1000) / 1000.0;
  }
}
