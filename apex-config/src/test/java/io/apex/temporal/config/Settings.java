package io.apex.temporal.config;

import java.util.List;
import java.util.Map;

/** Test fixtures: load settings from a given environment and nothing else. */
final class Settings {
  private Settings() {}

  static ConfigLoadResult load(Map<String, String> environment) {
    return TemporalConfigLoader.fromVariables(environment).load();
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
