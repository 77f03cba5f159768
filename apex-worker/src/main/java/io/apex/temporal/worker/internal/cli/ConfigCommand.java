package io.apex.temporal.worker.internal.cli;

import io.apex.temporal.config.ConfigLoadResult;
import io.apex.temporal.config.RawValue;
import io.apex.temporal.config.Setting;
import io.apex.temporal.config.TemporalConfig;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Prints every setting with its effective value and where it came from, secrets masked. Bad
 * settings are listed too, and the command then exits 2.
 */
@Command(
    name = "config",
    description = "Print the effective settings (secrets masked) and their sources.")
final class ConfigCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  private final ConfigLoadResult settings;

  ConfigCommand(ConfigLoadResult settings) {
    this.settings = settings;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    for (Setting setting : Setting.values()) {
      RawValue raw = settings.raw().get(setting).orElse(null);
      out.printf(
          "%-29s %-32s %s%n",
          setting.envVar(),
          raw == null ? "(unset)" : setting.shown(raw.value()),
          settings.raw().sourceLabel(setting));
    }
    out.println();
    out.println("Temporal profile: " + settings.raw().temporalProfile());
    out.flush();
    if (!settings.valid()) {
      ConfiguredCommand.printProblems(settings, spec.commandLine().getErr());
      return ExitCodes.BAD_SETTINGS;
    }
    TemporalConfig config = settings.config().orElseThrow();
    out.println();
    out.println("server target:  " + config.connection().target());
    out.println(
        "use Temporal:   "
            + config.rollout().useTemporal()
            + " (enabled "
            + config.rollout().enabled()
            + ", rollout "
            + config.rollout().percentage()
            + "%)");
    out.flush();
    return ExitCodes.OK;
  }
}
