package io.apex.temporal.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.apex.temporal.it.support.ApiClient;
import io.apex.temporal.it.support.ApiResponse;
import io.apex.temporal.it.support.ApiWorker;
import io.apex.temporal.it.support.Histories;
import io.apex.temporal.it.support.IntegrationTest;
import io.apex.temporal.it.support.OpenApiContract;
import io.apex.temporal.it.support.SharedPostgres;
import io.apex.temporal.it.support.StoreRows;
import io.apex.temporal.testkit.Deadline;
import io.apex.temporal.testkit.DevServerTarget;
import io.apex.temporal.testkit.SampleDocuments;
import io.apex.temporal.testkit.SettingsMap;
import io.apex.temporal.testkit.TemporalTarget;
import io.apex.temporal.workflows.ingestion.DocumentDeletionWorkflow;
import io.temporal.api.enums.v1.EventType;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A deletion cut off by kill -9: the test holds the document's row so that the delete_document
 * activity waits inside its transaction, kills the worker there, and starts another. The retry on
 * the new worker removes every chunk (with its vector), mention and index entry of the document
 * exactly once; the other documents are untouched.
 */
abstract class DeletionKillIT extends IntegrationTest {
  private static final Logger log = LoggerFactory.getLogger(DeletionKillIT.class);
  private static final Duration DONE = Duration.ofMinutes(2);
  private static final List<String> MODES = List.of("hybrid", "semantic", "keyword");
  private final ObjectMapper json = new ObjectMapper();
  private final OpenApiContract contract = OpenApiContract.ofApexApi();
  private SharedPostgres store;

  @BeforeAll
  void startTheStore() {
    store = SharedPostgres.start();
  }

  @AfterAll
  void stopTheStore() {
    if (store != null) {
      store.close();
    }
  }

  @Test
  void aWorkerKilledMidDeleteLeavesNothingOfTheDocumentAndTheOthersUntouched() throws Exception {
    SettingsMap settings =
        SettingsMap.forServer(target)
            .with(
                Map.of(
                    "TEMPORAL_TASK_QUEUE", uniqueQueue("delete-kill"),
                    "APEX_STORE_JDBC_URL", store.jdbcUrl(),
                    "APEX_STORE_USER", store.user(),
                    // Kept across the restart: the search index lives here.
                    "APEX_DATA_DIR",
                        Files.createTempDirectory("apex-delete-kill").resolve("data").toString()));
    StoreRows rows = store.rows();
    try (ApiWorker worker = ApiWorker.start(settings, -1)) {
      ApiClient api = worker.client(contract);
      Map<String, String> phrases = new LinkedHashMap<>();
      String victim =
          ingest(
              api,
              phrases,
              "lighthouse.txt",
              "The lighthouse keeper logged the foghorn's repairs and the lamp's new lens at Cape"
                  + " Wrath on March 3, 2025, where Dr. Fiona Reid of Northern Lighthouse Ltd"
                  + " kept the station's ledger.",
              "lighthouse keeper foghorn lamp lens");
      ingest(
          api,
          phrases,
          "bakery.txt",
          "The bakery's sourdough starter is fed twice a day with rye flour; Tomas Berg bakes the"
              + " loaves before dawn in Uppsala.",
          "sourdough starter rye flour loaves");
      ingest(
          api,
          phrases,
          "glacier.txt",
          "Glacier retreat was measured with stakes drilled into the ice; Ingrid Holm recorded the"
              + " melt rates on the Jostedal glacier.",
          "glacier retreat stakes ice melt");
      Map<String, Long> chunksBefore =
          rows.countsByKey("SELECT document_id, count(*) FROM chunks GROUP BY 1");
      assertThat(chunksBefore).containsOnlyKeys(phrases.keySet()).doesNotContainValue(0L);
      assertThat(rows.count("SELECT count(*) FROM mentions WHERE document_id = ?", victim))
          .as("mentions of the document to delete")
          .isPositive();
      long changesBefore =
          rows.count("SELECT count(*) FROM document_changes WHERE document_id = ?", victim);

      try (Connection hold = DriverManager.getConnection(store.jdbcUrl(), store.user(), "")) {
        hold.setAutoCommit(false);
        try (PreparedStatement lock =
            hold.prepareStatement("SELECT 1 FROM documents WHERE document_id = ? FOR UPDATE")) {
          lock.setString(1, victim);
          assertThat(lock.executeQuery().next()).isTrue();
        }
        ApiResponse deletion = api.delete("/v1/documents/" + victim);
        assertThat(deletion.status()).as(deletion.toString()).isEqualTo(202);
        Deadline.require(
            DONE,
            "the delete_document activity to wait on the held row inside its transaction",
            () -> deletesWaitingOnALock(rows) == 1);

        worker.process().kill();
        assertThat(worker.process().awaitExit(Duration.ofSeconds(30))).isNotZero();
        hold.rollback();
      }
      // The killed attempt's transaction never commits: its connection is gone.
      Deadline.require(
          Duration.ofSeconds(30),
          "the killed worker's transaction to end",
          () -> deletesWaitingOnALock(rows) == 0 && deletesRunning(rows) == 0);
      assertThat(rows.count("SELECT count(*) FROM chunks WHERE document_id = ?", victim))
          .as("the killed attempt removed nothing")
          .isEqualTo(chunksBefore.get(victim));

      worker.launch();
      client()
          .newUntypedWorkflowStub(DocumentDeletionWorkflow.workflowId(victim))
          .getResult(DONE.toSeconds(), java.util.concurrent.TimeUnit.SECONDS, JsonNode.class);

      assertProblem(api.get("/v1/documents/" + victim), 404);
      for (String table :
          List.of("documents", "chunks", "mentions", "staged_documents", "document_requests")) {
        assertThat(rows.count("SELECT count(*) FROM " + table + " WHERE document_id = ?", victim))
            .as("rows of %s in %s", victim, table)
            .isZero();
      }
      assertThat(
              rows.count(
                  "SELECT count(*) FROM document_versions WHERE document_id = ?"
                      + " AND ended_at IS NULL",
                  victim))
          .isZero();
      assertThat(
              rows.count(
                  "SELECT count(*) FROM document_versions WHERE document_id = ?"
                      + " AND ended_by = 'deleted'",
                  victim))
          .as("versions ended by the deletion")
          .isEqualTo(1);
      assertThat(rows.count("SELECT count(*) FROM document_changes WHERE document_id = ?", victim))
          .as("the deletion's one change for the index")
          .isEqualTo(changesBefore + 1);
      Map<String, Long> chunksAfter =
          rows.countsByKey("SELECT document_id, count(*) FROM chunks GROUP BY 1");
      Map<String, Long> othersBefore = new LinkedHashMap<>(chunksBefore);
      othersBefore.remove(victim);
      assertThat(chunksAfter).isEqualTo(othersBefore);

      String victimPhrase = phrases.remove(victim);
      for (String mode : MODES) {
        Deadline.require(
            DONE,
            mode + " search to stop returning " + victim,
            () ->
                search(api, Map.of("query", victimPhrase, "mode", mode, "top_k", 50)).stream()
                    .noneMatch(hit -> hit.get("document_id").asText().equals(victim)));
        assertThat(
                search(
                    api,
                    Map.of("query", victimPhrase, "mode", mode, "document_ids", List.of(victim))))
            .isEmpty();
        for (Map.Entry<String, String> other : phrases.entrySet()) {
          List<JsonNode> hits = search(api, Map.of("query", other.getValue(), "mode", mode));
          assertThat(hits).as("%s search for %s", mode, other.getValue()).isNotEmpty();
          assertThat(hits.get(0).get("document_id").asText()).isEqualTo(other.getKey());
        }
      }

      List<Integer> attempts =
          Histories.activityAttempts(client(), DocumentDeletionWorkflow.workflowId(victim));
      log.info(
          "delete_document of {} completed on attempt {} after the worker was killed mid-attempt",
          victim,
          attempts);
      assertThat(attempts)
          .as("delete_document's recorded start: the attempt that completed")
          .hasSize(1);
      assertThat(attempts.get(0))
          .as("attempts, the first cut off by the kill")
          .isGreaterThanOrEqualTo(2);
      assertThat(
              Histories.count(
                  client(),
                  DocumentDeletionWorkflow.workflowId(victim),
                  EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED))
          .isEqualTo(1);
    }
  }

  private static long deletesWaitingOnALock(StoreRows rows) {
    return rows.count(
        "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
            + " AND query LIKE 'DELETE FROM documents%'");
  }

  private static long deletesRunning(StoreRows rows) {
    return rows.count(
        "SELECT count(*) FROM pg_stat_activity WHERE state <> 'idle'"
            + " AND query LIKE 'DELETE FROM documents%'");
  }

  private String ingest(
      ApiClient api, Map<String, String> phrases, String fileName, String text, String phrase) {
    ApiResponse upload = api.upload(fileName, SampleDocuments.text(text), "source", "kill");
    assertThat(upload.status()).as(upload.toString()).isEqualTo(202);
    String id = upload.json().get("document_id").asText();
    Deadline.require(
        DONE,
        "document " + id + " to be stored",
        () -> {
          ApiResponse document = api.get("/v1/documents/" + id);
          assertThat(document.json().get("stage").asText()).isNotEqualTo("failed");
          return document.json().get("stage").asText().equals("completed");
        });
    phrases.put(id, phrase);
    return id;
  }

  private List<JsonNode> search(ApiClient api, Map<String, Object> request) {
    try {
      ApiResponse response = api.postJson("/v1/search", json.writeValueAsString(request));
      assertThat(response.status()).as(response.toString()).isEqualTo(200);
      List<JsonNode> hits = new java.util.ArrayList<>();
      response.json().get("results").forEach(hits::add);
      return hits;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void assertProblem(ApiResponse response, int status) {
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
    assertThat(response.header("Content-Type")).hasValue("application/problem+json");
  }

  @DisplayName("a deletion cut off by kill -9, on the embedded Java test server")
  static class OnEmbeddedServer extends DeletionKillIT {
    @Override
    protected TemporalTarget newTarget() {
      return embeddedServer();
    }
  }

  @DisplayName("a deletion cut off by kill -9, on temporal server start-dev")
  static class OnDevServer extends DeletionKillIT {
    @Override
    protected TemporalTarget newTarget() {
      return new DevServerTarget();
    }
  }
}
