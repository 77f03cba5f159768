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
            + " at a time.\n\n");
    breakdown(md, result.breakdown());
    md.append("| floor | required | measured | |\n|---|---|---|---|\n");
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

  private static void breakdown(StringBuilder md, Breakdown b) {
    md.append("### Against the in-process peer, and where the time goes\n\n");
    if (b == null) {
      md.append("The peer and the breakdown did not run.\n\n");
      return;
    }
    md.append(
        String.format(
            Locale.ROOT,
            "The same %d one-page documents, one run after the other in this JVM: **ours %.0f"
                + " per minute, the peer %.0f per minute: %.2f of the peer.** The peer is"
                + " LangChain4j's EmbeddingStoreIngestor with the same int8 all-MiniLM-L6-v2, a"
                + " recursive splitter (%d characters, %d overlap) and an in-memory store: no"
                + " durability, no database, no entities. Chunks per document: ours %.1f, the"
                + " peer's %.1f.%n%n",
            b.documents(),
            b.oursPerMinute(),
            b.peerPerMinute(),
            b.ratio(),
            LangChainPeer.SEGMENT_CHARACTERS,
            LangChainPeer.OVERLAP_CHARACTERS,
            b.oursChunksPerDocument(),
            b.peerSegmentsPerDocument()));
    md.append("CPU per document over our measured phase (user plus system time):\n\n");
    md.append("| where | CPU ms per document |\n|---|---|\n");
    b.workerCpuMillisPerDocument()
        .forEach(
            (family, ms) ->
                md.append(String.format(Locale.ROOT, "| worker JVM: %s | %.1f |%n", family, ms)));
    md.append(
        String.format(
            Locale.ROOT,
            "| PostgreSQL (all its processes) | %.1f |%n| the peer, whole process | %.1f |%n%n",
            b.storeCpuMillisPerDocument(),
            b.peerCpuMillisPerDocument()));
    md.append(
        String.format(
            Locale.ROOT,
            "The embedding is %.0f%% of our CPU; alone on this machine's cores it would allow %.0f"
                + " documents per minute (cores ÷ embedding CPU per document).%n%n",
            b.embeddingShareOfCpu() * 100,
            b.embeddingBoundPerMinute()));
    ActivityTimes.Summary t = b.times();
    md.append(
        String.format(
            Locale.ROOT,
            "Per document, from %d histories: %.0f ms from start to close, of which %.0f ms with no"
                + " activity scheduled (workflow tasks and scheduling between steps; workflow"
                + " tasks from scheduled to completed: %.0f ms).%n%n",
            t.documents(),
            t.workflowMillis(),
            t.betweenActivitiesMillis(),
            t.workflowTaskMillis()));
    md.append("| activity | runs | queue wait (mean) | run (mean) |\n|---|---|---|---|\n");
    for (ActivityTimes.Step step : t.steps()) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %.1f ms | %.1f ms |%n",
              step.activity(),
              step.runs(),
              step.queueMillis(),
              step.runMillis()));
    }
    md.append("\n");
  }
}
