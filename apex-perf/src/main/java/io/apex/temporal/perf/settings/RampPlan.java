package io.apex.temporal.perf.settings;

/**
 * The open-loop ramp: start workflows at {@code startRate} per second for {@code stepSeconds}, then
 * at {@code factor} times that rate, and so on, until a step's p99 exceeds {@code p99BoundMs} or
 * {@code maxSteps} steps have run.
 */
public record RampPlan(
    int startRate, double factor, int stepSeconds, int maxSteps, int p99BoundMs) {

  /** The start rate of step {@code index} (0-based), at least one more than the step before. */
  public int rateOfStep(int index) {
    int rate = startRate;
    for (int i = 0; i < index; i++) {
      rate = Math.max(rate + 1, (int) Math.round(rate * factor));
    }
    return rate;
  }
}
