package io.apex.temporal.config;

import java.util.Locale;

/**
 * Whether the worker starts the Java test server in-process. {@code AUTO} starts it only when
 * nothing answers at a target on this machine.
 */
public enum EmbeddedServerMode {
  AUTO,
  ALWAYS,
  NEVER;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
