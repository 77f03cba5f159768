package io.apex.temporal.perf.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import io.apex.temporal.perf.ingestion.IngestionBenchmarkResult.Floor;
import io.apex.temporal.perf.ingestion.IngestionBenchmarkResult.Latency;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IngestionFloorsTest {

  private static IngestionBenchmarkResult result(IngestionBenchmark.Measured measured) {
    return new IngestionBenchmarkResult(
        "short",
        "server",
        "store",
        "machine",
        40,
        16,
        measured.documentsPerMinute(),
        measured.latency(),
        measured.chunksPerSecond(),
        measured.largeSearchableSeconds(),
        measured.failed(),
        measured.breakdown(),
        IngestionBenchmark.floors(measured));
  }

  /** Ours at {@code ratio} of a peer that ingests 1,000 documents per minute. */
  private static Breakdown peer(double ratio) {
    return new Breakdown(
        400,
        1_000 * ratio,
        1_000,
        ratio,
        4,
        4,
        100,
        Map.of(ThreadFamilies.EMBEDDING, 100.0),
        10,
        0.7,
        1_500,
        new ActivityTimes().summary());
  }

  private static final Breakdown AT_PEER_FLOOR = peer(0.8);

  private static Map<SizeClass, Latency> onePageP90(long millis) {
    return Map.of(SizeClass.ONE_PAGE, new Latency(10, millis / 2, millis, millis, 5));
  }

  @Test
  void theIssuesTargetsMetPassEveryFloor() {
    var passed =
        result(new IngestionBenchmark.Measured(300, onePageP90(2_000), 30, 30.0, 0, AT_PEER_FLOOR));
    assertThat(passed.floors()).hasSize(5).allMatch(Floor::passed);
    assertThat(passed.passed()).isTrue();
  }

  /** One target missed, every other met: the floors that fail, by name. */
  static Stream<Arguments> oneTargetMissed() {
    return Stream.of(
        Arguments.of(
            "throughput",
            new IngestionBenchmark.Measured(299, onePageP90(2_000), 30, 30.0, 0, AT_PEER_FLOOR),
            List.of("one-page documents per minute")),
        Arguments.of(
            "one-page p90",
            new IngestionBenchmark.Measured(300, onePageP90(2_001), 30, 30.0, 0, AT_PEER_FLOOR),
            List.of("one-page p90")),
        Arguments.of(
            "large document searchable",
            new IngestionBenchmark.Measured(300, onePageP90(2_000), 30, 30.1, 0, AT_PEER_FLOOR),
            List.of("300 KB text searchable")),
        Arguments.of(
            "peer ratio",
            new IngestionBenchmark.Measured(300, onePageP90(2_000), 30, 30.0, 0, peer(0.79)),
            List.of("ours against the in-process peer")),
        // A failed document also fails the throughput floor: it counts only documents ingested.
        Arguments.of(
            "a document failed",
            new IngestionBenchmark.Measured(300, onePageP90(2_000), 30, 30.0, 1, AT_PEER_FLOOR),
            List.of("one-page documents per minute", "every document ingested")));
  }

  @ParameterizedTest(name = "{0} missed")
  @MethodSource("oneTargetMissed")
  void eachTargetMissedAloneFailsItsOwnFloorAndTheRun(
      String target, IngestionBenchmark.Measured measured, List<String> failing) {
    var result = result(measured);
    assertThat(result.floors()).hasSize(5);
    assertThat(result.floors())
        .filteredOn(floor -> !floor.passed())
        .extracting(Floor::name)
        .containsExactlyElementsOf(failing);
    assertThat(result.passed()).isFalse();
  }

  @Test
  void aFloorThatDidNotRunDoesNotPass() {
    var notRun =
        result(
            new IngestionBenchmark.Measured(400, Map.of(), 30, Double.POSITIVE_INFINITY, 0, null));
    assertThat(notRun.floors())
        .filteredOn(floor -> !floor.passed())
        .extracting(Floor::measured)
        .containsExactlyInAnyOrder("not run", "never", "not run");
    assertThat(notRun.passed()).isFalse();
  }

  @Test
  void percentilesAreNearestRank() {
    long[] sorted = {100, 200, 300, 400, 500, 600, 700, 800, 900, 1000};
    assertThat(IngestionBenchmark.percentile(sorted, 50)).isEqualTo(500);
    assertThat(IngestionBenchmark.percentile(sorted, 90)).isEqualTo(900);
    assertThat(IngestionBenchmark.percentile(new long[] {7}, 90)).isEqualTo(7);
    assertThat(IngestionBenchmark.percentile(new long[0], 90)).isZero();
  }

  @Test
  void theReportNamesEveryFloorAndItsVerdict() {
    String markdown =
        IngestionReport.markdown(
            result(
                new IngestionBenchmark.Measured(
                    156, onePageP90(970), 13.4, 31.1, 0, AT_PEER_FLOOR)));
    assertThat(markdown)
        .contains("156 one-page documents per minute")
        .contains("| one-page documents per minute | >= 300 | 156 | FAIL |")
        .contains("| one-page p90 | <= 2000 ms | 970 ms | pass |")
        .contains("| 300 KB text searchable | <= 30 s | 31.1 s | FAIL |")
        .contains(
            "| ours against the in-process peer | >= 0.8 | 0.80 (800 against 1000 per minute) | pass |")
        .contains("ours 800 per minute, the peer 1000 per minute: 0.80 of the peer");
    assertThat(List.of(markdown.split("\n"))).anyMatch(line -> line.startsWith("| one page"));
  }
}
