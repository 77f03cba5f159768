package io.apex.temporal.perf.settings;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The sizes of a run. {@code short} is what CI runs on every build, inside three minutes on a
 * two-core machine; its memory run is a smoke test. {@code full} gives steadier figures and samples
 * the heap over 25,000 workflows, the figures to quote. {@code ci-dev-server} is CI's second run,
 * on the dev server.
 */
public enum PerfProfile {
  // The short memory run samples twice as often as the full one: its fewer workflows would
  // otherwise leave a slope fitted to ten noisy points.
  SHORT(new ScenarioSizes(500, 200, 32, 10, new RampPlan(25, 1.5, 5, 6, 1000), 1000, 10_000, 500)),
  FULL(
      new ScenarioSizes(
          2000, 1000, 32, 60, new RampPlan(20, 1.25, 20, 16, 1000), 1000, 25_000, 1_000)),
  // The second run CI makes, on the dev server (apex-perf/pom.xml, Maven profile
  // ci-dev-server-benchmark): short, shortened so the whole CI run stays under 15 minutes, while
  // every floor still runs (all 1,000 of the burst, the heap slope over 5,000 workflows).
  CI_DEV_SERVER(
      new ScenarioSizes(200, 100, 32, 10, new RampPlan(25, 1.5, 5, 4, 1000), 1000, 5_000, 500));

  private final ScenarioSizes sizes;

  PerfProfile(ScenarioSizes sizes) {
    this.sizes = sizes;
  }

  public ScenarioSizes sizes() {
    return sizes;
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Optional<PerfProfile> byLabel(String label) {
    return Arrays.stream(values()).filter(p -> p.label().equals(label)).findFirst();
  }
}
