package io.apex.temporal.perf.target;

import io.apex.temporal.config.ConfigLoadResult;
import io.apex.temporal.config.ConfigProblem;
import io.apex.temporal.config.EmbeddedServerMode;
import io.apex.temporal.config.Setting;
import io.apex.temporal.config.TemporalConfig;
import io.apex.temporal.config.TemporalConfigLoader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a phase's {@link TemporalConfig} the way the worker builds its own: from the real
 * environment's {@code TEMPORAL_*} settings (so tuning variables apply to the worker under test),
 * with the few values the benchmark itself must decide laid over them.
 */
public final class PhaseConfig {
  private final Map<String, String> environment;

  public PhaseConfig(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  /** Every problem in the real environment's settings, before anything starts. */
  public List<String> problems() {
    return load(Map.of(Setting.EMBEDDED_SERVER, EmbeddedServerMode.NEVER.label()))
        .problems()
        .stream()
        .map(ConfigProblem::message)
        .toList();
  }

  /** The environment's task queue: the one another worker serves in load-only mode. */
  public String configuredTaskQueue() {
    return config(Map.of()).runtime().taskQueue();
  }

  public TemporalConfig config(Map<Setting, String> overrides) {
    ConfigLoadResult result = load(overrides);
    return result
        .config()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "invalid settings: "
                        + result.problems().stream().map(ConfigProblem::message).toList()));
  }

  private ConfigLoadResult load(Map<Setting, String> overrides) {
    Map<String, String> merged = new HashMap<>(environment);
    overrides.forEach((setting, value) -> merged.put(setting.envVar(), value));
    return TemporalConfigLoader.fromVariables(merged).load();
  }
}
