package io.apex.temporal.perf.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PerfSettingsParserTest {

  private static PerfSettingsResult parse(Map<String, String> env, Map<String, String> props) {
    return new PerfSettingsParser(env, props).parse();
  }

  private static PerfSettings valid(Map<String, String> env, Map<String, String> props) {
    PerfSettingsResult result = parse(env, props);
    assertThat(result.problems()).isEmpty();
    return result.settings().orElseThrow();
  }

  @Test
  void nothingSetMeansTheShortProfileOnTheEmbeddedServerWithEveryScenario() {
    PerfSettings settings = valid(Map.of(), Map.of());

    assertThat(settings.profile()).isEqualTo(PerfProfile.SHORT);
    assertThat(settings.target()).isEqualTo(TargetKind.EMBEDDED);
    assertThat(settings.loadOnly()).isFalse();
    assertThat(settings.scenarios()).isEqualTo(EnumSet.allOf(Scenario.class));
    assertThat(settings.sizes()).isEqualTo(PerfProfile.SHORT.sizes());
    assertThat(settings.reportDir()).isEqualTo(Path.of("target", "perf"));
  }

  @Test
  void theFullProfileBringsItsOwnSizes() {
    PerfSettings settings = valid(Map.of(), Map.of("apex.perf.profile", "full"));

    assertThat(settings.sizes()).isEqualTo(PerfProfile.FULL.sizes());
  }

  @Test
  void theCiDevServerProfileShortensTheShortOneAndKeepsEveryFloorRunning() {
    PerfSettings settings = valid(Map.of(), Map.of("apex.perf.profile", "ci-dev-server"));

    ScenarioSizes sizes = settings.sizes();
    assertThat(sizes.warmupWorkflows()).isEqualTo(200);
    assertThat(sizes.sequentialWorkflows()).isEqualTo(100);
    assertThat(sizes.closedLoopSeconds()).isEqualTo(10);
    assertThat(sizes.ramp().maxSteps()).isEqualTo(4);
    assertThat(sizes.burstWorkflows()).isEqualTo(1000);
    assertThat(sizes.memoryWorkflows()).isEqualTo(5000);
    assertThat(sizes.memorySampleEvery()).isEqualTo(500);
  }

  @Test
  void anUnknownProfileIsRefusedNamingEveryProfile() {
    assertThat(parse(Map.of(), Map.of("apex.perf.profile", "huge")).problems())
        .containsExactly(
            "apex.perf.profile (APEX_PERF_PROFILE) must be one of short, full or ci-dev-server,"
                + " got 'huge'");
  }

  @Test
  void theFullProfileSamplesMemoryOverAtLeastTwentyThousandWorkflows() {
    assertThat(PerfProfile.FULL.sizes().memoryWorkflows()).isGreaterThanOrEqualTo(20_000);
  }

  @Test
  void aSystemPropertyWinsOverTheEnvironmentVariable() {
    PerfSettings settings =
        valid(
            Map.of("APEX_PERF_TARGET", "existing", "APEX_PERF_CONCURRENCY", "8"),
            Map.of("apex.perf.target", "dev-server"));

    assertThat(settings.target()).isEqualTo(TargetKind.DEV_SERVER);
    assertThat(settings.sizes().concurrency()).isEqualTo(8);
  }

  @Test
  void anEmptyPropertyCountsAsUnsetSoTheEnvironmentStillApplies() {
    // An empty -Dapex.perf.target= on the command line is forwarded as it is.
    PerfSettings settings =
        valid(Map.of("APEX_PERF_TARGET", "dev-server"), Map.of("apex.perf.target", ""));

    assertThat(settings.target()).isEqualTo(TargetKind.DEV_SERVER);
  }

  @Test
  void oneSizeOverridesOnlyThatSize() {
    PerfSettings settings = valid(Map.of(), Map.of("apex.perf.burst-workflows", "50"));

    assertThat(settings.sizes().burstWorkflows()).isEqualTo(50);
    assertThat(settings.sizes().concurrency()).isEqualTo(PerfProfile.SHORT.sizes().concurrency());
  }

  @Test
  void everyBadValueIsReportedNamingThePropertyTheVariableAndTheValue() {
    PerfSettingsResult result =
        parse(
            Map.of("APEX_PERF_CONCURRENCY", "many"),
            Map.of(
                "apex.perf.target", "cloud",
                "apex.perf.ramp-factor", "1",
                "apex.perf.scenarios", "sequential,soak"));

    assertThat(result.settings()).isEmpty();
    assertThat(result.problems())
        .containsExactlyInAnyOrder(
            "apex.perf.target (APEX_PERF_TARGET) must be one of embedded, dev-server or existing,"
                + " got 'cloud'",
            "apex.perf.concurrency (APEX_PERF_CONCURRENCY) must be an integer >= 1, got 'many'",
            "apex.perf.ramp-factor (APEX_PERF_RAMP_FACTOR) must be a number > 1, got '1'",
            "apex.perf.scenarios (APEX_PERF_SCENARIOS) must be 'all' or a comma list of sequential,"
                + " closed-loop, ramp, burst, memory, got 'sequential,soak'");
  }

  @Test
  void loadOnlyModeNeedsAnExistingServerWhoseWorkersServeTheQueue() {
    PerfSettingsResult result = parse(Map.of(), Map.of("apex.perf.load-only", "true"));

    assertThat(result.problems())
        .containsExactly(
            "apex.perf.load-only (APEX_PERF_LOAD_ONLY)"
                + " needs apex.perf.target (APEX_PERF_TARGET) existing (another worker must serve the"
                + " task queue), got 'embedded'");
  }

  @Test
  void loadOnlyModeAgainstAnExistingServerIsValid() {
    PerfSettings settings =
        valid(Map.of("APEX_PERF_TARGET", "existing", "APEX_PERF_LOAD_ONLY", "true"), Map.of());

    assertThat(settings.loadOnly()).isTrue();
  }

  @Test
  void theMemoryScenarioNeedsEnoughSamplesForASlope() {
    PerfSettingsResult result =
        parse(
            Map.of(),
            Map.of("apex.perf.memory-workflows", "1000", "apex.perf.memory-sample-every", "500"));

    assertThat(result.problems())
        .containsExactly(
            "apex.perf.memory-sample-every"
                + " (APEX_PERF_MEMORY_SAMPLE_EVERY) must leave at least 5 samples in 1000 workflows,"
                + " got '500'");
  }

  @Test
  void aChosenSubsetOfScenariosIsRunAlone() {
    PerfSettings settings = valid(Map.of(), Map.of("apex.perf.scenarios", "burst, memory"));

    assertThat(settings.scenarios()).containsExactlyInAnyOrder(Scenario.BURST, Scenario.MEMORY);
    assertThat(settings.runs(Scenario.SEQUENTIAL)).isFalse();
  }

  @Test
  void theRunSaysWhereItsScenarioListCameFrom() {
    assertThat(valid(Map.of(), Map.of()).scenariosFrom()).isEqualTo("default");
    assertThat(valid(Map.of(), Map.of("apex.perf.scenarios", "burst")).scenariosFrom())
        .isEqualTo("apex.perf.scenarios");
    PerfSettings fromEnvironment =
        valid(Map.of("APEX_PERF_SCENARIOS", "ramp"), Map.of("apex.perf.scenarios", ""));
    assertThat(fromEnvironment.scenarios()).containsExactly(Scenario.RAMP);
    assertThat(fromEnvironment.scenariosFrom()).isEqualTo("APEX_PERF_SCENARIOS");
  }

  @Test
  void underCiAVariableThatLeavesOutSpecificationFloorsIsRefused() {
    // An empty -Dapex.perf.scenarios= on the command line; the variable fills it in.
    PerfSettingsResult result =
        parse(
            Map.of("CI", "true", "APEX_PERF_SCENARIOS", "ramp"), Map.of("apex.perf.scenarios", ""));

    assertThat(result.settings()).isEmpty();
    assertThat(result.problems())
        .containsExactly(
            "CI=true runs every specification floor, but"
                + " apex.perf.scenarios (APEX_PERF_SCENARIOS) from APEX_PERF_SCENARIOS leaves out"
                + " sequential, closed-loop, burst, memory, got 'ramp'");
  }

  @Test
  void underCiEveryScenarioRunsAndNoFloorMayBeOptedOut() {
    assertThat(valid(Map.of("CI", "true"), Map.of()).scenarios())
        .isEqualTo(EnumSet.allOf(Scenario.class));
    assertThat(parse(Map.of("CI", "true"), Map.of("apex.perf.allow-not-run", "memory")).problems())
        .containsExactly("apex.perf.allow-not-run must be empty under CI=true, got 'memory'");
    assertThat(
            parse(
                    Map.of(
                        "CI",
                        "true",
                        "APEX_PERF_TARGET",
                        "existing",
                        "APEX_PERF_LOAD_ONLY",
                        "true"),
                    Map.of())
                .problems())
        .containsExactly(
            "CI=true measures the worker's memory, which apex.perf.load-only"
                + " (APEX_PERF_LOAD_ONLY) rules out");
  }

  @Test
  void theOptOutComesOnlyFromItsSystemPropertyAndNamesSpecificationFloors() {
    assertThat(valid(Map.of("APEX_PERF_ALLOW_NOT_RUN", "memory"), Map.of()).allowedNotRun())
        .isEmpty();
    assertThat(valid(Map.of(), Map.of("apex.perf.allow-not-run", "memory, burst")).allowedNotRun())
        .containsExactlyInAnyOrder(Scenario.MEMORY, Scenario.BURST);
    assertThat(parse(Map.of(), Map.of("apex.perf.allow-not-run", "ramp")).problems())
        .containsExactly(
            "apex.perf.allow-not-run must be a comma list of sequential,"
                + " closed-loop, burst, memory, got 'ramp'");
  }
}
