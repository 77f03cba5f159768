package io.apex.temporal.infra;

import io.apex.temporal.testkit.CliResult;
import io.apex.temporal.testkit.ExternalTool;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The promtool command line: checks of configuration and rules, and rule unit tests. */
public record PromTool(Path executable) {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  /** promtool from the testkit's lookup: fails under CI when missing, skips elsewhere. */
  public static PromTool require() {
    return new PromTool(ExternalTool.PROMTOOL.require());
  }

  public CliResult checkConfig(Path config) {
    return run(List.of("check", "config", config.toString()));
  }

  public CliResult checkRules(List<Path> ruleFiles) {
    return run(withFiles(List.of("check", "rules"), ruleFiles));
  }

  public CliResult testRules(List<Path> testFiles) {
    return run(withFiles(List.of("test", "rules"), testFiles));
  }

  public String version() {
    return run(List.of("--version")).output().lines().findFirst().orElse("promtool");
  }

  private CliResult run(List<String> arguments) {
    List<String> command = new ArrayList<>(List.of(executable.toString()));
    command.addAll(arguments);
    return CliResult.run(command, TIMEOUT);
  }

  private static List<String> withFiles(List<String> arguments, List<Path> files) {
    List<String> all = new ArrayList<>(arguments);
    files.forEach(file -> all.add(file.toString()));
    return all;
  }
}
