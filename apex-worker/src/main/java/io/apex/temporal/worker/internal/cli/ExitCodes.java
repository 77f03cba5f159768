package io.apex.temporal.worker.internal.cli;

import io.apex.temporal.worker.runtime.DrainOutcome;
import picocli.CommandLine;

/**
 * The exit statuses of every command line of the project (the worker jar, the benchmark, test
 * mains), named once: picocli's, plus ours for bad settings.
 */
public final class ExitCodes {
  /** Done, or a worker drained cleanly. */
  public static final int OK = CommandLine.ExitCode.OK;

  /** The work failed: an unreachable server, a failed document, a drain that timed out. */
  public static final int FAILED = CommandLine.ExitCode.SOFTWARE;

  /**
   * A setting is missing, malformed or unusable (a port in use, a TLS file without a certificate):
   * 2, the status picocli gives a bad command line, since both are the caller's input to fix.
   */
  public static final int BAD_SETTINGS = CommandLine.ExitCode.USAGE;

  /** A second SIGINT or SIGTERM stopped the worker at once, as a shell reports Ctrl-C (128 + 2). */
  public static final int SECOND_SIGNAL = 130;

  private ExitCodes() {}

  /** OK after a clean drain, FAILED when the drain timed out or failed. */
  public static int after(DrainOutcome outcome) {
    return outcome.clean() ? OK : FAILED;
  }
}
