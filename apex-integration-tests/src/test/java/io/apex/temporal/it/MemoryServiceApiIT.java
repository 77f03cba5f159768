package io.apex.temporal.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.apex.temporal.it.support.ApiClient;
import io.apex.temporal.it.support.ApiResponse;
import io.apex.temporal.it.support.ApiWorker;
import io.apex.temporal.it.support.IntegrationTest;
import io.apex.temporal.it.support.MultipartBody;
import io.apex.temporal.it.support.OpenApiContract;
import io.apex.temporal.it.support.Schemathesis;
import io.apex.temporal.testkit.ChildProcess;
import io.apex.temporal.testkit.Deadline;
import io.apex.temporal.testkit.DevServerTarget;
import io.apex.temporal.testkit.SampleDocuments;
import io.apex.temporal.testkit.TemporalTarget;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 19's HTTP API on the real worker jar: every endpoint and every error status, each answer
 * checked against openapi.json by the client. The tests run in order on one worker: the documents
 * the first stores are listed, searched and deleted by the later ones.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class MemoryServiceApiIT extends IntegrationTest {
  private static final Duration INGESTED = Duration.ofMinutes(2);
  private static final List<String> MODES = List.of("hybrid", "semantic", "keyword");
  private final ObjectMapper json = new ObjectMapper();
  private final OpenApiContract contract = OpenApiContract.ofApexApi();
  private ApiWorker worker;
  private ApiClient api;

  /** Stored documents by ID, with the phrase that should find each first. */
  private final Map<String, String> stored = new LinkedHashMap<>();

  private String gardenId;
  private String bicycleId;

  @BeforeAll
  void startTheWorker() throws Exception {
    worker = ApiWorker.start(target, uniqueQueue("api"));
    api = worker.client(contract);
  }

  @AfterAll
  void stopTheWorker() throws Exception {
    if (worker != null) {
      worker.close();
    }
  }

  @Test
  @Order(1)
  void anUploadIsAcceptedThenTheSameContentIsUnchangedAndStaysOneDocument() throws Exception {
    byte[] garden =
        SampleDocuments.text(
            "The garden shed roof was repaired with cedar shingles on April 12, 2025. Dr. Margaret"
                + " Hale ordered the shingles from Portland Roofing Ltd for $1,250 and the repair"
                + " took three days.");

    ApiResponse first = api.upload("garden.txt", garden, "source", "alpha");

    assertThat(first.status()).as(first.toString()).isEqualTo(202);
    gardenId = first.json().get("document_id").asText();
    assertThat(first.json().get("status").asText()).isEqualTo("accepted");
    assertThat(first.json().get("workflow_id").asText()).isEqualTo("ingest-" + gardenId);
    assertThat(first.json().get("status_url").asText()).isEqualTo("/v1/documents/" + gardenId);
    JsonNode document = awaitStage(gardenId, "completed");
    assertThat(document.get("chunks").asInt()).isPositive();
    assertThat(document.get("entities").asInt()).isPositive();
    assertThat(document.get("source").asText()).isEqualTo("alpha");
    assertThat(document.get("file_name").asText()).isEqualTo("garden.txt");
    assertThat(document.get("size_bytes").asLong()).isEqualTo(garden.length);
    assertThat(document.get("content_sha256").asText()).isEqualTo(sha256(garden));
    assertThat(document.get("current_version").isNull()).isFalse();
    assertThat(document.get("stored_at").isNull()).isFalse();
    assertThat(document.get("reason").isNull()).isTrue();
    stored.put(gardenId, "cedar shingles garden shed roof");

    ApiResponse again = api.upload("garden.txt", garden, "source", "alpha");

    assertThat(again.status()).as(again.toString()).isEqualTo(200);
    assertThat(again.json().get("status").asText()).isEqualTo("unchanged");
    assertThat(again.json().get("document_id").asText()).isEqualTo(gardenId);
    assertThat(again.json().get("workflow_id").isNull()).isTrue();
    assertThat(
            worker.rows().count("SELECT count(*) FROM documents WHERE document_id = ?", gardenId))
        .isEqualTo(1);
    assertThat(
            worker
                .rows()
                .count("SELECT count(*) FROM document_versions WHERE document_id = ?", gardenId))
        .isEqualTo(1);

    bicycleId =
        ingest(
            "bicycle.md",
            SampleDocuments.markdown(
                "Bicycle club",
                "The bicycle club rode to the coast in July; Daniel Brooks led the ride past the"
                    + " lighthouse at Cape Elizabeth."),
            "beta",
            "bicycle club ride lighthouse coast");
    ingest(
        "orchard.txt",
        SampleDocuments.text(
            "Apple orchard pruning happens in late winter before the buds break. Hannah Price keeps"
                + " the pruning log for the orchard in Vermont."),
        "alpha",
        "apple orchard pruning winter buds");
    ingest(
        "telescope.txt",
        SampleDocuments.text(
            "The observatory's telescope mirror was recoated with aluminium; Oliver Grant measured"
                + " its reflectivity at the observatory in Tucson."),
        "beta",
        "telescope mirror recoated aluminium reflectivity");
  }

  @Test
  @Order(2)
  void pagesOfOneWalkEveryDocumentByCursorAndTheFiltersSelect() {
    Set<String> walked = new LinkedHashSet<>();
    String cursor = null;
    int pages = 0;
    do {
      ApiResponse page =
          api.get("/v1/documents?limit=1" + (cursor == null ? "" : "&cursor=" + cursor));
      assertThat(page.status()).as(page.toString()).isEqualTo(200);
      JsonNode documents = page.json().get("documents");
      assertThat(documents.size()).isLessThanOrEqualTo(1);
      documents.forEach(d -> assertThat(walked.add(d.get("document_id").asText())).isTrue());
      cursor =
          page.json().get("next_cursor").isNull() ? null : page.json().get("next_cursor").asText();
      pages++;
    } while (cursor != null && pages < 50);
    assertThat(walked).containsExactlyInAnyOrderElementsOf(stored.keySet());
    assertThat(ids(api.get("/v1/documents?limit=100"))).containsExactlyElementsOf(walked);

    List<String> alpha = ids(api.get("/v1/documents?source=alpha"));
    assertThat(alpha).hasSize(2).contains(gardenId).doesNotContain(bicycleId);
    assertThat(ids(api.get("/v1/documents?status=completed")))
        .containsExactlyInAnyOrderElementsOf(stored.keySet());
    assertThat(ids(api.get("/v1/documents?status=failed"))).isEmpty();

    for (String bad :
        List.of("status=finished", "limit=0", "limit=101", "limit=many", "cursor=%21%21")) {
      assertProblem(api.get("/v1/documents?" + bad), 400);
    }
  }

  @Test
  @Order(3)
  void everySearchModeRanksTheRightDocumentFirstAndTheFiltersHold() throws Exception {
    for (String mode : MODES) {
      for (Map.Entry<String, String> document : stored.entrySet()) {
        JsonNode results = search(Map.of("query", document.getValue(), "mode", mode, "top_k", 5));
        assertThat(results.size()).as("%s %s", mode, document.getValue()).isPositive();
        assertThat(results.get(0).get("document_id").asText())
            .as("%s search for '%s'", mode, document.getValue())
            .isEqualTo(document.getKey());
      }
    }
    JsonNode perDocument =
        search(Map.of("query", "the", "mode", "hybrid", "top_k", 50, "by_document", true));
    List<String> documents = new ArrayList<>();
    perDocument.forEach(hit -> documents.add(hit.get("document_id").asText()));
    assertThat(documents).isNotEmpty().doesNotHaveDuplicates();

    JsonNode beta = search(Map.of("query", "the observatory and the coast", "source", "beta"));
    assertThat(beta.size()).isPositive();
    beta.forEach(hit -> assertThat(hit.get("source").asText()).isEqualTo("beta"));

    JsonNode onlyGarden =
        search(Map.of("query", "telescope mirror", "document_ids", List.of(gardenId)));
    onlyGarden.forEach(hit -> assertThat(hit.get("document_id").asText()).isEqualTo(gardenId));

    assertProblem(api.postJson("/v1/search", "{\"query\": \"roof\""), 400);
    assertProblem(api.postJson("/v1/search", "{\"top_k\": 3}"), 400);
    assertProblem(api.postJson("/v1/search", "{\"query\": \"roof\", \"colour\": \"red\"}"), 400);
    assertProblem(api.postJson("/v1/search", "{\"query\": \"roof\", \"top_k\": 0}"), 400);
    assertProblem(api.postJson("/v1/search", "{\"query\": \"roof\", \"mode\": \"fuzzy\"}"), 400);
    assertProblem(api.postJson("/v1/search", "{\"query\": \"   \"}"), 400);
    assertProblem(api.postJson("/v1/search", "[1, 2]"), 400);
    assertProblem(
        api.send("POST", "/v1/search", "text/plain", "roof".getBytes(StandardCharsets.UTF_8)), 415);
  }

  @Test
  @Order(4)
  void entitiesAreListedWithTheirDocumentsAndRelatedEntities() {
    ApiResponse all = api.get("/v1/entities");
    assertThat(all.status()).as(all.toString()).isEqualTo(200);
    assertThat(all.json().get("entities").size()).isPositive();

    ApiResponse found = api.get("/v1/entities?q=Margaret&type=PERSON");
    assertThat(found.status()).isEqualTo(200);
    JsonNode margaret = found.json().get("entities");
    assertThat(margaret.size()).as(found.toString()).isPositive();
    JsonNode first = margaret.get(0);
    assertThat(first.get("name").asText()).containsIgnoringCase("Margaret");

    ApiResponse detail = api.get("/v1/entities/" + first.get("entity_id").asText());
    assertThat(detail.status()).as(detail.toString()).isEqualTo(200);
    List<String> mentioning = new ArrayList<>();
    detail.json().get("documents").forEach(d -> mentioning.add(d.get("document_id").asText()));
    assertThat(mentioning).contains(gardenId);
    assertThat(detail.json().get("mentions").asInt()).isPositive();
    assertThat(detail.json().get("related").size())
        .as("entities mentioned together with it: %s", detail)
        .isPositive();

    assertProblem(api.get("/v1/entities/987654321"), 404);
    assertProblem(api.get("/v1/entities/not-a-number"), 400);
    assertProblem(api.get("/v1/entities?limit=0"), 400);
  }

  @Test
  @Order(5)
  void everyClientErrorIsAProblemWithItsStatusAndNoneIsAServerError() {
    assertProblem(api.get("/v1/documents/no-such-document"), 404);
    assertProblem(api.delete("/v1/documents/no-such-document"), 404);
    assertProblem(api.get("/v1/documents/bad%20id"), 400);
    // Refused by Jetty before any route runs: still a problem, not Jetty's HTML page.
    assertProblem(api.get("/v1/documents/a%17b"), 400);
    assertProblem(api.get("/v1/nothing-here"), 404);

    ApiResponse put = api.send("PUT", "/v1/documents", null, null);
    assertProblem(put, 405);
    assertThat(put.header("Allow"))
        .hasValueSatisfying(allow -> assertThat(allow).contains("GET", "POST"));
    ApiResponse patch = api.send("PATCH", "/v1/documents/" + gardenId, null, null);
    assertProblem(patch, 405);
    assertThat(patch.header("Allow"))
        .hasValueSatisfying(allow -> assertThat(allow).contains("GET", "DELETE"));
    assertProblem(api.send("GET", "/v1/search", null, null), 405);

    ApiResponse notMultipart =
        api.send(
            "POST",
            "/v1/documents",
            "application/json",
            "{\"file\": \"x\"}".getBytes(StandardCharsets.UTF_8));
    assertProblem(notMultipart, 415);
    // Its body may be left unread and the connection closed: the client is told not to reuse it.
    assertThat(notMultipart.header("Connection")).hasValue("close");
    assertProblem(api.upload(new MultipartBody().text("source", "alpha")), 400);
    assertProblem(api.upload("empty.txt", new byte[0]), 400);
    assertProblem(
        api.upload("name.txt", "x".getBytes(StandardCharsets.UTF_8), "document_id", "a b"), 400);
    assertProblem(
        api.upload("name.txt", "x".getBytes(StandardCharsets.UTF_8), "source", "a b"), 400);
    assertProblem(
        api.upload("big.txt", new byte[(int) ApiWorker.MAX_DOCUMENT_BYTES + 50_000]), 413);
  }

  @Test
  @Order(6)
  void anUploadOverTheLimitIsRefusedBeforeItsBodyIsRead() {
    long offered = 16L * 1024 * 1024;

    ApiClient.EarlyAnswer streamed = api.oversizedUpload(-1, offered);

    assertProblem(streamed.response(), 413);
    assertThat(streamed.bytesSent())
        .as("bytes of the chunked body sent when the 413 came")
        .isLessThan(offered);

    ApiClient.EarlyAnswer declared = api.oversizedUpload(offered, 0);

    assertProblem(declared.response(), 413);
    assertThat(declared.response().json().get("detail").asText()).contains(String.valueOf(offered));
  }

  @Test
  @Order(7)
  void aTruncatedPdfEndsFailedWithItsReason() {
    byte[] pdf = SampleDocuments.pdf(List.of("This PDF is cut short halfway through its pages."));
    byte[] truncated = java.util.Arrays.copyOf(pdf, pdf.length / 3);

    ApiResponse upload = api.upload("cut.pdf", truncated, "source", "gamma");

    assertThat(upload.status()).as(upload.toString()).isEqualTo(202);
    String id = upload.json().get("document_id").asText();
    JsonNode failed = awaitStage(id, "failed");
    assertThat(failed.get("reason").asText()).isNotBlank();
    assertThat(failed.get("chunks").asInt()).isZero();
    assertThat(ids(api.get("/v1/documents?status=failed"))).containsExactly(id);
    assertThat(ids(api.get("/v1/documents?source=gamma"))).containsExactly(id);
  }

  @Test
  @Order(8)
  void anUploadFromADirectoryRemovedAtOnceIsIngestedAndFound() throws Exception {
    Path directory = Files.createTempDirectory("apex-client-upload");
    Path file =
        SampleDocuments.write(
            directory.resolve("kayak.txt"),
            SampleDocuments.text(
                "The sea kayak's rudder cable snapped off the Norwegian fjord coast and was spliced"
                    + " with a spare cable from the repair kit."));

    ApiResponse upload = api.upload(file.getFileName().toString(), Files.readAllBytes(file));
    Files.delete(file);
    Files.delete(directory);

    assertThat(upload.status()).as(upload.toString()).isEqualTo(202);
    String id = upload.json().get("document_id").asText();
    assertThat(Files.exists(directory)).isFalse();
    awaitStage(id, "completed");
    JsonNode hits = search(Map.of("query", "kayak rudder cable spliced fjord", "top_k", 3));
    assertThat(hits.size()).isPositive();
    assertThat(hits.get(0).get("document_id").asText()).isEqualTo(id);
    assertThat(hits.get(0).get("file_name").asText()).isEqualTo("kayak.txt");
  }

  @Test
  @Order(9)
  void aDeletedDocumentIsGoneAndNoSearchReturnsIt() throws Exception {
    String phrase = stored.get(bicycleId);

    ApiResponse deletion = api.delete("/v1/documents/" + bicycleId);

    assertThat(deletion.status()).as(deletion.toString()).isEqualTo(202);
    assertThat(deletion.json().get("status").asText()).isEqualTo("deleting");
    assertThat(deletion.json().get("workflow_id").asText()).isEqualTo("delete-" + bicycleId);
    Deadline.require(
        INGESTED,
        "document " + bicycleId + " to be gone",
        () -> api.get("/v1/documents/" + bicycleId).status() == 404);
    for (String mode : MODES) {
      JsonNode hits = search(Map.of("query", phrase, "mode", mode, "top_k", 50));
      hits.forEach(hit -> assertThat(hit.get("document_id").asText()).isNotEqualTo(bicycleId));
      assertThat(search(Map.of("query", phrase, "mode", mode, "document_ids", List.of(bicycleId))))
          .isEmpty();
    }
    assertThat(ids(api.get("/v1/documents?limit=100"))).doesNotContain(bicycleId);
    assertThat(worker.rows().count("SELECT count(*) FROM chunks WHERE document_id = ?", bicycleId))
        .isZero();
    assertProblem(api.delete("/v1/documents/" + bicycleId), 404);
    stored.remove(bicycleId);
  }

  @Test
  @Order(10)
  void schemathesisFindsNoServerErrorAndNoAnswerThatBreaksTheDocument() throws Exception {
    Path reports = Files.createTempDirectory("apex-schemathesis");

    ChildProcess.Finished run = Schemathesis.run(api.baseUrl(), Optional.empty(), reports);

    assertThat(run.exitCode()).as(run.output() + run.errors()).isZero();
    assertThat(run.output()).contains("API Operations:").doesNotContain("Server error");
    assertThat(worker.process().output().lines())
        .as("access log lines of server errors")
        .noneMatch(line -> line.matches(".* [A-Z]+ \\S+ 500 [0-9]+ ms from .*"));
  }

  private String ingest(String fileName, byte[] content, String source, String phrase) {
    ApiResponse upload = api.upload(fileName, content, "source", source);
    assertThat(upload.status()).as(upload.toString()).isEqualTo(202);
    String id = upload.json().get("document_id").asText();
    awaitStage(id, "completed");
    stored.put(id, phrase);
    return id;
  }

  private JsonNode awaitStage(String id, String stage) {
    JsonNode[] last = new JsonNode[1];
    Deadline.require(
        INGESTED,
        "document " + id + " to reach stage " + stage,
        () -> {
          ApiResponse response = api.get("/v1/documents/" + id);
          assertThat(response.status()).as(response.toString()).isEqualTo(200);
          last[0] = response.json();
          String now = last[0].get("stage").asText();
          assertThat(now)
              .as("document %s: %s", id, response)
              .isNotEqualTo(stage.equals("failed") ? "completed" : "failed");
          return now.equals(stage);
        });
    return last[0];
  }

  private JsonNode search(Map<String, Object> request) throws Exception {
    ObjectNode body = json.valueToTree(request);
    ApiResponse response = api.postJson("/v1/search", json.writeValueAsString(body));
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json().get("results");
  }

  private static List<String> ids(ApiResponse page) {
    assertThat(page.status()).as(page.toString()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    page.json().get("documents").forEach(d -> ids.add(d.get("document_id").asText()));
    return ids;
  }

  private static void assertProblem(ApiResponse response, int status) {
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
    assertThat(response.header("Content-Type")).hasValue("application/problem+json");
    assertThat(response.json().get("status").asInt()).isEqualTo(status);
    assertThat(response.json().get("detail").asText()).isNotBlank();
  }

  private static String sha256(byte[] content) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
  }

  @DisplayName("memory service API of the worker jar on the embedded Java test server")
  static class OnEmbeddedServer extends MemoryServiceApiIT {
    @Override
    protected TemporalTarget newTarget() {
      return embeddedServer();
    }
  }

  @DisplayName("memory service API of the worker jar on temporal server start-dev")
  static class OnDevServer extends MemoryServiceApiIT {
    @Override
    protected TemporalTarget newTarget() {
      return new DevServerTarget();
    }
  }
}
