package io.apex.temporal.worker.internal.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The arguments every greeting example takes: the name, and how long to wait for a worker. */
final class GreetingArguments {
  static final int MAX_TIMEOUT_SECONDS = 3600;

  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  @Parameters(
      index = "0",
      arity = "0..1",
      defaultValue = "World",
      description = "Name to greet (default: ${DEFAULT-VALUE}).")
  String name;

  int timeoutSeconds;

  @Option(
      names = "--timeout-seconds",
      defaultValue = "60",
      description =
          "How long to wait for a worker to finish the workflow, 1-3600 (default: ${DEFAULT-VALUE}).")
  void timeoutSeconds(int value) {
    // Checked before anything starts, so a bad value never leaves a workflow behind.
    if (value < 1 || value > MAX_TIMEOUT_SECONDS) {
      throw new ParameterException(
          command.commandLine(),
          "--timeout-seconds must be an integer"
              + " 1-"
              + MAX_TIMEOUT_SECONDS
              + ", got '"
              + value
              + "'");
    }
    timeoutSeconds = value;
  }
}
