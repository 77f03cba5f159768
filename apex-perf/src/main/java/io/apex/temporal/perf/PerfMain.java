package io.apex.temporal.perf;

import io.apex.temporal.perf.report.FloorCheck;
import io.apex.temporal.perf.report.PerfReport;
import io.apex.temporal.perf.report.ReportWriter;
import io.apex.temporal.perf.report.SettingsView;
import io.apex.temporal.perf.settings.EagerStartSetting;
import io.apex.temporal.perf.settings.PerfSetting;
import io.apex.temporal.perf.settings.PerfSettings;
import io.apex.temporal.perf.settings.PerfSettingsParser;
import io.apex.temporal.perf.settings.PerfSettingsResult;
import io.apex.temporal.perf.settings.Scenario;
import io.apex.temporal.perf.settings.ServerTuning;
import io.apex.temporal.perf.target.PhaseConfig;
import io.apex.temporal.worker.internal.cli.ExitCodes;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The benchmarks' command line ({@code mvn -pl apex-perf verify} runs it in its own JVM). Exit
 * status: 0 when every floor held, 1 when one failed or the run broke, 2 for bad settings.
 */
public final class PerfMain {

  private static final Logger log = LoggerFactory.getLogger(PerfMain.class);

  /** Runs the benchmark with valid settings; the tests give one that returns a made report. */
  @FunctionalInterface
  interface Benchmark {
    PerfReport run(
        PerfSettings settings, PhaseConfig phaseConfig, ServerTuning tuning, boolean eagerStart)
        throws Exception;
  }

  private final PrintStream out;
  private final PrintStream err;
  private final Benchmark benchmark;

  PerfMain(PrintStream out, PrintStream err) {
    this(
        out,
        err,
        (settings, phaseConfig, tuning, eagerStart) ->
            new BenchmarkRun(settings, phaseConfig, tuning, eagerStart).run());
  }

  PerfMain(PrintStream out, PrintStream err, Benchmark benchmark) {
    this.out = out;
    this.err = err;
    this.benchmark = benchmark;
  }

  public static void main(String[] args) {
    int status =
        new PerfMain(System.out, System.err)
            .run(System.getenv(), properties(System.getProperties()));
    // gRPC and the SDK leave non-daemon threads behind; the exit status is the result.
    System.exit(status);
  }

  int run(Map<String, String> environment, Map<String, String> properties) {
    PerfSettingsResult parsed = new PerfSettingsParser(environment, properties).parse();
    PhaseConfig phaseConfig = new PhaseConfig(environment);
    ServerTuning.Parsed tuning = ServerTuning.parse(environment, properties);
    EagerStartSetting eagerStart = EagerStartSetting.parse(environment, properties);
    List<String> problems = new ArrayList<>(parsed.problems());
    problems.addAll(tuning.problems());
    problems.addAll(eagerStart.problems());
    problems.addAll(phaseConfig.problems());
    if (!problems.isEmpty()) {
      problems.forEach(err::println);
      return ExitCodes.BAD_SETTINGS;
    }
    PerfSettings settings = parsed.settings().orElseThrow();
    printScenarios(settings);
    printSettings(settings, environment, properties, tuning.tuning(), eagerStart.enabled());
    try {
      PerfReport report =
          benchmark.run(settings, phaseConfig, tuning.tuning(), eagerStart.enabled());
      List<Path> files = new ReportWriter(settings.reportDir()).write(report);
      print(report, files);
      return report.passed() ? ExitCodes.OK : ExitCodes.FAILED;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println("benchmark interrupted");
      return ExitCodes.FAILED;
    } catch (Exception | Error e) {
      // An Error too (a class missing from a jar replaced under a running build, say) must end
      // in the exit status, so that System.exit runs the shutdown hooks that stop child servers.
      log.error("benchmark run failed", e);
      err.println("benchmark run failed: " + e);
      return ExitCodes.FAILED;
    }
  }

  /** What this run will measure, and where that choice came from, before it starts. */
  private void printScenarios(PerfSettings settings) {
    out.println(
        "Benchmark scenarios: "
            + labels(settings.scenarios())
            + " ("
            + PerfSetting.SCENARIOS.property()
            + " from "
            + settings.scenariosFrom()
            + ")");
    out.println(
        "Specification floors allowed not to run: "
            + (settings.allowedNotRun().isEmpty() ? "none" : labels(settings.allowedNotRun())));
  }

  /**
   * Each setting a property or a variable gave, with the name that gave it, then every value in
   * effect: what shows that a {@code -Dapex.perf.*} on Maven's command line reached this JVM.
   */
  private void printSettings(
      PerfSettings settings,
      Map<String, String> environment,
      Map<String, String> properties,
      ServerTuning tuning,
      boolean eagerStart) {
    List<String> given = new ArrayList<>();
    for (PerfSetting setting : PerfSetting.values()) {
      setting
          .source(environment, properties)
          .ifPresent(
              from ->
                  given.add(
                      setting.key()
                          + "="
                          + setting.value(environment, properties).orElseThrow()
                          + " ("
                          + from
                          + ")"));
    }
    out.println(
        "Benchmark settings given: " + (given.isEmpty() ? "none" : String.join(", ", given)));
    Map<String, String> effective = new LinkedHashMap<>(SettingsView.of(settings));
    effective.put(PerfSetting.SERVER_TUNING.property(), tuning.label());
    effective.put(PerfSetting.EAGER_START.property(), String.valueOf(eagerStart));
    out.println(
        "Benchmark settings in effect: "
            + effective.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining(", ")));
  }

  private static String labels(Set<Scenario> scenarios) {
    return scenarios.stream().sorted().map(Scenario::label).collect(Collectors.joining(", "));
  }

  private void print(PerfReport report, List<Path> files) {
    out.println();
    out.println(
        "Benchmark floors ("
            + report.profile()
            + " profile, "
            + report.settings().get("apex.perf.target")
            + " target):");
    for (FloorCheck check : report.floors()) {
      out.println(
          "  "
              + check.verdict()
              + "  "
              + check.name()
              + ": "
              + check.measured()
              + "  [rule: "
              + check.rule()
              + "]");
    }
    out.println(report.passed() ? "All floors held." : "A floor failed: the run fails.");
    files.forEach(file -> out.println("  wrote " + file.toAbsolutePath()));
  }

  private static Map<String, String> properties(Properties properties) {
    Map<String, String> map = new HashMap<>();
    properties.stringPropertyNames().forEach(name -> map.put(name, properties.getProperty(name)));
    return map;
  }
}
