package io.apex.temporal.perf.settings;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every benchmark setting: a system property {@code apex.perf.<key>} (what {@code mvn -D...}
 * forwards) and an environment variable {@code APEX_PERF_<KEY>}. The property wins when both are
 * set, because it is the more specific, per-run choice.
 */
public enum PerfSetting {
  PROFILE(
      "profile",
      "short, full or ci-dev-server (CI's dev-server run): the sizes below default to this"
          + " profile's"),
  TARGET("target", "embedded, dev-server or existing: which Temporal server the load runs against"),
  LOAD_ONLY("load-only", "true: start no worker, drive the task queue another worker serves"),
  SCENARIOS("scenarios", "comma list of sequential, closed-loop, ramp, burst, memory; default all"),
  ALLOW_NOT_RUN(
      "allow-not-run",
      false,
      "comma list of the scenarios whose specification floor may"
          + " go unrun without failing the run; system property only, refused under CI=true"),
  REPORT_DIR("report-dir", "where report.json, report.md and the charts go"),
  WARMUP_WORKFLOWS("warmup-workflows", "workflows run before any measurement"),
  SEQUENTIAL_WORKFLOWS("sequential-workflows", "workflows run one after another for latency"),
  CONCURRENCY("concurrency", "workflows in flight in the closed loop"),
  CLOSED_LOOP_SECONDS("closed-loop-seconds", "how long the closed loop runs"),
  RAMP_START_RATE("ramp-start-rate", "the open loop's first start rate, workflows per second"),
  RAMP_FACTOR("ramp-factor", "each ramp step's rate is the previous one times this"),
  RAMP_STEP_SECONDS("ramp-step-seconds", "how long each ramp step starts workflows"),
  RAMP_MAX_STEPS("ramp-max-steps", "the ramp stops after this many steps"),
  RAMP_P99_BOUND_MS("ramp-p99-bound-ms", "a ramp step passes when its p99 stays under this"),
  BURST_WORKFLOWS("burst-workflows", "workflows started at once"),
  MEMORY_WORKFLOWS("memory-workflows", "workflows run while the worker's heap is sampled"),
  MEMORY_SAMPLE_EVERY("memory-sample-every", "workflows between two heap samples"),
  STARTER_THREADS("starter-threads", "threads that make the blocking start calls"),
  SERVER_TUNING(
      "server-tuning",
      "tuned (default) or untuned: the dev server with our dynamic config or with its defaults"),
  EAGER_START(
      "eager-start",
      "true: start workflows through the worker's own client with eager workflow start");

  private final String key;
  private final boolean fromEnvironment;
  private final String description;

  PerfSetting(String key, String description) {
    this(key, true, description);
  }

  /**
   * @param fromEnvironment false for a setting that only a system property may give, so that a
   *     variable left in an environment cannot change it unseen
   */
  PerfSetting(String key, boolean fromEnvironment, String description) {
    this.key = key;
    this.fromEnvironment = fromEnvironment;
    this.description = description;
  }

  public boolean fromEnvironment() {
    return fromEnvironment;
  }

  public String key() {
    return key;
  }

  public String property() {
    return "apex.perf." + key;
  }

  public String envVar() {
    return "APEX_PERF_" + key.toUpperCase(Locale.ROOT).replace('-', '_');
  }

  public String description() {
    return description;
  }

  /**
   * The value given: the system property when set and not empty, else the environment variable when
   * set and not empty (for a setting the environment may give), trimmed.
   */
  public Optional<String> value(Map<String, String> environment, Map<String, String> properties) {
    return nonEmpty(properties.get(property()))
        .or(() -> fromEnvironment ? nonEmpty(environment.get(envVar())) : Optional.empty());
  }

  /** The system property alone, when set and not empty, trimmed. */
  public Optional<String> propertyValue(Map<String, String> properties) {
    return nonEmpty(properties.get(property()));
  }

  /**
   * Which name gave the value {@link #value} returns: the system property or the environment
   * variable; empty when neither did, so the default applies.
   */
  public Optional<String> source(Map<String, String> environment, Map<String, String> properties) {
    if (propertyValue(properties).isPresent()) {
      return Optional.of(property());
    }
    return value(environment, properties).map(v -> envVar());
  }

  private static Optional<String> nonEmpty(String value) {
    return Optional.ofNullable(value).map(String::trim).filter(v -> !v.isEmpty());
  }

  /** How a message names the setting, e.g. {@code apex.perf.target (APEX_PERF_TARGET)}. */
  public String label() {
    return fromEnvironment ? property() + " (" + envVar() + ")" : property();
  }
}
