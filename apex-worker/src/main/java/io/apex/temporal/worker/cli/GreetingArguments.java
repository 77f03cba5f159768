package io.apex.temporal.worker.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The arguments every greeting example takes: the name, and how long to wait for a worker. */
final class GreetingArguments {
  @Parameters(index = "0", arity = "0..1", defaultValue = "World",
      description = "Name to greet (default: ${DEFAULT-VALUE}).")
  String name;

  @Option(names = "--timeout-seconds", defaultValue = "60",
      description = "How long to wait for a worker to finish the workflow (default: ${DEFAULT-VALUE}).")
  int timeoutSeconds;
}
