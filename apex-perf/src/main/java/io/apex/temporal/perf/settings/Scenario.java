package io.apex.temporal.perf.settings;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The benchmark scenarios, in the order a run performs them. */
public enum Scenario {
  SEQUENTIAL,
  CLOSED_LOOP,
  RAMP,
  BURST,
  MEMORY;

  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Optional<Scenario> byLabel(String label) {
    return Arrays.stream(values()).filter(s -> s.label().equals(label)).findFirst();
  }
}
