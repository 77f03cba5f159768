package io.apex.temporal.perf.settings;

import java.nio.file.Path;
import java.util.Set;

/** One benchmark run's settings, read once from system properties and the environment. */
public record PerfSettings(
    PerfProfile profile,
    TargetKind target,
    boolean loadOnly,
    Set<Scenario> scenarios,
    Path reportDir,
    ScenarioSizes sizes,
    int starterThreads) {

  public PerfSettings {
    scenarios = Set.copyOf(scenarios);
  }

  public boolean runs(Scenario scenario) {
    return scenarios.contains(scenario);
  }
}
