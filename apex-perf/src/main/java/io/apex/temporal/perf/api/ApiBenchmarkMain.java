package io.apex.temporal.perf.api;

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
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the HTTP API benchmark against a worker wired as the worker command wires it (the store, the
 * model and the API on a free loopback port) on the embedded Java test server, in a fresh data
 * directory; writes {@code api.json} and {@code api.md} into the report directory and exits 1 when
 * a floor the profile claims failed or did not run.
 */
public final class ApiBenchmarkMain {
  private static final Logger log = LoggerFactory.getLogger(ApiBenchmarkMain.class);
  private static final String TASK_QUEUE = "perf-api";

  private ApiBenchmarkMain() {}

  public static void main(String[] args) throws Exception {
    ApiBenchmarkSettings settings =
        ApiBenchmarkSettings.of(System.getProperty("apex.perf.profile", "short"));
    Path reportDir = Path.of(System.getProperty("apex.perf.report-dir", "target/perf"));
    ApiBenchmarkResult result = run(settings);
    write(reportDir, result);
    log.info("api benchmark {}: {}", result.passed() ? "passed" : "FAILED", result.floors());
    System.exit(result.passed() ? ExitCodes.OK : ExitCodes.FAILED);
  }

  static ApiBenchmarkResult run(ApiBenchmarkSettings settings) throws Exception {
    String loadAtStart = loadAverage();
    TemporalConfig config =
        SettingsMap.ownEmbeddedServer()
            .with("TEMPORAL_TASK_QUEUE", TASK_QUEUE)
            .with("APEX_API_ENABLED", "true")
            .config();
    // The worker as the worker command puts it together: ingestion, its API, its metrics.
    try (WorkDirectory work = WorkDirectory.temporary("apex-perf-api");
        WorkerRuntime worker =
            WorkerRuntime.builder(config)
                .withIngestion(
                    IngestionSettings.embedded(work.path().resolve("data"), FreePorts.next()))
                .withApi()
                .build()) {
      worker.start();
      URI base = URI.create("http://127.0.0.1:" + worker.apiPort().orElseThrow());
      log.info("api benchmark ({} profile) against {}", settings.profile(), base);
      var index = new SearchIndexSettling("127.0.0.1:" + worker.metricsPort());
      ApiFloors.Measured measured =
          new ApiBenchmark(
                  settings,
                  new MemoryServiceHttp(base),
                  index,
                  () -> ProcessCpu.postgresNanos(work.path().resolve("data")))
              .run();
      return new ApiBenchmarkResult(
          settings,
          "embedded Java test server (in-process); the worker's API (Jetty 12) on loopback, in"
              + " the benchmark's JVM",
          "embedded PostgreSQL (zonky), all-MiniLM-L6-v2 (int8) in-process, Lucene HNSW and"
              + " BM25",
          Runtime.getRuntime().availableProcessors()
              + " cores, "
              + System.getProperty("os.name")
              + " "
              + System.getProperty("os.arch")
              + ", Java "
              + System.getProperty("java.version")
              + " ("
              + System.getProperty("java.vm.name")
              + "), load average "
              + loadAtStart
              + " at start, "
              + loadAverage()
              + " at end",
          measured.onePage().orElseThrow(),
          measured.seeding().orElseThrow(),
          measured.storedChunks(),
          measured.settled().orElseThrow(),
          measured.search(),
          ApiFloors.check(settings, measured));
    }
  }

  private static String loadAverage() {
    return String.format(
        Locale.ROOT, "%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  static void write(Path reportDir, ApiBenchmarkResult result) throws IOException {
    Files.createDirectories(reportDir);
    new ObjectMapper()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .writeValue(reportDir.resolve("api.json").toFile(), result);
    Files.writeString(
        reportDir.resolve("api.md"), ApiReport.markdown(result), StandardCharsets.UTF_8);
  }
}
