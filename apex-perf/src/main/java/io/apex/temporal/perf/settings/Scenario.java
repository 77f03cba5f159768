package io.apex.temporal.perf.settings;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The benchmark scenarios, in the order a run performs them. */
public enum Scenario {
  SEQUENTIAL(true),
  CLOSED_LOOP(true),
  RAMP(false),
  BURST(true),
  MEMORY(true);

  private final boolean specificationFloor;

  Scenario(boolean specificationFloor) {
    this.specificationFloor = specificationFloor;
  }

  /**
   * True when the scenario measures a floor the specification names (latency P90, activities per
   * second, concurrent workflows, memory stable over time): such a floor must run.
   */
  public boolean hasSpecificationFloor() {
    return specificationFloor;
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Optional<Scenario> byLabel(String label) {
    return Arrays.stream(values()).filter(s -> s.label().equals(label)).findFirst();
  }
}
