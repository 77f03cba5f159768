package io.apex.temporal.perf.settings;

import java.util.List;
import java.util.Optional;

/** Either the settings or every problem found in them, one message per bad setting. */
public record PerfSettingsResult(Optional<PerfSettings> settings, List<String> problems) {

  public PerfSettingsResult {
    problems = List.copyOf(problems);
  }
}
