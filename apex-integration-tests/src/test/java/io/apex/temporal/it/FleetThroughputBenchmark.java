package io.apex.temporal.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.apex.temporal.client.DocumentOutcome;
import io.apex.temporal.client.IngestionClient;
import io.apex.temporal.client.StartedIngestion;
import io.apex.temporal.it.support.Fleet;
import io.apex.temporal.it.support.OnePageDocuments;
import io.apex.temporal.it.support.SharedStoreFleetTest;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ingestion throughput of a fleet of 1, 2 and 3 worker jar processes on one task queue of a tuned
 * {@code temporal server start-dev}, sharing one PostgreSQL, as {@link FleetKillIT} runs them
 * (without the kill). Not part of CI: its name does not end in IT, so it runs only when asked for:
 *
 * <pre>
 * mvn -pl apex-integration-tests -am install -DskipTests
 * mvn -pl apex-integration-tests verify -Dit.test=FleetThroughputBenchmark -Dtest=none \
 *     -Dsurefire.failIfNoSpecifiedTests=false [-Dapex.fleet.documents=300]
 * </pre>
 *
 * For each fleet size: start the workers, ingest 10 documents to warm them up, then time {@code
 * apex.fleet.documents} new one-page documents from the first start to the last result. Writes
 * {@code target/fleet-throughput.md} with the machine's load average before and after each run.
 */
@DisplayName("ingestion throughput of 1, 2 and 3 workers on temporal server start-dev")
class FleetThroughputBenchmark extends SharedStoreFleetTest {
  private static final Logger log = LoggerFactory.getLogger(FleetThroughputBenchmark.class);
  private static final int WARM_UP = 10;
  private final int documents = Integer.getInteger("apex.fleet.documents", 300);

  private record Run(
      int workers, int documents, double seconds, double loadBefore, double loadAfter) {
    double perMinute() {
      return documents * 60 / seconds;
    }
  }

  @Test
  void measuresDocumentsPerMinuteWithOneTwoAndThreeWorkers() throws Exception {
    Path dir = Files.createTempDirectory("apex-fleet-throughput");
    List<Run> runs = new ArrayList<>();
    int next = 0;
    for (int workers = 1; workers <= 3; workers++) {
      String queue = uniqueQueue("fleet-throughput-" + workers);
      try (Fleet fleet = new Fleet(target, queue, store())) {
        fleet.start(workers);
        IngestionClient ingestion = new IngestionClient(client(), queue);
        ingest(ingestion, OnePageDocuments.write(dir, next, WARM_UP));
        next += WARM_UP;
        List<Path> files = OnePageDocuments.write(dir, next, documents);
        next += documents;
        double loadBefore = loadAverage();
        long begun = System.nanoTime();
        ingest(ingestion, files);
        Run run =
            new Run(
                workers, documents, (System.nanoTime() - begun) / 1e9, loadBefore, loadAverage());
        log.info(
            "{} worker(s): {} documents in {} s = {} documents/min (load {} -> {})",
            workers,
            documents,
            String.format("%.1f", run.seconds()),
            String.format("%.0f", run.perMinute()),
            run.loadBefore(),
            run.loadAfter());
        runs.add(run);
      }
    }
    Path report = Path.of("target", "fleet-throughput.md");
    Files.writeString(report, markdown(runs), StandardCharsets.UTF_8);
    log.info("fleet throughput written to {}:\n{}", report.toAbsolutePath(), markdown(runs));
  }

  /** Starts every file's ingestion, its result awaited while the rest start; all must be OK. */
  private void ingest(IngestionClient ingestion, List<Path> files) throws Exception {
    List<CompletableFuture<DocumentOutcome>> outcomes = new ArrayList<>();
    for (Path file : files) {
      StartedIngestion started = ingestion.start("fleet", file);
      outcomes.add(ingestion.outcome(started));
    }
    CompletableFuture.allOf(outcomes.toArray(CompletableFuture[]::new)).get(10, TimeUnit.MINUTES);
    assertThat(outcomes)
        .extracting(CompletableFuture::join)
        .extracting(DocumentOutcome::kind)
        .containsOnly(DocumentOutcome.Kind.OK);
  }

  private static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private String markdown(List<Run> runs) {
    StringBuilder text =
        new StringBuilder()
            .append("Fleet throughput, ")
            .append(Instant.now())
            .append(", ")
            .append(Runtime.getRuntime().availableProcessors())
            .append(" cores, Java ")
            .append(System.getProperty("java.version"))
            .append(", temporal server start-dev (tuned, in memory), one shared PostgreSQL,")
            .append(" worker jar defaults, one-page text documents\n\n")
            .append("| workers | documents | seconds | documents/min | load avg before / after |\n")
            .append("|---|---|---|---|---|\n");
    for (Run run : runs) {
      text.append(
          String.format(
              "| %d | %d | %.1f | %.0f | %.2f / %.2f |%n",
              run.workers(),
              run.documents(),
              run.seconds(),
              run.perMinute(),
              run.loadBefore(),
              run.loadAfter()));
    }
    return text.toString();
  }
}
