package io.apex.temporal.perf.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.apex.temporal.perf.report.FloorCheck.Verdict;
import io.apex.temporal.perf.scenario.MemoryResult;
import io.apex.temporal.perf.scenario.RunResults;
import io.apex.temporal.perf.settings.Scenario;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FloorsTest {

  private static Verdict verdictOf(RunResults results, String floorNameStart) {
    return Floors.check(results).stream()
        .filter(check -> check.name().startsWith(floorNameStart))
        .findFirst()
        .orElseThrow()
        .verdict();
  }

  @Test
  void aHealthyRunMeetsEveryFloor() {
    List<FloorCheck> checks = Floors.check(Results.healthy());

    assertThat(checks).extracting(FloorCheck::verdict).containsOnly(Verdict.PASS);
    assertThat(Floors.passed(checks)).isTrue();
  }

  @Test
  void latencyP90MustStayUnderOneSecond() {
    assertThat(
            verdictOf(
                Results.healthy().withSequential(Results.sequential(999.9)), "workflow latency"))
        .isEqualTo(Verdict.PASS);
    assertThat(
            verdictOf(
                Results.healthy().withSequential(Results.sequential(1000)), "workflow latency"))
        .isEqualTo(Verdict.FAIL);
  }

  @Test
  void throughputMustReachTenActivitiesPerSecond() {
    assertThat(
            verdictOf(
                Results.healthy().withClosedLoop(Results.closedLoop(10)), "activities per second"))
        .isEqualTo(Verdict.PASS);
    assertThat(
            verdictOf(
                Results.healthy().withClosedLoop(Results.closedLoop(9.99)),
                "activities per second"))
        .isEqualTo(Verdict.FAIL);
  }

  @Test
  void aThousandWorkflowsAtOnceMustAllCompleteWithinAHundredSeconds() {
    assertThat(
            verdictOf(
                Results.healthy().withBurst(Results.burst(1000, 0, 100)),
                "workflows started at once"))
        .isEqualTo(Verdict.PASS);
    assertThat(
            verdictOf(
                Results.healthy().withBurst(Results.burst(1000, 0, 100.5)),
                "workflows started at once"))
        .isEqualTo(Verdict.FAIL);
  }

  @Test
  void oneFailedWorkflowFailsTheBurstHoweverFastTheRest() {
    assertThat(
            verdictOf(
                Results.healthy().withBurst(Results.burst(1000, 1, 5)),
                "workflows started at once"))
        .isEqualTo(Verdict.FAIL);
  }

  @Test
  void theHeapSlopeMustStayWithinOneMebibytePerTenThousandWorkflows() {
    // The literal bound, not the constant under test: changing the constant must fail here.
    assertThat(verdictOf(Results.healthy().withMemory(Results.memory(1_048_576)), "worker heap"))
        .isEqualTo(Verdict.PASS);
    assertThat(verdictOf(Results.healthy().withMemory(Results.memory(1_048_577)), "worker heap"))
        .isEqualTo(Verdict.FAIL);
  }

  @Test
  void aFailedWorkflowFailsEveryFloor() {
    assertThat(
            verdictOf(
                Results.healthy().withSequential(Results.sequential(30, 99, 1)),
                "workflow latency"))
        .isEqualTo(Verdict.FAIL);
    assertThat(
            verdictOf(
                Results.healthy().withClosedLoop(Results.closedLoop(150, 999, 1, true)),
                "activities per second"))
        .isEqualTo(Verdict.FAIL);
    assertThat(
            verdictOf(
                Results.healthy().withBurst(Results.burst(1000, 999, 1, 12, true)),
                "workflows started at once"))
        .isEqualTo(Verdict.FAIL);
    assertThat(
            verdictOf(
                Results.healthy().withMemory(Results.memory(100_000, 19_999, 1, true)),
                "worker heap"))
        .isEqualTo(Verdict.FAIL);
  }

  @Test
  void anUndrainedRunFailsItsFloor() {
    // Sequential latency waits for each workflow in turn, so it cannot end undrained; a
    // workflow it gave up on leaves it incomplete, below.
    assertThat(
            verdictOf(
                Results.healthy().withClosedLoop(Results.closedLoop(150, 1000, 0, false)),
                "activities per second"))
        .isEqualTo(Verdict.FAIL);
    assertThat(
            verdictOf(
                Results.healthy().withBurst(Results.burst(1000, 1000, 0, 12, false)),
                "workflows started at once"))
        .isEqualTo(Verdict.FAIL);
    assertThat(
            verdictOf(
                Results.healthy().withMemory(Results.memory(100_000, 20_000, 0, false)),
                "worker heap"))
        .isEqualTo(Verdict.FAIL);
  }

  @Test
  void anIncompleteRunWithoutFailuresFailsItsFloor() {
    assertThat(
            verdictOf(
                Results.healthy().withSequential(Results.sequential(30, 99, 0)),
                "workflow latency"))
        .isEqualTo(Verdict.FAIL);
    assertThat(
            verdictOf(
                Results.healthy().withClosedLoop(Results.closedLoop(150, 999, 0, true)),
                "activities per second"))
        .isEqualTo(Verdict.FAIL);
    assertThat(
            verdictOf(
                Results.healthy().withBurst(Results.burst(1000, 999, 0, 12, true)),
                "workflows started at once"))
        .isEqualTo(Verdict.FAIL);
    assertThat(
            verdictOf(
                Results.healthy().withMemory(Results.memory(100_000, 19_999, 0, true)),
                "worker heap"))
        .isEqualTo(Verdict.FAIL);
  }

  @Test
  void aShrinkingHeapIsNotALeak() {
    assertThat(verdictOf(Results.healthy().withMemory(Results.memory(-2_000_000)), "worker heap"))
        .isEqualTo(Verdict.PASS);
  }

  @Test
  void everySpecificationFloorNotRunFailsTheRun() {
    RunResults nothing = new RunResults(Results.warmUp(), null, null, Results.ramp(), null, null);

    List<FloorCheck> checks = Floors.check(nothing);

    assertThat(checks)
        .filteredOn(check -> !check.name().startsWith("warm-up"))
        .hasSize(4)
        .allSatisfy(
            check -> {
              assertThat(check.verdict()).isEqualTo(Verdict.FAIL);
              assertThat(check.measured())
                  .contains(
                      "a specification floor must run unless" + " apex.perf.allow-not-run names");
            });
    assertThat(Floors.passed(checks)).isFalse();
  }

  @Test
  void aSpecificationFloorNotRunPassesOnlyWhenTheOptOutNamesIt() {
    RunResults results = Results.healthy().withMemory(null);

    assertThat(verdictOf(results, "worker heap")).isEqualTo(Verdict.FAIL);
    List<FloorCheck> optedOut = Floors.check(results, Set.of(Scenario.MEMORY));
    assertThat(optedOut)
        .filteredOn(check -> check.name().startsWith("worker heap"))
        .extracting(FloorCheck::verdict)
        .containsExactly(Verdict.NOT_RUN);
    assertThat(Floors.passed(optedOut)).isTrue();
    assertThat(Floors.passed(Floors.check(results, Set.of(Scenario.BURST)))).isFalse();
  }

  @Test
  void memoryNotMeasuredInLoadOnlyModeSaysWhy() {
    RunResults results = Results.healthy().withMemory(MemoryResult.notMeasured("load-only"));

    FloorCheck check =
        Floors.check(results, Set.of(Scenario.MEMORY)).stream()
            .filter(c -> c.name().startsWith("worker heap"))
            .findFirst()
            .orElseThrow();
    assertThat(check.verdict()).isEqualTo(Verdict.NOT_RUN);
    assertThat(check.measured()).isEqualTo("load-only");
  }

  @Test
  void oneFailedFloorFailsTheRun() {
    List<FloorCheck> checks = Floors.check(Results.healthy().withClosedLoop(Results.closedLoop(1)));

    assertThat(Floors.passed(checks)).isFalse();
  }
}
