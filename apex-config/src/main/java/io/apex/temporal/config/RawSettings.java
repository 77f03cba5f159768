package io.apex.temporal.config;

import java.util.Map;
import java.util.Optional;

/**
 * Every setting's raw value after the sources are layered; unset optional settings are absent.
 * {@code envFile} names the env file that was read, as a person should see it; {@code
 * temporalProfile} says which profile of Temporal's configuration file was read, if any.
 */
public record RawSettings(Map<Setting, RawValue> values, String envFile, String temporalProfile) {

  public RawSettings {
    values = Map.copyOf(values);
  }

  public RawSettings(Map<Setting, RawValue> values) {
    this(values, Source.ENV_FILE.label(), "none");
  }

  /**
   * Where the setting's value came from, naming the real env file and, for Temporal's profile, the
   * profile and its file; empty when unset.
   */
  public String sourceLabel(Setting setting) {
    return get(setting)
        .map(raw -> raw.source() == Source.ENV_FILE ? envFile : raw.origin())
        .orElse("");
  }

  public Optional<RawValue> get(Setting setting) {
    return Optional.ofNullable(values.get(setting));
  }

  /** The trimmed value, or an empty string when the setting is unset. */
  public String text(Setting setting) {
    return get(setting).map(raw -> raw.value().trim()).orElse("");
  }

  /** Every set value as it may be shown to a person, secrets masked. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("RawSettings[");
    for (Setting setting : Setting.values()) {
      get(setting)
          .ifPresent(
              raw ->
                  text.append(setting.envVar())
                      .append('=')
                      .append(setting.shown(raw.value()))
                      .append(" (")
                      .append(sourceLabel(setting))
                      .append("), "));
    }
    return text.append(']').toString();
  }
}
