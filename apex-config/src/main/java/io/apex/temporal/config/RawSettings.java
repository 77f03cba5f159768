package io.apex.temporal.config;

import java.util.Map;
import java.util.Optional;

/**
 * Every setting's raw value after the sources are layered; unset optional settings are absent.
 * {@code temporalProfile} says which profile of Temporal's configuration file was read, if any.
 */
public record RawSettings(Map<Setting, RawValue> values, String temporalProfile) {

  public RawSettings {
    values = Map.copyOf(values);
  }

  public RawSettings(Map<Setting, RawValue> values) {
    this(values, "none");
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
      get(setting).ifPresent(raw -> text.append(setting.envVar()).append('=')
          .append(setting.shown(raw.value())).append(" (").append(raw.source().label())
          .append("), "));
    }
    return text.append(']').toString();
  }
}
