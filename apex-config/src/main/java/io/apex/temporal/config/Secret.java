package io.apex.temporal.config;

import java.util.Objects;

/** A value that must never reach a log line, an error message or {@code toString}. */
public final class Secret {
  static final String MASK = "****";

  private final String value;

  public Secret(String value) {
    this.value = Objects.requireNonNull(value);
  }

  /** The secret itself, for the one place that sends it to the server. */
  public String reveal() {
    return value;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Secret secret && secret.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return MASK;
  }
}
