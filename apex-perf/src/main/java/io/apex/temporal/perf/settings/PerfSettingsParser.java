package io.apex.temporal.perf.settings;

import static io.apex.temporal.perf.settings.PerfSetting.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads the benchmark settings from system properties and the environment, checks each one and
 * returns every problem at once, in the words of the platform's settings messages.
 */
public final class PerfSettingsParser {
  /** A slope fitted to fewer heap samples than this says little. */
  public static final int MINIMUM_MEMORY_SAMPLES = 5;

  static final int DEFAULT_STARTER_THREADS = 16;
  static final Path DEFAULT_REPORT_DIR = Path.of("target", "perf");

  private final Map<String, String> environment;
  private final Map<String, String> properties;
  private final List<String> problems = new ArrayList<>();

  public PerfSettingsParser(Map<String, String> environment, Map<String, String> properties) {
    this.environment = Map.copyOf(environment);
    this.properties = Map.copyOf(properties);
  }

  public PerfSettingsResult parse() {
    PerfProfile profile =
        choice(
            PROFILE,
            PerfProfile::byLabel,
            PerfProfile.SHORT,
            labels(Arrays.stream(PerfProfile.values()).map(PerfProfile::label)));
    TargetKind target =
        choice(
            TARGET,
            TargetKind::byLabel,
            TargetKind.EMBEDDED,
            labels(Arrays.stream(TargetKind.values()).map(TargetKind::label)));
    boolean loadOnly = bool(LOAD_ONLY);
    if (loadOnly && target != TargetKind.EXISTING) {
      problems.add(
          LOAD_ONLY.label()
              + " needs "
              + TARGET.label()
              + " existing (another worker"
              + " must serve the task queue), got '"
              + target.label()
              + "'");
    }
    Set<Scenario> scenarios = scenarios();
    Set<Scenario> allowedNotRun = allowedNotRun();
    if (continuousIntegration()) {
      requireEverySpecificationFloor(scenarios, allowedNotRun, loadOnly);
    }
    Path reportDir = raw(REPORT_DIR).map(Path::of).orElse(DEFAULT_REPORT_DIR);

    ScenarioSizes defaults = profile.sizes();
    RampPlan defaultRamp = defaults.ramp();
    RampPlan ramp =
        new RampPlan(
            integer(RAMP_START_RATE, 1, defaultRamp.startRate()),
            factor(defaultRamp.factor()),
            integer(RAMP_STEP_SECONDS, 1, defaultRamp.stepSeconds()),
            integer(RAMP_MAX_STEPS, 1, defaultRamp.maxSteps()),
            integer(RAMP_P99_BOUND_MS, 1, defaultRamp.p99BoundMs()));
    int memoryWorkflows = integer(MEMORY_WORKFLOWS, 1, defaults.memoryWorkflows());
    int sampleEvery = integer(MEMORY_SAMPLE_EVERY, 1, defaults.memorySampleEvery());
    if (sampleEvery * MINIMUM_MEMORY_SAMPLES > memoryWorkflows) {
      problems.add(
          MEMORY_SAMPLE_EVERY.label()
              + " must leave at least "
              + MINIMUM_MEMORY_SAMPLES
              + " samples in "
              + memoryWorkflows
              + " workflows, got '"
              + sampleEvery
              + "'");
    }
    ScenarioSizes sizes =
        new ScenarioSizes(
            integer(WARMUP_WORKFLOWS, 0, defaults.warmupWorkflows()),
            integer(SEQUENTIAL_WORKFLOWS, 1, defaults.sequentialWorkflows()),
            integer(CONCURRENCY, 1, defaults.concurrency()),
            integer(CLOSED_LOOP_SECONDS, 1, defaults.closedLoopSeconds()),
            ramp,
            integer(BURST_WORKFLOWS, 1, defaults.burstWorkflows()),
            memoryWorkflows,
            sampleEvery);
    int starterThreads = integer(STARTER_THREADS, 1, DEFAULT_STARTER_THREADS);

    if (!problems.isEmpty()) {
      return new PerfSettingsResult(Optional.empty(), problems);
    }
    return new PerfSettingsResult(
        Optional.of(
            new PerfSettings(
                profile,
                target,
                loadOnly,
                scenarios,
                reportDir,
                sizes,
                starterThreads,
                source(SCENARIOS),
                allowedNotRun)),
        List.of());
  }

  /**
   * The property when set and not empty, else the environment variable when set, trimmed; only the
   * property for a setting that the environment may not give.
   */
  private Optional<String> raw(PerfSetting setting) {
    return setting.value(environment, properties);
  }

  /** Which name gave a setting its value, for the run's printout: the default when none did. */
  private String source(PerfSetting setting) {
    return setting.source(environment, properties).orElse("default");
  }

  private boolean continuousIntegration() {
    return "true".equalsIgnoreCase(environment.getOrDefault("CI", "").trim());
  }

  /** Under CI=true no specification floor may go unrun, whatever the settings say. */
  private void requireEverySpecificationFloor(
      Set<Scenario> scenarios, Set<Scenario> allowedNotRun, boolean loadOnly) {
    List<String> left =
        Arrays.stream(Scenario.values())
            .filter(Scenario::hasSpecificationFloor)
            .filter(scenario -> !scenarios.contains(scenario))
            .map(Scenario::label)
            .toList();
    if (!left.isEmpty()) {
      problems.add(
          "CI=true runs every specification floor, but "
              + SCENARIOS.label()
              + " from "
              + source(SCENARIOS)
              + " leaves out "
              + String.join(", ", left)
              + ", got '"
              + raw(SCENARIOS).orElse("all")
              + "'");
    }
    if (!allowedNotRun.isEmpty()) {
      problems.add(
          ALLOW_NOT_RUN.label()
              + " must be empty under CI=true, got '"
              + raw(ALLOW_NOT_RUN).orElse("")
              + "'");
    }
    if (loadOnly) {
      problems.add(
          "CI=true measures the worker's memory, which " + LOAD_ONLY.label() + " rules out");
    }
  }

  private Set<Scenario> allowedNotRun() {
    Optional<String> value = raw(ALLOW_NOT_RUN);
    Set<Scenario> allowed = EnumSet.noneOf(Scenario.class);
    if (value.isEmpty()) {
      return allowed;
    }
    for (String label : value.get().split(",")) {
      Optional<Scenario> scenario =
          Scenario.byLabel(label.trim()).filter(Scenario::hasSpecificationFloor);
      if (scenario.isEmpty()) {
        String allowedLabels =
            Arrays.stream(Scenario.values())
                .filter(Scenario::hasSpecificationFloor)
                .map(Scenario::label)
                .collect(Collectors.joining(", "));
        reject(ALLOW_NOT_RUN, "a comma list of " + allowedLabels, value.get());
        return EnumSet.noneOf(Scenario.class);
      }
      allowed.add(scenario.get());
    }
    return allowed;
  }

  private <T> T choice(
      PerfSetting setting, Function<String, Optional<T>> byLabel, T fallback, String allowed) {
    Optional<String> value = raw(setting);
    if (value.isEmpty()) {
      return fallback;
    }
    Optional<T> parsed = byLabel.apply(value.get());
    if (parsed.isEmpty()) {
      reject(setting, "one of " + allowed, value.get());
      return fallback;
    }
    return parsed.get();
  }

  private boolean bool(PerfSetting setting) {
    Optional<String> value = raw(setting);
    if (value.isEmpty()) {
      return false;
    }
    if (!value.get().equals("true") && !value.get().equals("false")) {
      reject(setting, "true or false", value.get());
      return false;
    }
    return Boolean.parseBoolean(value.get());
  }

  private int integer(PerfSetting setting, int minimum, int fallback) {
    Optional<String> value = raw(setting);
    if (value.isEmpty()) {
      return fallback;
    }
    try {
      int parsed = Integer.parseInt(value.get());
      if (parsed >= minimum) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below, like a value under the minimum
    }
    reject(setting, "an integer >= " + minimum, value.get());
    return fallback;
  }

  private double factor(double fallback) {
    Optional<String> value = raw(RAMP_FACTOR);
    if (value.isEmpty()) {
      return fallback;
    }
    try {
      double parsed = Double.parseDouble(value.get());
      if (parsed > 1.0 && Double.isFinite(parsed)) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below, like a factor that does not grow
    }
    reject(RAMP_FACTOR, "a number > 1", value.get());
    return fallback;
  }

  private Set<Scenario> scenarios() {
    Optional<String> value = raw(SCENARIOS);
    if (value.isEmpty() || value.get().equals("all")) {
      return EnumSet.allOf(Scenario.class);
    }
    Set<Scenario> chosen = EnumSet.noneOf(Scenario.class);
    for (String label : value.get().split(",")) {
      Optional<Scenario> scenario = Scenario.byLabel(label.trim());
      if (scenario.isEmpty()) {
        String allowed =
            Arrays.stream(Scenario.values()).map(Scenario::label).collect(Collectors.joining(", "));
        reject(SCENARIOS, "'all' or a comma list of " + allowed, value.get());
        return EnumSet.allOf(Scenario.class);
      }
      chosen.add(scenario.get());
    }
    return chosen;
  }

  /** {@code a, b or c}: the values an enum allows, as an error message lists them. */
  private static String labels(Stream<String> labels) {
    List<String> all = labels.toList();
    return all.size() == 1
        ? all.get(0)
        : String.join(", ", all.subList(0, all.size() - 1)) + " or " + all.get(all.size() - 1);
  }

  private void reject(PerfSetting setting, String rule, String value) {
    problems.add(setting.label() + " must be " + rule + ", got '" + value + "'");
  }
}
