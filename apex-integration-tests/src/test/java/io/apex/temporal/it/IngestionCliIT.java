package io.apex.temporal.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.apex.temporal.it.support.ChildWorker;
import io.apex.temporal.it.support.StoreRows;
import io.apex.temporal.it.support.WorkerJarCommand;
import io.apex.temporal.testkit.Deadline;
import io.apex.temporal.testkit.FreePorts;
import io.apex.temporal.testkit.SampleDocuments;
import io.apex.temporal.testkit.SampleDocuments.Sample;
import io.apex.temporal.workflows.ingestion.DocumentIds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The "done when", as a person does it: the worker jar started with no setup (the embedded
 * Temporal server and the embedded PostgreSQL), then the jar's ingest, search and status commands
 * from "a second terminal", against the real components.
 */
@DisplayName("ingestion through the worker jar's command line, embedded Temporal and PostgreSQL")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IngestionCliIT {
  private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(3);
  private final ObjectMapper json = new ObjectMapper();
  private Map<String, String> settings;
  private int storePort;
  private ChildWorker worker;
  private Path folder;
  private List<Sample> samples;

  @BeforeAll
  void startWorker() throws Exception {
    Path work = Files.createTempDirectory("apex-ingestion-cli");
    storePort = FreePorts.next();
    settings =
        ChildWorker.withOwnApi(
            Map.of(
                "TEMPORAL_HOST", "127.0.0.1",
                "TEMPORAL_PORT", String.valueOf(FreePorts.next()),
                // A free port rather than the default, so the embedded server must be asked for.
                "TEMPORAL_EMBEDDED_SERVER", "always",
                "TEMPORAL_METRICS_PORT", String.valueOf(FreePorts.next()),
                "APEX_DATA_DIR", work.resolve("data").toString(),
                "APEX_STORE_PORT", String.valueOf(storePort)));
    worker = ChildWorker.jar(settings);
    Deadline.require(
        Duration.ofMinutes(3),
        "the worker to be ready\n" + worker.output(),
        () -> worker.output().contains("worker ready") || !worker.alive());
    assertThat(worker.alive()).as(worker.output()).isTrue();
    folder = work.resolve("docs");
    samples = SampleDocuments.everyFormat(folder);
  }

  @AfterAll
  void stopWorker() throws Exception {
    if (worker != null) {
      worker.terminate();
      assertThat(worker.awaitExit(Duration.ofMinutes(1))).as(worker.output()).isZero();
    }
  }

  private WorkerJarCommand.Result cli(String... args) {
    return WorkerJarCommand.run(settings, COMMAND_TIMEOUT, args);
  }

  private static String id(Path file) {
    return DocumentIds.of("local", file.toAbsolutePath().normalize().toString());
  }

  @Test
  @Order(1)
  void ingestingAFolderOfEveryFormatStoresEachAndSearchFindsTheRightDocumentFirst()
      throws Exception {
    WorkerJarCommand.Result ingest = cli("ingest", folder.toString());

    assertThat(ingest.exitCode()).as(ingest.out() + ingest.err()).isZero();
    List<String> lines = ingest.out().lines().toList();
    assertThat(lines).hasSize(samples.size() + 1);
    for (Sample sample : samples) {
      assertThat(lines)
          .anySatisfy(
              line ->
                  assertThat(line)
                      .startsWith("OK " + id(sample.file()) + " " + sample.file() + " ")
                      .matches(".* [1-9][0-9]* [0-9]+$"));
    }
    assertThat(lines.get(lines.size() - 1)).isEqualTo("6 documents: 6 ok, 0 unchanged, 0 failed");

    for (Sample sample : samples) {
      WorkerJarCommand.Result search = cli("search", "--json", "--top", "3", sample.query());
      assertThat(search.exitCode()).as(search.err()).isZero();
      JsonNode hits = json.readTree(search.out()).get("results");
      assertThat(hits.isArray()).isTrue();
      assertThat(hits.get(0).get("file_name").asText())
          .as(sample.query())
          .isEqualTo(sample.file().getFileName().toString());
      assertThat(hits.get(0).get("document_id").asText()).isEqualTo(id(sample.file()));
      assertThat(hits.get(0).get("score").asDouble()).isPositive();
      assertThat(hits.get(0).get("text").asText()).isNotBlank();
    }
  }

  @Test
  @Order(2)
  void ingestingTheSameFolderAgainReportsEveryDocumentUnchangedAndAddsNoRows() {
    StoreRows rows = StoreRows.ofWorker(storePort, Path.of(settings.get("APEX_DATA_DIR")));
    long chunks = rows.count("SELECT count(*) FROM chunks");
    long versions = rows.count("SELECT count(*) FROM document_versions");

    WorkerJarCommand.Result again = cli("ingest", folder.toString());

    assertThat(again.exitCode()).as(again.out() + again.err()).isZero();
    assertThat(again.out().lines().filter(line -> line.startsWith("UNCHANGED "))).hasSize(6);
    assertThat(again.out()).contains("6 documents: 0 ok, 6 unchanged, 0 failed");
    assertThat(rows.count("SELECT count(*) FROM documents")).isEqualTo(6);
    assertThat(rows.count("SELECT count(*) FROM chunks")).isEqualTo(chunks);
    assertThat(rows.count("SELECT count(*) FROM document_versions")).isEqualTo(versions);
    assertThat(
            rows.count(
                "SELECT count(*) FROM (SELECT document_id, chunk_index FROM chunks"
                    + " GROUP BY 1, 2 HAVING count(*) > 1) d"))
        .isZero();
  }

  @Test
  @Order(3)
  void aCorruptPdfAnEmptyFileAndABinaryFileFailWithReasonsAndTheRestAreOk() throws Exception {
    Path mixed = folder.getParent().resolve("mixed");
    Map<String, Path> bad = SampleDocuments.badInputs(mixed);
    Path good1 =
        SampleDocuments.write(
            mixed.resolve("notes.md"),
            SampleDocuments.markdown("Notes", "Meeting notes about the garden shed roof repair."));
    Path good2 =
        SampleDocuments.write(
            mixed.resolve("letter.txt"),
            SampleDocuments.text("A letter about the bicycle club's summer ride to the coast."));

    WorkerJarCommand.Result ingest = cli("ingest", mixed.toString());

    assertThat(ingest.exitCode()).as(ingest.out() + ingest.err()).isEqualTo(1);
    List<String> lines = ingest.out().lines().toList();
    // What each file's reason must say, as DocumentFormatsTest expects of the parser.
    Map<String, String> reasons =
        Map.of(
            "corrupt pdf",
            "corrupt or truncated",
            "empty file",
            "is empty",
            "binary file",
            "binary");
    assertThat(bad.keySet()).isEqualTo(reasons.keySet());
    for (Map.Entry<String, Path> entry : bad.entrySet()) {
      Path file = entry.getValue();
      String prefix = "FAILED " + id(file) + " " + file + " 0 0 ";
      assertThat(lines)
          .as(entry.getKey())
          .filteredOn(line -> line.startsWith(prefix))
          .singleElement()
          .satisfies(
              line ->
                  assertThat(line.substring(prefix.length()))
                      .contains(reasons.get(entry.getKey())));
    }
    for (Path file : List.of(good1, good2)) {
      assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("OK " + id(file) + " "));
    }
    assertThat(lines.get(lines.size() - 1)).isEqualTo("5 documents: 2 ok, 0 unchanged, 3 failed");
  }

  @Test
  @Order(4)
  void statusShowsTheWorkflowsStageAndTheStoredVersion() {
    Path file = samples.get(0).file();
    WorkerJarCommand.Result status = cli("status", id(file));

    assertThat(status.exitCode()).as(status.err()).isZero();
    assertThat(status.out())
        .contains("workflow:  ingest-" + id(file))
        .contains("stage:     completed")
        .contains("file:      " + file.getFileName())
        .contains("stored:    version " + id(file) + ":");
  }

  @Test
  @Order(5)
  void theGreetingKeepsWorkingOnTheIngestionWorker() {
    WorkerJarCommand.Result greet = cli("greet", "Ingestion");
    assertThat(greet.exitCode()).as(greet.err()).isZero();
    assertThat(greet.out().strip())
        .isEqualTo("Hello, Ingestion! Welcome to Apex Memory System with Temporal.io!");
  }
}
