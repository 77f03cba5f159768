package io.apex.temporal.worker.internal.cli;

import io.apex.temporal.client.BadSettingException;
import io.apex.temporal.client.TemporalUnreachableException;

/** One line for a failure a person can act on; the stack trace is for DEBUG logging only. */
final class StartupErrors {
  private StartupErrors() {}

  static String describe(Throwable e) {
    if (e instanceof BadSettingException
        || e instanceof TemporalUnreachableException
        || e instanceof IllegalArgumentException
        || e instanceof IllegalStateException) {
      return firstLine(e.getMessage());
    }
    return firstLine(e.toString());
  }

  private static String firstLine(String text) {
    return text == null ? "" : text.lines().findFirst().orElse("");
  }
}
