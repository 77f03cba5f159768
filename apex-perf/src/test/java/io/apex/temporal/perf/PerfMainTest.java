package io.apex.temporal.perf;

import static org.assertj.core.api.Assertions.assertThat;

import io.apex.temporal.perf.report.FloorCheck;
import io.apex.temporal.perf.report.Floors;
import io.apex.temporal.perf.report.Machine;
import io.apex.temporal.perf.report.PerfReport;
import io.apex.temporal.perf.report.SettingsView;
import io.apex.temporal.perf.scenario.RunResults;
import io.apex.temporal.perf.settings.PerfSettings;
import io.apex.temporal.worker.internal.cli.ExitCodes;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PerfMainTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final AtomicInteger benchmarkRuns = new AtomicInteger();
  @TempDir Path reports;

  private PerfMain mainReporting(List<FloorCheck> floors) {
    return new PerfMain(
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        (settings, phaseConfig, tuning, eagerStart) -> {
          benchmarkRuns.incrementAndGet();
          return report(settings, floors);
        });
  }

  /** A benchmark whose scenarios measured nothing: each floor is judged as BenchmarkRun does. */
  private PerfMain mainMeasuringNothing() {
    return new PerfMain(
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        (settings, phaseConfig, tuning, eagerStart) -> {
          benchmarkRuns.incrementAndGet();
          return report(settings, Floors.check(RunResults.none(), settings.allowedNotRun()));
        });
  }

  private static PerfReport report(PerfSettings settings, List<FloorCheck> floors) {
    return new PerfReport(
        "2026-01-01T00:00:00Z",
        settings.profile().label(),
        Floors.passed(floors),
        Machine.current(),
        SettingsView.of(settings),
        List.of(),
        null,
        null,
        null,
        null,
        null,
        null,
        floors,
        List.of(),
        null,
        List.of());
  }

  private Map<String, String> reportDir() {
    return Map.of("apex.perf.report-dir", reports.toString());
  }

  private String output() {
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void badBenchmarkAndTemporalSettingsEachGetOneLineAndExitStatusTwo() {
    int status =
        mainReporting(List.of())
            .run(Map.of("TEMPORAL_PORT", "abc"), Map.of("apex.perf.profile", "huge"));

    assertThat(status).isEqualTo(ExitCodes.BAD_SETTINGS);
    assertThat(err.toString(StandardCharsets.UTF_8).lines())
        .containsExactly(
            "apex.perf.profile (APEX_PERF_PROFILE) must be one of short, full or ci-dev-server, got 'huge'",
            "TEMPORAL_PORT must be an integer 1-65535, got 'abc'");
    assertThat(output()).isEmpty();
    assertThat(benchmarkRuns).hasValue(0);
  }

  @Test
  void aFailedFloorExitsWithStatusOne() {
    int status =
        mainReporting(
                List.of(
                    FloorCheck.of("workflow latency P90", "< 1000 ms", "20 ms", true),
                    FloorCheck.of("activities per second", ">= 10", "9.5", false)))
            .run(Map.of(), reportDir());

    assertThat(status).isEqualTo(1);
    assertThat(output())
        .contains("FAIL  activities per second: 9.5", "A floor failed: the run fails.");
  }

  @Test
  void everyFloorHeldExitsWithStatusZero() {
    int status =
        mainReporting(List.of(FloorCheck.of("workflow latency P90", "< 1000 ms", "20 ms", true)))
            .run(Map.of(), reportDir());

    assertThat(status).isZero();
    assertThat(output()).contains("All floors held.");
  }

  @Test
  void theEffectiveScenariosArePrintedBeforeTheRun() {
    mainReporting(List.of()).run(Map.of(), reportDir());

    assertThat(output().lines())
        .startsWith(
            "Benchmark scenarios: sequential, closed-loop, ramp, burst, memory"
                + " (apex.perf.scenarios from default)",
            "Specification floors allowed not to run: none");
  }

  @Test
  void theRunPrintsEachSettingGivenWithItsSourceAndEveryValueInEffect() {
    Map<String, String> properties =
        Map.of(
            "apex.perf.report-dir",
            reports.toString(),
            "apex.perf.profile",
            "full",
            "apex.perf.burst-workflows",
            "50");

    mainReporting(List.of()).run(Map.of("APEX_PERF_CONCURRENCY", "4"), properties);

    assertThat(output().lines())
        .contains(
            "Benchmark settings given: profile=full (apex.perf.profile), report-dir="
                + reports
                + " (apex.perf.report-dir), concurrency=4 (APEX_PERF_CONCURRENCY),"
                + " burst-workflows=50 (apex.perf.burst-workflows)")
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith("Benchmark settings in effect: apex.perf.profile=full,")
                    .contains(
                        "apex.perf.concurrency=4,",
                        "apex.perf.closed-loop-seconds=60,",
                        "apex.perf.burst-workflows=50,",
                        "apex.perf.memory-workflows=25000,")
                    .endsWith("apex.perf.server-tuning=tuned, apex.perf.eager-start=false"));
  }

  @Test
  void aVariableThatTurnsSpecificationFloorsOffMakesTheRunFail() {
    Map<String, String> properties =
        Map.of("apex.perf.report-dir", reports.toString(), "apex.perf.scenarios", "");

    int status =
        mainMeasuringNothing()
            .run(
                Map.of(
                    "APEX_PERF_SCENARIOS",
                    "ramp",
                    "APEX_PERF_ALLOW_NOT_RUN",
                    "sequential,closed-loop,burst,memory"),
                properties);

    assertThat(status).isEqualTo(1);
    assertThat(output())
        .contains(
            "Benchmark scenarios: ramp (apex.perf.scenarios from APEX_PERF_SCENARIOS)",
            "Specification floors allowed not to run: none",
            "FAIL  worker heap after GC");
  }

  @Test
  void anExplicitOptOutLetsANamedFloorGoUnrun() {
    int status =
        mainMeasuringNothing()
            .run(
                Map.of(),
                Map.of(
                    "apex.perf.report-dir",
                    reports.toString(),
                    "apex.perf.allow-not-run",
                    "sequential,closed-loop,burst,memory"));

    assertThat(status).isZero();
    assertThat(output())
        .contains(
            "Specification floors allowed not to run: sequential," + " closed-loop, burst, memory",
            "NOT_RUN  worker heap after GC");
  }

  @Test
  void underCiAScenarioListWithoutTheSpecificationFloorsNeverStartsTheRun() {
    int status =
        mainMeasuringNothing()
            .run(Map.of("CI", "true", "APEX_PERF_SCENARIOS", "ramp"), reportDir());

    assertThat(status).isEqualTo(ExitCodes.BAD_SETTINGS);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("CI=true runs every specification floor");
    assertThat(benchmarkRuns).hasValue(0);
  }
}
