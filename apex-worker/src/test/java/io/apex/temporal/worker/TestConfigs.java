package io.apex.temporal.worker;

import com.typesafe.config.ConfigFactory;
import io.apex.temporal.config.ConfigLoadResult;
import io.apex.temporal.config.TemporalConfig;
import io.apex.temporal.config.TemporalConfigLoader;
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
}
