package io.apex.temporal.perf.ingestion;

import io.apex.temporal.perf.ingestion.IngestionBenchmarkResult.Floor;
import io.apex.temporal.perf.ingestion.IngestionBenchmarkResult.Latency;
import java.util.Locale;
import java.util.Map;

/** The ingestion benchmark's section of the report, in Markdown. */
final class IngestionReport {
  private IngestionReport() {}

  static String markdown(IngestionBenchmarkResult result) {
    StringBuilder md = new StringBuilder();
    md.append("## Document ingestion (").append(result.profile()).append(" profile)\n\n");
    md.append("Server: ")
        .append(result.server())
        .append("; store: ")
        .append(result.store())
        .append("; machine: ")
        .append(result.machine())
        .append(".\n\n");
    md.append(
        String.format(
            Locale.ROOT,
            "- Throughput: **%.0f one-page documents per minute** (%d documents, %d in flight)%n",
            result.documentsPerMinute(),
            result.throughputDocuments(),
            result.concurrency()));
    md.append(
        String.format(
            Locale.ROOT,
            "- Embedding: **%.1f chunks per second**%n",
            result.embeddingChunksPerSecond()));
    md.append(
        String.format(
            Locale.ROOT,
            "- A 300 KB text document searchable after **%.1f s**%n%n",
            result.largeSearchableSeconds()));
    md.append(
        "| size class | documents | chunks each | p50 | p90 | max |\n|---|---|---|---|---|---|\n");
    for (Map.Entry<SizeClass, Latency> entry : result.latencyMillis().entrySet()) {
      Latency l = entry.getValue();
      md.append("| ")
          .append(entry.getKey().label())
          .append(" | ")
          .append(l.samples())
          .append(" | ")
          .append(l.chunksEach())
          .append(" | ")
          .append(l.p50())
          .append(" ms | ")
          .append(l.p90())
          .append(" ms | ")
          .append(l.max())
          .append(" ms |\n");
    }
    md.append(
        "\nLatency is from the start of a document's workflow to its result, one document"
            + " at a time.\n\n| floor | required | measured | |\n|---|---|---|---|\n");
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
