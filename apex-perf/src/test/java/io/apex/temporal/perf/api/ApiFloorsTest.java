package io.apex.temporal.perf.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.apex.temporal.perf.api.ApiBenchmarkResult.Floor;
import io.apex.temporal.perf.api.ApiBenchmarkResult.SearchLatency;
import io.apex.temporal.perf.api.ApiBenchmarkResult.Uploads;
import io.apex.temporal.perf.api.ApiBenchmarkResult.Verdict;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ApiFloorsTest {
  private static final ApiBenchmarkSettings FULL = ApiBenchmarkSettings.of("full");
  private static final ApiBenchmarkSettings SHORT = ApiBenchmarkSettings.of("short");

  private static Uploads onePage(double perMinute, int failed) {
    return new Uploads(600, 600 - failed, failed, 3_000, 60, perMinute);
  }

  private static final SearchIndexSettling.Settled SETTLED =
      new SearchIndexSettling.Settled(4.5, 1);

  private static SearchLatency search(int clients, double p50, double p99, int failed) {
    return new SearchLatency(
        clients, 500, failed, p50, p50 * 2, p99, p99, 100, 2_000, true, 4.0, 0.3);
  }

  /** Exactly the issue's targets: every floor holds, at its edge. */
  private static ApiFloors.Measured atTargets() {
    return measured(600, 20_000, 20.0, 80.0, 0);
  }

  private static ApiFloors.Measured measured(
      double perMinute, long chunks, double p50, double p99, int failedSearches) {
    return new ApiFloors.Measured(
        Optional.of(onePage(perMinute, 0)),
        Optional.of(new Uploads(900, 900, 0, chunks, 100, 540)),
        chunks,
        Optional.of(SETTLED),
        List.of(search(1, 5, 10, 0), search(8, p50, p99, failedSearches)));
  }

  private static ApiBenchmarkResult result(ApiBenchmarkSettings settings, ApiFloors.Measured m) {
    return new ApiBenchmarkResult(
        settings,
        "server",
        "store",
        "machine",
        m.onePage().orElse(onePage(0, 0)),
        m.seeding().orElse(new Uploads(0, 0, 0, 0, 0, 0)),
        m.storedChunks(),
        m.settled().orElse(SETTLED),
        m.search(),
        ApiFloors.check(settings, m));
  }

  @Test
  void theIssuesTargetsMetPassEveryFloorOfTheFullProfile() {
    var passed = result(FULL, atTargets());
    assertThat(passed.floors()).hasSize(5).allMatch(f -> f.verdict() == Verdict.PASSED);
    assertThat(passed.floors()).allMatch(Floor::claimed);
    assertThat(passed.passed()).isTrue();
  }

  /** One target missed, every other met: the floor that fails, by name. */
  static Stream<Arguments> oneTargetMissed() {
    return Stream.of(
        Arguments.of(
            "uploads",
            measured(599, 20_000, 20.0, 80.0, 0),
            "one-page uploads per minute, upload to completed"),
        Arguments.of("p50", measured(600, 20_000, 20.1, 80.0, 0), "search p50 at 8 clients"),
        Arguments.of("p99", measured(600, 20_000, 20.0, 80.1, 0), "search p99 at 8 clients"),
        Arguments.of("chunks", measured(600, 19_999, 20.0, 80.0, 0), "stored chunks searched"),
        Arguments.of(
            "a failed search",
            measured(600, 20_000, 20.0, 80.0, 1),
            "every upload completed, every search answered"));
  }

  @ParameterizedTest(name = "{0} missed")
  @MethodSource("oneTargetMissed")
  void eachTargetMissedAloneFailsItsOwnFloorAndTheRun(
      String target, ApiFloors.Measured measured, String failing) {
    var result = result(FULL, measured);
    assertThat(result.floors()).hasSize(5);
    assertThat(result.floors())
        .filteredOn(floor -> !floor.holds())
        .extracting(Floor::name)
        .containsExactly(failing);
    assertThat(result.passed()).isFalse();
  }

  @Test
  void aFailedUploadFailsTheRunThoughThroughputHeld() {
    var measured =
        new ApiFloors.Measured(
            Optional.of(onePage(700, 1)),
            atTargets().seeding(),
            20_000,
            Optional.of(SETTLED),
            atTargets().search());
    var result = result(FULL, measured);
    assertThat(result.floors())
        .filteredOn(floor -> !floor.holds())
        .extracting(Floor::name, Floor::measured)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "every upload completed, every search answered", "1"));
    assertThat(result.passed()).isFalse();
  }

  @Test
  void theShortProfileClaimsOnlyThatEveryUploadAndSearchWasAnswered() {
    var result = result(SHORT, measured(412, 4_100, 35.5, 120.25, 0));
    assertThat(result.floors())
        .filteredOn(Floor::claimed)
        .extracting(Floor::name)
        .containsExactly("every upload completed, every search answered");
    Floor chunks =
        result.floors().stream()
            .filter(f -> f.name().equals("stored chunks searched"))
            .findFirst()
            .orElseThrow();
    assertThat(chunks.claimed()).isFalse();
    assertThat(chunks.verdict()).isEqualTo(Verdict.MISSED);
    assertThat(chunks.measured()).contains("4,100").contains("full profile only");
    assertThat(result.passed()).isTrue();
  }

  @Test
  void theFullProfileFailsWhenItSeededTooFewChunks() {
    assertThat(result(FULL, measured(600, 4_100, 20.0, 80.0, 0)).passed()).isFalse();
  }

  @Test
  void aSearchLevelThatDidNotRunFailsEveryClaimedFloorThatNeedsIt() {
    var measured =
        new ApiFloors.Measured(
            atTargets().onePage(),
            atTargets().seeding(),
            20_000,
            Optional.of(SETTLED),
            List.of(search(1, 5, 10, 0)));
    var result = result(FULL, measured);
    assertThat(result.floors())
        .filteredOn(floor -> floor.verdict() == Verdict.NOT_RUN)
        .extracting(Floor::name)
        .containsExactly(
            "search p50 at 8 clients",
            "search p99 at 8 clients",
            "stored chunks searched",
            "every upload completed, every search answered");
    assertThat(result.passed()).isFalse();
  }

  @Test
  void uploadsThatDidNotRunFailTheRun() {
    var measured =
        new ApiFloors.Measured(
            Optional.empty(),
            atTargets().seeding(),
            20_000,
            Optional.of(SETTLED),
            atTargets().search());
    var result = result(SHORT, measured);
    assertThat(result.floors())
        .filteredOn(floor -> floor.verdict() == Verdict.NOT_RUN)
        .extracting(Floor::name)
        .contains("one-page uploads per minute, upload to completed");
    assertThat(result.passed()).isFalse();
  }

  @Test
  void theReportNamesEveryFloorItsVerdictAndTheSmallerCorpus() {
    String markdown = ApiReport.markdown(result(SHORT, measured(412, 4_100, 35.5, 120.25, 0)));
    assertThat(markdown)
        .contains("412 one-page documents per minute")
        .contains(
            "| one-page uploads per minute, upload to completed | >= 600 | 412 | fail (not"
                + " claimed) |")
        .contains("| search p50 at 8 clients | <= 20 ms | 35.5 ms | fail (not claimed) |")
        .contains("| search p99 at 8 clients | <= 80 ms | 120.3 ms | fail (not claimed) |")
        .contains("fail (not claimed)")
        .contains("This profile seeds 4,000 chunks, fewer than the issue's 20,000");
  }
}
