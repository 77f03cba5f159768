package io.apex.temporal.perf.scenario;

/** The results of one run's scenarios; a scenario that was not run is {@code null}. */
public record RunResults(
    WarmUpResult warmUp,
    SequentialResult sequential,
    ClosedLoopResult closedLoop,
    RampResult ramp,
    BurstResult burst,
    MemoryResult memory) {

  public static RunResults none() {
    return new RunResults(null, null, null, null, null, null);
  }

  public RunResults withWarmUp(WarmUpResult value) {
    return new RunResults(value, sequential, closedLoop, ramp, burst, memory);
  }

  public RunResults withSequential(SequentialResult value) {
    return new RunResults(warmUp, value, closedLoop, ramp, burst, memory);
  }

  public RunResults withClosedLoop(ClosedLoopResult value) {
    return new RunResults(warmUp, sequential, value, ramp, burst, memory);
  }

  public RunResults withRamp(RampResult value) {
    return new RunResults(warmUp, sequential, closedLoop, value, burst, memory);
  }

  public RunResults withBurst(BurstResult value) {
    return new RunResults(warmUp, sequential, closedLoop, ramp, value, memory);
  }

  public RunResults withMemory(MemoryResult value) {
    return new RunResults(warmUp, sequential, closedLoop, ramp, burst, value);
  }
}
