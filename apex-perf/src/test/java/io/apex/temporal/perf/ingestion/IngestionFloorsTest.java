package io.apex.temporal.perf.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import io.apex.temporal.perf.ingestion.IngestionBenchmarkResult.Floor;
import io.apex.temporal.perf.ingestion.IngestionBenchmarkResult.Latency;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

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
        IngestionBenchmark.floors(measured));
  }

  private static Map<SizeClass, Latency> onePageP90(long millis) {
    return Map.of(SizeClass.ONE_PAGE, new Latency(10, millis / 2, millis, millis, 5));
  }

  @Test
  void theIssuesTargetsMetPassEveryFloor() {
    var passed = result(new IngestionBenchmark.Measured(300, onePageP90(2_000), 30, 30.0, 0));
    assertThat(passed.floors()).allMatch(Floor::passed);
    assertThat(passed.passed()).isTrue();
  }

  @Test
  void eachTargetMissedFailsItsFloor() {
    var failed = result(new IngestionBenchmark.Measured(299, onePageP90(2_001), 30, 30.1, 1));
    assertThat(failed.floors()).noneMatch(Floor::passed);
    assertThat(failed.passed()).isFalse();
  }

  @Test
  void aFloorThatDidNotRunDoesNotPass() {
    var notRun =
        result(new IngestionBenchmark.Measured(400, Map.of(), 30, Double.POSITIVE_INFINITY, 0));
    assertThat(notRun.floors())
        .filteredOn(floor -> !floor.passed())
        .extracting(Floor::measured)
        .containsExactlyInAnyOrder("not run", "never");
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
            result(new IngestionBenchmark.Measured(156, onePageP90(970), 13.4, 31.1, 0)));
    assertThat(markdown)
        .contains("156 one-page documents per minute")
        .contains("| one-page documents per minute | >= 300 | 156 | FAIL |")
        .contains("| one-page p90 | <= 2000 ms | 970 ms | pass |")
        .contains("| 300 KB text searchable | <= 30 s | 31.1 s | FAIL |");
    assertThat(List.of(markdown.split("\n"))).anyMatch(line -> line.startsWith("| one page"));
  }
}
