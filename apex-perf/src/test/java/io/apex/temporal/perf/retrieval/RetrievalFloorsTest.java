package io.apex.temporal.perf.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import io.apex.temporal.perf.ingestion.IngestionBenchmarkResult.Floor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The retrieval floors pass when met and fail when one is missed, each on its own. */
class RetrievalFloorsTest {

  private static List<ModeScores> ndcg(double hybrid, double semantic, double keyword) {
    return List.of(
        new ModeScores("hybrid", hybrid, 0.5, 0.6, 20, 40),
        new ModeScores("semantic", semantic, 0.5, 0.6, 20, 40),
        new ModeScores("keyword", keyword, 0.5, 0.6, 5, 10));
  }

  private static RetrievalBenchmarkResult result(List<ModeScores> modes) {
    return new RetrievalBenchmarkResult(
        "CISI", "store", "machine", 1460, 76, 2.5, modes, List.of(), RetrievalFloors.check(modes));
  }

  @Test
  void theIssuesFloorsMetExactlyPass() {
    var floors = RetrievalFloors.check(ndcg(0.44, 0.42, 0.37));
    assertThat(floors).hasSize(2).allMatch(Floor::passed);
    assertThat(result(ndcg(0.44, 0.42, 0.37)).passed()).isTrue();
  }

  @Test
  void hybridBelowItsNdcgFloorFailsThatFloorOnly() {
    var floors = RetrievalFloors.check(ndcg(0.439, 0.41, 0.37));
    assertThat(floors).extracting(Floor::passed).containsExactly(false, true);
    assertThat(result(ndcg(0.439, 0.41, 0.37)).passed()).isFalse();
  }

  @Test
  void hybridTooCloseToSemanticFailsTheGainFloorOnly() {
    var floors = RetrievalFloors.check(ndcg(0.46, 0.445, 0.37));
    assertThat(floors).extracting(Floor::passed).containsExactly(true, false);
    assertThat(floors.get(1).measured()).isEqualTo("+0.015");
  }

  @Test
  void hybridTooCloseToKeywordFailsTheGainFloorOnly() {
    var floors = RetrievalFloors.check(ndcg(0.46, 0.30, 0.45));
    assertThat(floors).extracting(Floor::passed).containsExactly(true, false);
  }

  @Test
  void aModeThatDidNotRunFailsTheFloorsThatNeedIt() {
    var floors = RetrievalFloors.check(List.of(new ModeScores("hybrid", 0.5, 0.5, 0.6, 20, 40)));
    assertThat(floors).extracting(Floor::passed).containsExactly(true, false);
    assertThat(floors.get(1).measured()).isEqualTo("not run");
    assertThat(RetrievalFloors.check(List.of())).noneMatch(Floor::passed);
  }
}
