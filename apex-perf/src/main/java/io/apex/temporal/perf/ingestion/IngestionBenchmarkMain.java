package io.apex.temporal.perf.ingestion;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.apex.temporal.config.TemporalConfig;
import io.apex.temporal.ingestion.IngestionSettings;
import io.apex.temporal.perf.WorkDirectory;
import io.apex.temporal.perf.cpu.ProcessCpu;
import io.apex.temporal.testkit.FreePorts;
import io.apex.temporal.testkit.SettingsMap;
import io.apex.temporal.worker.internal.cli.ExitCodes;
import io.apex.temporal.worker.runtime.WorkerRuntime;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the ingestion benchmark on the embedded default (the Java test server in-process and the
 * embedded PostgreSQL, fresh data directory), writes {@code ingestion.json} and {@code
 * ingestion.md} into the report directory, and exits 1 when a floor failed or did not run.
 */
public final class IngestionBenchmarkMain {
  private static final Logger log = LoggerFactory.getLogger(IngestionBenchmarkMain.class);
  private static final String TASK_QUEUE = "perf-ingestion";

  private IngestionBenchmarkMain() {}

  public static void main(String[] args) throws Exception {
    IngestionBenchmarkSettings settings =
        IngestionBenchmarkSettings.of(System.getProperty("apex.perf.profile", "short"));
    Path reportDir = Path.of(System.getProperty("apex.perf.report-dir", "target/perf"));
    IngestionBenchmarkResult result = run(settings);
    write(reportDir, result);
    log.info("ingestion benchmark {}: {}", result.passed() ? "passed" : "FAILED", result.floors());
    System.exit(result.passed() ? ExitCodes.OK : ExitCodes.FAILED);
  }

  static IngestionBenchmarkResult run(IngestionBenchmarkSettings settings) throws Exception {
    int storePort = FreePorts.next();
    // The benchmark's worker runs the embedded server itself, on free ports.
    TemporalConfig config =
        SettingsMap.ownEmbeddedServer().with("TEMPORAL_TASK_QUEUE", TASK_QUEUE).config();
    // The worker as the worker command puts it together, metrics included, on its own store.
    try (WorkDirectory work = WorkDirectory.temporary("apex-perf-ingestion");
        WorkerRuntime worker =
            WorkerRuntime.builder(config)
                .withIngestion(
                    IngestionSettings.embedded(work.path().resolve("data"), storePort)
                        .withIngestRoots(List.of(work.path())))
                .build()) {
      worker.start();
      IngestionBenchmark.Measured measured =
          new IngestionBenchmark(
                  settings,
                  worker.client(),
                  TASK_QUEUE,
                  worker.documentSearch().orElseThrow(),
                  work.path().resolve("docs"),
                  () -> ProcessCpu.postgresNanos(work.path().resolve("data")))
              .run();
      return new IngestionBenchmarkResult(
          settings.profile(),
          "embedded Java test server (in-process)",
          "embedded PostgreSQL (zonky), all-MiniLM-L6-v2 (int8) in-process",
          Runtime.getRuntime().availableProcessors()
              + " cores, "
              + System.getProperty("os.name")
              + " "
              + System.getProperty("os.arch")
              + ", Java "
              + System.getProperty("java.version"),
          settings.throughputDocuments(),
          settings.concurrency(),
          measured.documentsPerMinute(),
          measured.latency(),
          measured.chunksPerSecond(),
          measured.largeSearchableSeconds(),
          measured.failed(),
          measured.breakdown(),
          IngestionBenchmark.floors(measured));
    }
  }

  /** The embedded PostgreSQL's postmaster, from the PID file in its data directory. */
  static void write(Path reportDir, IngestionBenchmarkResult result) throws IOException {
    Files.createDirectories(reportDir);
    new ObjectMapper()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .writeValue(reportDir.resolve("ingestion.json").toFile(), result);
    Files.writeString(
        reportDir.resolve("ingestion.md"),
        IngestionReport.markdown(result),
        StandardCharsets.UTF_8);
  }
}
