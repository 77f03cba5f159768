package io.apex.temporal.client;

import io.apex.temporal.config.ConfigProblem;

/**
 * A setting that passed validation but turned out unusable at start-up (a port in use, a TLS file
 * that holds no certificate). The command line reports it like any bad setting: one line, exit 2.
 */
public final class BadSettingException extends Exception {
  private static final long serialVersionUID = 1L;

  public BadSettingException(ConfigProblem problem, String detail, Throwable cause) {
    super(
        problem.message() + (detail == null || detail.isBlank() ? "" : " (" + detail + ")"), cause);
  }
}
