package io.apex.temporal.config;

import com.typesafe.config.ConfigFactory;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Test fixtures: load settings from a given environment and nothing else. */
final class Settings {
  private Settings() {}

  static ConfigLoadResult load(Map<String, String> environment) {
    return new TemporalConfigLoader(environment, Optional.empty(), ConfigFactory.empty()).load();
  }

  static TemporalConfig valid(Map<String, String> environment) {
    ConfigLoadResult result = load(environment);
    if (!result.valid()) {
      throw new AssertionError("expected valid settings, got " + result.problems());
    }
    return result.config().orElseThrow();
  }

  static List<String> problems(Map<String, String> environment) {
    return load(environment).problems().stream().map(ConfigProblem::message).toList();
  }
}
