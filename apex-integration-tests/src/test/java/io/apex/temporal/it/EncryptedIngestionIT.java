package io.apex.temporal.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.apex.temporal.it.support.ChildWorker;
import io.apex.temporal.it.support.StoreRows;
import io.apex.temporal.it.support.WorkerJarCommand;
import io.apex.temporal.testkit.CliResult;
import io.apex.temporal.testkit.Deadline;
import io.apex.temporal.testkit.DevServerTarget;
import io.apex.temporal.testkit.FreePorts;
import io.apex.temporal.testkit.SampleDocuments;
import io.apex.temporal.workflows.ingestion.DocumentIds;
import io.apex.temporal.workflows.ingestion.DocumentIngestionWorkflow;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 13's encrypted payloads on a real ingestion: the worker jar with the real components (Tika,
 * entity rules, embedded PostgreSQL) against {@code temporal server start-dev}, a document ingested
 * with the jar's {@code ingest} command, and its history read with the {@code temporal} CLI. With
 * encryption on by default for ingestion, the history shows neither the document's path nor any of
 * its text or entities; through the worker's codec endpoint the path and the counts are readable.
 * The text and the entities never travel through Temporal at all: they stay in the store.
 */
@DisplayName("a real ingestion's encrypted history on temporal server start-dev")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EncryptedIngestionIT {
  private static final String SENTENCE =
      "The quartz heron sings only when the tide turns backwards over Lindqvist pier.";
  private static final String EMAIL = "mallory.keeper@example.org";
  private static final String AMOUNT = "4,875.25 EUR";
  private static final String PERSON = "Ingrid Halvorsen";

  private final DevServerTarget server = new DevServerTarget();
  private Map<String, String> settings;
  private int metricsPort;
  private int storePort;
  private ChildWorker worker;
  private Path document;

  @BeforeAll
  void startServerAndWorker() throws Exception {
    server.start();
    Path work = Files.createTempDirectory("apex-encrypted-ingestion");
    metricsPort = FreePorts.next();
    storePort = FreePorts.next();
    byte[] key = new byte[32];
    Arrays.fill(key, (byte) 0x5a);
    settings =
        ChildWorker.withOwnApi(
            Map.of(
                "TEMPORAL_HOST", server.host(),
                "TEMPORAL_PORT", String.valueOf(server.port()),
                "TEMPORAL_TASK_QUEUE", "encrypted-ingestion-" + UUID.randomUUID(),
                "TEMPORAL_EMBEDDED_SERVER", "never",
                "TEMPORAL_METRICS_PORT", String.valueOf(metricsPort),
                // APEX_PAYLOAD_ENCRYPT is left at its default: ingestion is encrypted by default.
                "APEX_PAYLOAD_KEY", "it-ingestion:" + Base64.getEncoder().encodeToString(key),
                "APEX_PAYLOAD_KEY_FILE", work.resolve("unused-key-file").toString(),
                "APEX_DATA_DIR", work.resolve("data").toString(),
                "APEX_STORE_PORT", String.valueOf(storePort)));
    worker = ChildWorker.jar(settings);
    Deadline.require(
        Duration.ofMinutes(3),
        "the worker to be ready",
        () -> worker.output().contains("worker ready") || !worker.alive());
    assertThat(worker.alive()).as(worker.output()).isTrue();
    document =
        SampleDocuments.write(
            work.resolve("confidential-tender-files").resolve("harbour-memo.txt"),
            SampleDocuments.text(
                "Memo on the harbour tender.\n\n"
                    + SENTENCE
                    + "\nSend the signed offer to "
                    + EMAIL
                    + " with the deposit of "
                    + AMOUNT
                    + ".\nDr. "
                    + PERSON
                    + " approves the offer."));
  }

  @AfterAll
  void stop() throws Exception {
    if (worker != null) {
      worker.terminate();
      worker.awaitExit(Duration.ofMinutes(1));
    }
    server.close();
  }

  @Test
  void theHistoryHoldsNoPathTextOrEntityInPlainTextAndTheCodecEndpointShowsThePath()
      throws Exception {
    String path = document.toAbsolutePath().normalize().toString();
    String documentId = DocumentIds.of("it", path);
    String workflowId = DocumentIngestionWorkflow.workflowId(documentId);

    WorkerJarCommand.Result ingest =
        WorkerJarCommand.run(
            settings, Duration.ofMinutes(3), "ingest", "--source", "it", document.toString());

    assertThat(ingest.exitCode()).as(ingest.out() + ingest.err()).isZero();
    assertThat(ingest.out()).startsWith("OK " + documentId + " " + path + " ");
    // The entities were really found and stored: the history must hide real values.
    StoreRows rows = StoreRows.ofWorker(storePort, Path.of(settings.get("APEX_DATA_DIR")));
    for (String surface : List.of(EMAIL, AMOUNT, PERSON)) {
      assertThat(
              rows.count("SELECT count(*) FROM mentions WHERE surface LIKE ?", "%" + surface + "%"))
          .as("stored mentions of %s", surface)
          .isPositive();
    }
    assertThat(rows.count("SELECT count(*) FROM chunks WHERE text LIKE ?", "%" + SENTENCE + "%"))
        .isPositive();
    String[] secrets = {
      path, "confidential-tender-files", SENTENCE, "quartz heron", EMAIL, "4,875.25", PERSON
    };

    String codec = "http://127.0.0.1:" + metricsPort + "/codec";

    CliResult plain = server.cli("workflow", "show", "--workflow-id", workflowId);
    assertThat(plain.exitCode()).as(plain.output()).isZero();
    assertThat(plain.output())
        .as("without the codec endpoint:%n%s", plain.output())
        .contains("binary/encrypted")
        .doesNotContain(secrets);
    CliResult decoded =
        server.cli("workflow", "show", "--workflow-id", workflowId, "--codec-endpoint", codec);
    assertThat(decoded.exitCode()).as(decoded.output()).isZero();
    assertThat(decoded.output())
        .as("through the codec endpoint:%n%s", decoded.output())
        // An upload carries the file's name, never the client's path.
        .contains(Path.of(path).getFileName().toString())
        .doesNotContain("binary/encrypted")
        // Only references and counts travel: the text and the entities stay in the store.
        .doesNotContain(SENTENCE, "quartz heron", EMAIL, "4,875.25", PERSON);

    // JSON output shows payloads base64-encoded: decoded, they hold no secret either.
    List<Payload> raw =
        payloads(server.cli("workflow", "show", "--workflow-id", workflowId, "-o", "json"));
    assertThat(raw)
        .hasSizeGreaterThanOrEqualTo(10)
        .allSatisfy(p -> assertThat(p.encoding()).isEqualTo("binary/encrypted"))
        .allSatisfy(p -> assertThat(p.text()).doesNotContain(secrets));
    List<Payload> readable =
        payloads(
            server.cli(
                "workflow",
                "show",
                "--workflow-id",
                workflowId,
                "-o",
                "json",
                "--codec-endpoint",
                codec));
    assertThat(readable)
        .hasSameSizeAs(raw)
        .allSatisfy(p -> assertThat(p.encoding()).isEqualTo("json/plain"))
        .allSatisfy(
            p ->
                assertThat(p.text())
                    .doesNotContain(SENTENCE, "quartz heron", EMAIL, "4,875.25", PERSON))
        .anySatisfy(
            p -> assertThat(p.text()).contains("\"path\":\"" + Path.of(path).getFileName() + "\""))
        .anySatisfy(p -> assertThat(p.text()).contains("\"entities\":"));
  }

  /**
   * A refused file's reason names its path; with failure attributes encoded through the codec, the
   * history shows neither the path nor the reason, and the codec endpoint shows both.
   */
  @Test
  void aBadFilesReasonAndPathAreHiddenInTheHistoryAndReadableThroughTheCodecEndpoint()
      throws Exception {
    // Binary content: the upload is taken, and the workflow's staging refuses it with a reason.
    Path empty =
        Files.createDirectories(document.getParent().resolveSibling("sealed-bids-of-halvorsen"))
            .resolve("empty-bid.txt");
    byte[] binary = new byte[4096];
    for (int i = 0; i < binary.length; i++) {
      binary[i] = (byte) (i * 7 + 1);
    }
    Files.write(empty, binary);
    String path = empty.toAbsolutePath().normalize().toString();
    String workflowId = DocumentIngestionWorkflow.workflowId(DocumentIds.of("it", path));

    WorkerJarCommand.Result ingest =
        WorkerJarCommand.run(
            settings, Duration.ofMinutes(3), "ingest", "--source", "it", empty.toString());
    assertThat(ingest.exitCode()).as(ingest.out() + ingest.err()).isEqualTo(1);
    assertThat(ingest.out()).as("the command's own report").contains("FAILED ", "binary");

    String[] secrets = {"sealed-bids-of-halvorsen", "empty-bid.txt", "binary"};
    CliResult plain = server.cli("workflow", "show", "--workflow-id", workflowId);
    assertThat(plain.exitCode()).as(plain.output()).isZero();
    assertThat(plain.output())
        .as("without the codec endpoint:%n%s", plain.output())
        .contains("Encoded failure")
        .doesNotContain(secrets);
    CliResult json = server.cli("workflow", "show", "--workflow-id", workflowId, "-o", "json");
    assertThat(json.exitCode()).as(json.output()).isZero();
    assertThat(json.output())
        .as("JSON without the codec endpoint:%n%s", json.output())
        .contains("encodedAttributes")
        .doesNotContain(secrets);

    // The CLI's text output prints a failure's message field only; its JSON output has the
    // encoded attributes, which the codec endpoint turns back into the message and the trace.
    CliResult decoded =
        server.cli(
            "workflow",
            "show",
            "--workflow-id",
            workflowId,
            "-o",
            "json",
            "--codec-endpoint",
            "http://127.0.0.1:" + metricsPort + "/codec");
    assertThat(decoded.exitCode()).as(decoded.output()).isZero();
    List<Payload> attributes = new ArrayList<>();
    for (JsonNode payload :
        new ObjectMapper().readTree(decoded.output()).findValues("encodedAttributes")) {
      attributes.add(
          new Payload(
              base64(payload.path("metadata").path("encoding").asText()),
              base64(payload.path("data").asText())));
    }
    assertThat(attributes)
        .as("failure attributes through the codec endpoint:%n%s", decoded.output())
        .isNotEmpty()
        .allSatisfy(p -> assertThat(p.encoding()).isEqualTo("json/plain"))
        .anySatisfy(p -> assertThat(p.text()).contains("empty-bid.txt is binary"));
  }

  /** A payload of the CLI's JSON output, its encoding and data decoded from base64. */
  private record Payload(String encoding, String text) {}

  private List<Payload> payloads(CliResult json) throws Exception {
    assertThat(json.exitCode()).as(json.output()).isZero();
    List<Payload> payloads = new ArrayList<>();
    for (JsonNode list : new ObjectMapper().readTree(json.output()).findValues("payloads")) {
      for (JsonNode payload : list) {
        payloads.add(
            new Payload(
                base64(payload.path("metadata").path("encoding").asText()),
                base64(payload.path("data").asText())));
      }
    }
    return payloads;
  }

  private static String base64(String text) {
    return new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8);
  }
}
