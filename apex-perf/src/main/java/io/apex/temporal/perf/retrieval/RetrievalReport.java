package io.apex.temporal.perf.retrieval;

import io.apex.temporal.perf.ingestion.IngestionBenchmarkResult.Floor;
import java.util.Locale;

/** The retrieval benchmark's section of the report, in Markdown. */
final class RetrievalReport {
  private RetrievalReport() {}

  static String markdown(RetrievalBenchmarkResult result) {
    var md = new StringBuilder();
    md.append("## Retrieval quality (").append(result.collection()).append(")\n\n");
    md.append(
        String.format(
            Locale.ROOT,
            "%d documents ingested through the worker in %.1f min; %d judged queries, each in"
                + " every mode, ranked by document (top 100). Store: %s; machine: %s.%n%n",
            result.documents(),
            result.ingestionMinutes(),
            result.judgedQueries(),
            result.store(),
            result.machine()));
    md.append(
        "| mode | nDCG@10 | recall@100 | MRR@10 | query p50 | query p99 |\n"
            + "|---|---|---|---|---|---|\n");
    for (ModeScores mode : result.modes()) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %.3f | %.3f | %.3f | %.1f ms | %.1f ms |%n",
              mode.mode(),
              mode.ndcgAt10(),
              mode.recallAt100(),
              mode.mrrAt10(),
              mode.p50Millis(),
              mode.p99Millis()));
    }
    md.append(
        "\nThe same queries as the API answers by default, the top chunks (not documents), each"
            + " document counted at its first chunk:\n\n"
            + "| mode | top chunks | nDCG@10 | MRR@10 | query p50 | query p99 |\n"
            + "|---|---|---|---|---|---|\n");
    for (TopChunkScores mode : result.topChunks()) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %.3f | %.3f | %.1f ms | %.1f ms |%n",
              mode.mode(),
              mode.topK(),
              mode.ndcgAt10(),
              mode.mrrAt10(),
              mode.p50Millis(),
              mode.p99Millis()));
    }
    md.append("\n| floor | required | measured | |\n|---|---|---|---|\n");
    for (Floor floor : result.floors()) {
      md.append("| ")
          .append(floor.name())
          .append(" | ")
          .append(floor.required())
          .append(" | ")
          .append(floor.measured())
          .append(" | ")
          .append(floor.passed() ? "pass" : "FAIL")
          .append(" |\n");
    }
    return md.toString();
  }
}
