package io.apex.temporal.perf.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.apex.temporal.perf.report.FloorCheck.Verdict;
import io.apex.temporal.perf.scenario.MemoryResult;
import io.apex.temporal.perf.scenario.RunResults;
import java.util.List;
import org.junit.jupiter.api.Test;

class FloorsTest {

  private static Verdict verdictOf(RunResults results, String floorNameStart) {
    return Floors.check(results).stream()
        .filter(check -> check.name().startsWith(floorNameStart))
        .findFirst().orElseThrow().verdict();
  }

  @Test
  void aHealthyRunMeetsEveryFloor() {
    List<FloorCheck> checks = Floors.check(Results.healthy());

    assertThat(checks).extracting(FloorCheck::verdict).containsOnly(Verdict.PASS);
    assertThat(Floors.passed(checks)).isTrue();
  }

  @Test
  void latencyP90MustStayUnderOneSecond() {
    assertThat(verdictOf(Results.healthy().withSequential(Results.sequential(999.9)),
        "workflow latency")).isEqualTo(Verdict.PASS);
    assertThat(verdictOf(Results.healthy().withSequential(Results.sequential(1000)),
        "workflow latency")).isEqualTo(Verdict.FAIL);
  }

  @Test
  void throughputMustReachTenActivitiesPerSecond() {
    assertThat(verdictOf(Results.healthy().withClosedLoop(Results.closedLoop(10)),
        "activities per second")).isEqualTo(Verdict.PASS);
    assertThat(verdictOf(Results.healthy().withClosedLoop(Results.closedLoop(9.99)),
        "activities per second")).isEqualTo(Verdict.FAIL);
  }

  @Test
  void aThousandWorkflowsAtOnceMustAllCompleteWithinAHundredSeconds() {
    assertThat(verdictOf(Results.healthy().withBurst(Results.burst(1000, 0, 100)),
        "workflows started at once")).isEqualTo(Verdict.PASS);
    assertThat(verdictOf(Results.healthy().withBurst(Results.burst(1000, 0, 100.5)),
        "workflows started at once")).isEqualTo(Verdict.FAIL);
  }

  @Test
  void oneFailedWorkflowFailsTheBurstHoweverFastTheRest() {
    assertThat(verdictOf(Results.healthy().withBurst(Results.burst(1000, 1, 5)),
        "workflows started at once")).isEqualTo(Verdict.FAIL);
  }

  @Test
  void theHeapSlopeMustStayWithinItsBound() {
    assertThat(verdictOf(Results.healthy().withMemory(
        Results.memory(Floors.MEMORY_SLOPE_BOUND_BYTES)), "worker heap")).isEqualTo(Verdict.PASS);
    assertThat(verdictOf(Results.healthy().withMemory(
        Results.memory(Floors.MEMORY_SLOPE_BOUND_BYTES + 1)), "worker heap"))
        .isEqualTo(Verdict.FAIL);
  }

  @Test
  void aShrinkingHeapIsNotALeak() {
    assertThat(verdictOf(Results.healthy().withMemory(Results.memory(-2_000_000)),
        "worker heap")).isEqualTo(Verdict.PASS);
  }

  @Test
  void aScenarioNotRunIsMarkedSoAndDoesNotFailTheRun() {
    RunResults results = Results.healthy().withMemory(null);

    assertThat(verdictOf(results, "worker heap")).isEqualTo(Verdict.NOT_RUN);
    assertThat(Floors.passed(Floors.check(results))).isTrue();
  }

  @Test
  void memoryNotMeasuredInLoadOnlyModeSaysWhy() {
    RunResults results = Results.healthy().withMemory(MemoryResult.notMeasured("load-only"));

    FloorCheck check = Floors.check(results).stream()
        .filter(c -> c.name().startsWith("worker heap")).findFirst().orElseThrow();
    assertThat(check.verdict()).isEqualTo(Verdict.NOT_RUN);
    assertThat(check.measured()).isEqualTo("load-only");
  }

  @Test
  void oneFailedFloorFailsTheRun() {
    List<FloorCheck> checks =
        Floors.check(Results.healthy().withClosedLoop(Results.closedLoop(1)));

    assertThat(Floors.passed(checks)).isFalse();
  }
}
