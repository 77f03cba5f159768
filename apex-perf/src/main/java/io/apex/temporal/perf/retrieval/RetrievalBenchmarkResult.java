package io.apex.temporal.perf.retrieval;

import io.apex.temporal.perf.ingestion.IngestionBenchmarkResult.Floor;
import java.util.List;

/** What the retrieval benchmark measured on CISI, per mode, and the floors it checked. */
public record RetrievalBenchmarkResult(
    String collection,
    String store,
    String machine,
    int documents,
    int judgedQueries,
    double ingestionMinutes,
    List<ModeScores> modes,
    List<Floor> floors) {

  public boolean passed() {
    return !floors.isEmpty() && floors.stream().allMatch(Floor::passed);
  }
}
