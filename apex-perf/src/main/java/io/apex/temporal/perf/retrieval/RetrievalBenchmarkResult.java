package io.apex.temporal.perf.retrieval;

import io.apex.temporal.perf.ingestion.IngestionBenchmarkResult.Floor;
import java.util.List;

/**
 * What the retrieval benchmark measured on CISI, per mode by document and as the API's default top
 * chunks, and the floors it checked.
 */
public record RetrievalBenchmarkResult(
    String collection,
    String store,
    String machine,
    int documents,
    int judgedQueries,
    double ingestionMinutes,
    List<ModeScores> modes,
    List<TopChunkScores> topChunks,
    List<Floor> floors) {

  public boolean passed() {
    return !floors.isEmpty() && floors.stream().allMatch(Floor::passed);
  }
}
