package io.apex.temporal.perf.api;

import io.apex.temporal.perf.api.ApiBenchmarkResult.Floor;
import io.apex.temporal.perf.api.ApiBenchmarkResult.SearchLatency;
import io.apex.temporal.perf.api.ApiBenchmarkResult.Uploads;
import java.util.Locale;

/** The HTTP API benchmark's section of the report, in Markdown. */
final class ApiReport {
  private ApiReport() {}

  static String markdown(ApiBenchmarkResult result) {
    ApiBenchmarkSettings s = result.settings();
    StringBuilder md = new StringBuilder();
    md.append("## Memory service HTTP API (").append(s.profile()).append(" profile)\n\n");
    md.append("Server: ")
        .append(result.server())
        .append("; store: ")
        .append(result.store())
        .append("; machine: ")
        .append(result.machine())
        .append(".\n\n");
    md.append(
        paragraph(
            "Settings: %d one-page warm-up uploads, then %d one-page documents (~3 KB text) with"
                + " %d in flight; seeding to %,d chunks with generated documents of ~%,d"
                + " characters, %d in flight; hybrid search, top_k %d; at each level, warm-up"
                + " rounds of %d queries shared by its clients until the JIT compilers worked"
                + " less than %.0f%% of the time in %d rounds in a row (at most %d s), then %d"
                + " measured per client.",
            s.uploadWarmUp(),
            s.uploadDocuments(),
            s.uploadConcurrency(),
            s.seedChunks(),
            s.seedDocumentCharacters(),
            s.seedConcurrency(),
            SearchPhase.TOP_K,
            s.searchWarmUp(),
            SearchWarmUp.QUIET_SHARE * 100,
            SearchWarmUp.QUIET_ROUNDS,
            s.searchWarmUpSeconds(),
            s.queriesPerClient()));
    if (!s.claimsTargets()) {
      md.append(
          paragraph(
              "This profile seeds %,d chunks, fewer than the issue's %,d, to keep CI short: its"
                  + " search latencies are over the smaller store, so the issue's targets"
                  + " (throughput, latency, %,d chunks) are reported, not claimed; the full"
                  + " profile claims them (`-Dapex.perf.profile=full`).",
              s.seedChunks(),
              ApiBenchmarkSettings.ISSUE_CHUNKS,
              ApiBenchmarkSettings.ISSUE_CHUNKS));
    }
    Uploads up = result.onePageUploads();
    md.append(
        line(
            "- Uploads: **%.0f one-page documents per minute**, from the first `POST"
                + " /v1/documents` to the last `GET /v1/documents/{id}` answering `completed`"
                + " (%d of %d completed, %d chunks, %.1f s)",
            up.perMinute(), up.completed(), up.documents(), up.chunks(), up.seconds()));
    Uploads seed = result.seeding();
    md.append(
        line(
            "- Seeding: %d documents, %,d chunks in %.1f s (%.1f chunks/s, %.0f documents/min),"
                + " %d failed",
            seed.completed(),
            seed.chunks(),
            seed.seconds(),
            seed.seconds() <= 0 ? 0 : seed.chunks() / seed.seconds(),
            seed.perMinute(),
            seed.failed()));
    md.append(line("- Stored chunks searched: **%,d**", result.storedChunks()));
    md.append(
        line(
            "- The search index, once seeding stopped: %d segment(s) after %.1f s waiting for its"
                + " merge into one (at most %d s; `apex_search_index_segments`)",
            result.indexSettled().segments(),
            result.indexSettled().seconds(),
            SearchIndexSettling.LONGEST.toSeconds()));
    md.append(
        "\n| clients | warm-up queries | queries | p50 | p90 | p99 | max | queries/s | failed"
            + " | CPU per query: this JVM / PostgreSQL |\n"
            + "|---|---|---|---|---|---|---|---|---|---|\n");
    for (SearchLatency l : result.search()) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %d | %,d%s | %d | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %.1f | %d | %.2f / %.2f"
                  + " ms |%n",
              l.clients(),
              l.warmUp(),
              l.warmedUp() ? "" : " (JIT still compiling)",
              l.queries(),
              l.p50(),
              l.p90(),
              l.p99(),
              l.max(),
              l.queriesPerSecond(),
              l.failed(),
              l.jvmCpuMillisPerQuery(),
              l.postgresCpuMillisPerQuery()));
    }
    md.append(
        "\nSearch latency is from sending `POST /v1/search` to reading the whole reply, each"
            + " client sending its next query when the last answered. CPU per query: the process"
            + " counters of this JVM (the worker and the benchmark's clients) and of PostgreSQL"
            + " (its postmaster and backends) over the measured queries.\n\n"
            + "| floor | required | measured | |\n|---|---|---|---|\n");
    for (Floor floor : result.floors()) {
      md.append("| ")
          .append(floor.name())
          .append(" | ")
          .append(floor.required())
          .append(" | ")
          .append(floor.measured())
          .append(" | ")
          .append(verdict(floor))
          .append(" |\n");
    }
    return md.toString();
  }

  private static String verdict(Floor floor) {
    String verdict =
        switch (floor.verdict()) {
          case PASSED -> "pass";
          case MISSED -> "FAIL";
          case NOT_RUN -> "NOT RUN";
        };
    return floor.claimed() ? verdict : verdict.toLowerCase(Locale.ROOT) + " (not claimed)";
  }

  private static String line(String pattern, Object... values) {
    return String.format(Locale.ROOT, pattern, values) + "\n";
  }

  private static String paragraph(String pattern, Object... values) {
    return line(pattern, values) + "\n";
  }
}
