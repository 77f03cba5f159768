package io.apex.temporal.testkit;

import java.time.Duration;
import java.util.List;

/** What a finished command printed and its exit status. */
public record CliResult(int exitCode, String output) {

  /** Runs a command to completion (stdout and stderr together), killing it after the timeout. */
  public static CliResult run(List<String> command, Duration timeout) {
    ChildProcess.Finished finished = ChildProcess.command(command.get(0), command).run(timeout);
    return new CliResult(finished.exitCode(), finished.output());
  }
}
