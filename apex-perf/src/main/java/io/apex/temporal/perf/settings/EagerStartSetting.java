package io.apex.temporal.perf.settings;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code apex.perf.eager-start} ({@code APEX_PERF_EAGER_START}): whether the load generator starts
 * workflows through the worker's own client with eager workflow start. An experiment
 * (docs/performance.md, "Server tuning"), off by default; the property wins when not empty.
 */
public record EagerStartSetting(boolean enabled, List<String> problems) {

  public static EagerStartSetting parse(
      Map<String, String> environment, Map<String, String> properties) {
    PerfSetting setting = PerfSetting.EAGER_START;
    Optional<String> value = setting.value(environment, properties);
    if (value.isEmpty() || value.get().equals("false")) {
      return new EagerStartSetting(false, List.of());
    }
    if (value.get().equals("true")) {
      return new EagerStartSetting(true, List.of());
    }
    return new EagerStartSetting(
        false, List.of(setting.label() + " must be true or false, got '" + value.get() + "'"));
  }
}
