package io.apex.temporal.perf.retrieval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.apex.temporal.client.IngestionClient;
import io.apex.temporal.config.TemporalConfig;
import io.apex.temporal.ingestion.IngestionSettings;
import io.apex.temporal.ingestion.SearchMode;
import io.apex.temporal.perf.WorkDirectory;
import io.apex.temporal.testkit.FreePorts;
import io.apex.temporal.testkit.SettingsMap;
import io.apex.temporal.worker.internal.cli.ExitCodes;
import io.apex.temporal.worker.runtime.WorkerRuntime;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the retrieval benchmark on the embedded default (the Java test server in-process, the
 * embedded PostgreSQL in a fresh data directory, the worker's default chunking and model), writes
 * {@code retrieval.json} and {@code retrieval.md} into the report directory, and exits 1 when a
 * floor failed.
 */
public final class RetrievalBenchmarkMain {
  private static final Logger log = LoggerFactory.getLogger(RetrievalBenchmarkMain.class);
  private static final String TASK_QUEUE = "perf-retrieval";

  /** The API's default {@code top_k}. */
  private static final int TOP_CHUNKS = 10;

  private RetrievalBenchmarkMain() {}

  public static void main(String[] args) throws Exception {
    Path reportDir = Path.of(System.getProperty("apex.perf.report-dir", "target/perf"));
    RetrievalBenchmarkResult result = run();
    write(reportDir, result);
    log.info("retrieval benchmark {}: {}", result.passed() ? "passed" : "FAILED", result.floors());
    System.exit(result.passed() ? ExitCodes.OK : ExitCodes.FAILED);
  }

  static RetrievalBenchmarkResult run() throws Exception {
    CisiCollection cisi = CisiCollection.load();
    // A kept work directory (apex.perf.retrieval.work-dir) holds the store between runs: its
    // documents come back unchanged and quickly, for trying a ranking change.
    String kept = System.getProperty("apex.perf.retrieval.work-dir");
    WorkDirectory directory =
        kept == null
            ? WorkDirectory.temporary("apex-perf-retrieval")
            : WorkDirectory.kept(Path.of(kept));
    TemporalConfig config =
        SettingsMap.ownEmbeddedServer().with("TEMPORAL_TASK_QUEUE", TASK_QUEUE).config();
    // The worker as the worker command puts it together, reading the collection's files by path.
    try (WorkDirectory work = directory;
        WorkerRuntime worker =
            WorkerRuntime.builder(config)
                .withIngestion(
                    IngestionSettings.embedded(work.path().resolve("data"), FreePorts.next())
                        .withIngestRoots(List.of(work.path())))
                .build()) {
      worker.start();
      var benchmark =
          new RetrievalBenchmark(
              new IngestionClient(worker.client(), TASK_QUEUE),
              worker.documentSearch().orElseThrow(),
              work.path().resolve("docs"));
      log.info("retrieval benchmark: ingesting {} CISI documents", cisi.documents().size());
      long begin = System.nanoTime();
      var cisiIds = benchmark.ingest(cisi);
      double minutes = (System.nanoTime() - begin) / 60e9;
      var modes = new ArrayList<ModeScores>();
      for (SearchMode mode : SearchMode.values()) {
        modes.add(benchmark.measure(cisi, cisiIds, mode));
      }
      var topChunks = new ArrayList<TopChunkScores>();
      for (SearchMode mode : SearchMode.values()) {
        topChunks.add(benchmark.measureTopChunks(cisi, cisiIds, mode, TOP_CHUNKS));
      }
      return new RetrievalBenchmarkResult(
          "CISI, " + cisi.documents().size() + " abstracts",
          "embedded PostgreSQL (zonky), all-MiniLM-L6-v2 (int8) in-process, Lucene HNSW and"
              + " BM25 (EnglishAnalyzer)",
          Runtime.getRuntime().availableProcessors()
              + " cores, "
              + System.getProperty("os.name")
              + " "
              + System.getProperty("os.arch")
              + ", Java "
              + System.getProperty("java.version"),
          cisiIds.size(),
          cisi.relevant().size(),
          minutes,
          modes,
          topChunks,
          RetrievalFloors.check(modes));
    }
  }

  static void write(Path reportDir, RetrievalBenchmarkResult result) throws IOException {
    Files.createDirectories(reportDir);
    new ObjectMapper()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .writeValue(reportDir.resolve("retrieval.json").toFile(), result);
    Files.writeString(
        reportDir.resolve("retrieval.md"),
        RetrievalReport.markdown(result),
        StandardCharsets.UTF_8);
  }
}
