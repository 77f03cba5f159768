package io.apex.temporal.config;

import java.util.Locale;

/**
 * Whether the worker starts the Java test server in-process. {@code AUTO} starts it only when no
 * server address is configured at all and nothing answers at the default one; {@code ALWAYS} starts
 * it on the configured port. It always listens on the loopback address only.
 */
public enum EmbeddedServerMode {
  AUTO,
  ALWAYS,
  NEVER;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
