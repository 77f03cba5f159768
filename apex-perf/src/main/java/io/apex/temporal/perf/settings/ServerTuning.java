package io.apex.temporal.perf.settings;

import io.apex.temporal.testkit.DevServerSettings;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which settings a dev server the benchmark starts runs with: the project's tuned dynamic
 * configuration ({@code infra/temporal/dev-server.properties}) or the server's defaults, so that
 * both can be measured on one machine in one sitting. Read from {@code apex.perf.server-tuning} or
 * {@code APEX_PERF_SERVER_TUNING}, the property winning, like every benchmark setting.
 */
public enum ServerTuning {
  TUNED,
  UNTUNED;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public DevServerSettings devServerSettings() {
    return this == TUNED ? DevServerSettings.tuned() : DevServerSettings.untuned();
  }

  /** The chosen tuning, or the one problem with the value given. */
  public record Parsed(ServerTuning tuning, List<String> problems) {}

  public static Parsed parse(Map<String, String> environment, Map<String, String> properties) {
    PerfSetting setting = PerfSetting.SERVER_TUNING;
    Optional<String> value = setting.value(environment, properties);
    if (value.isEmpty()) {
      return new Parsed(TUNED, List.of());
    }
    return Arrays.stream(values())
        .filter(t -> t.label().equals(value.get()))
        .findFirst()
        .map(t -> new Parsed(t, List.<String>of()))
        .orElseGet(
            () ->
                new Parsed(
                    TUNED,
                    List.of(
                        setting.label()
                            + " must be one of tuned or untuned, got '"
                            + value.get()
                            + "'")));
  }
}
