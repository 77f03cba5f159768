package io.apex.temporal.worker;

import com.typesafe.config.ConfigFactory;
import io.apex.temporal.config.ConfigLoadResult;
import io.apex.temporal.config.TemporalConfig;
import io.apex.temporal.config.TemporalConfigLoader;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Builds configurations for tests from environment-style variables, nothing else. */
public final class TestConfigs {
  private TestConfigs() {}

  public static ConfigLoadResult load(Map<String, String> environment) {
    return new TemporalConfigLoader(environment, Optional.empty(), ConfigFactory.empty()).load();
  }

  public static TemporalConfig config(Map<String, String> environment) {
    ConfigLoadResult result = load(environment);
    if (!result.valid()) {
      throw new AssertionError("test settings are invalid: " + result.problems());
    }
    return result.config().orElseThrow();
  }

  /** A worker with the embedded server on the given port, metrics on another, short timeouts. */
  public static TemporalConfig embedded(int port, int metricsPort, String taskQueue) {
    return config(Map.of(
        "TEMPORAL_HOST", "127.0.0.1",
        "TEMPORAL_PORT", String.valueOf(port),
        "TEMPORAL_METRICS_PORT", String.valueOf(metricsPort),
        "TEMPORAL_TASK_QUEUE", taskQueue,
        "TEMPORAL_EMBEDDED_SERVER", "always",
        "TEMPORAL_DRAIN_TIMEOUT", "10s",
        "TEMPORAL_CONNECT_TIMEOUT", "10s"));
  }

  /** The same settings with some replaced. */
  public static TemporalConfig with(Map<String, String> base, Map<String, String> overrides) {
    Map<String, String> merged = new HashMap<>(base);
    merged.putAll(overrides);
    return config(merged);
  }
}
