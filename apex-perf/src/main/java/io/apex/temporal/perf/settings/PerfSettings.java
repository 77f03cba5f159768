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
    int starterThreads,
    String scenariosFrom,
    Set<Scenario> allowedNotRun) {

  /**
   * @param scenariosFrom where the scenario list came from: a property, a variable or the default
   * @param allowedNotRun scenarios whose specification floor may go unrun without failing the run
   */
  public PerfSettings {
    scenarios = Set.copyOf(scenarios);
    allowedNotRun = Set.copyOf(allowedNotRun);
  }

  public boolean runs(Scenario scenario) {
    return scenarios.contains(scenario);
  }
}
