package io.apex.temporal.worker.internal.cli;

import io.apex.temporal.config.ConfigLoadResult;
import io.apex.temporal.config.ConfigProblem;
import io.apex.temporal.config.TemporalConfig;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that needs valid settings. Bad settings print one line per problem and exit 2, before
 * the command does anything.
 */
abstract class ConfiguredCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  private final ConfigLoadResult settings;

  ConfiguredCommand(ConfigLoadResult settings) {
    this.settings = settings;
  }

  @Override
  public final Integer call() throws Exception {
    if (!settings.valid()) {
      printProblems(settings, err());
      return ExitCodes.BAD_SETTINGS;
    }
    return run(settings.config().orElseThrow());
  }

  abstract int run(TemporalConfig config) throws Exception;

  ConfigLoadResult settings() {
    return settings;
  }

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  PrintWriter err() {
    return spec.commandLine().getErr();
  }

  static void printProblems(ConfigLoadResult settings, PrintWriter err) {
    for (ConfigProblem problem : settings.problems()) {
      err.println(problem.message());
    }
    err.flush();
  }
}
