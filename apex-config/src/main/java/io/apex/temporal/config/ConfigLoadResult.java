package io.apex.temporal.config;

import java.util.List;
import java.util.Optional;

/**
 * What loading the settings produced: the raw values with their sources (for display), and either a
 * valid configuration or every problem found.
 */
public record ConfigLoadResult(
    RawSettings raw, Optional<TemporalConfig> config, List<ConfigProblem> problems) {

  public ConfigLoadResult {
    problems = List.copyOf(problems);
    if (config.isPresent() == !problems.isEmpty()) {
      throw new IllegalArgumentException("a result holds a configuration or problems, not both");
    }
  }

  public boolean valid() {
    return config.isPresent();
  }
}
