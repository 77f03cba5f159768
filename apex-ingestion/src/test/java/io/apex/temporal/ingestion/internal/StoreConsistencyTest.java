package io.apex.temporal.ingestion.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apex.temporal.ingestion.SearchHit;
import io.apex.temporal.ingestion.SearchMode;
import io.apex.temporal.ingestion.SearchQuery;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Idempotency, atomic replacement, compensation and search, on the real store and index. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StoreConsistencyTest {
  private Path dir;
  private IngestionParts components;
  private IngestionHarness harness;

  /** Documents whose next index update after a commit fails, as a crash there would. */
  private final Set<String> failAfterCommit = ConcurrentHashMap.newKeySet();

  @BeforeAll
  void start(@TempDir Path tempDir) {
    dir = tempDir;
    components =
        IngestionParts.start(
            TestStores.settings(dir.resolve("data")),
            real ->
                documentId -> {
                  if (failAfterCommit.remove(documentId)) {
                    throw new IllegalStateException("injected: died after the commit");
                  }
                  real.committed(documentId);
                });
    harness = new IngestionHarness(components);
  }

  @AfterAll
  void stop() {
    components.close();
  }

  @Test
  void reStagingUnchangedContentReportsUnchangedAndAddsNoRows() {
    var file = Fixtures.write(dir, "unchanged.txt", Fixtures.page("migratory birds", 3));
    var first = harness.ingest(file);
    String before = TestStores.census(components);

    var again = harness.stage(file);

    assertThat(again.unchanged()).isTrue();
    assertThat(again.storedChunks()).isEqualTo(first.written().chunks());
    assertThat(again.storedEntities()).isEqualTo(first.written().entities());
    assertThat(TestStores.census(components)).isEqualTo(before);
  }

  @Test
  void compensatingAnUnchangedDocumentKeepsItsStoredVersion() {
    var file = Fixtures.write(dir, "kept-unchanged.txt", Fixtures.page("lighthouse keepers", 8));
    var first = harness.ingest(file);
    var again = harness.stage(file);

    components.activities().deleteWrittenVersion(again);
    components.activities().cleanup(again);

    assertThat(components.store().find(again.documentId())).isPresent();
    assertThat(TestStores.rows(components, "chunks", again.documentId()))
        .isEqualTo(first.written().chunks());
  }

  @Test
  void everyStepRepeatedLeavesOneCopy() {
    var file =
        Fixtures.write(
            dir,
            "repeated.txt",
            Fixtures.page("container shipping", 4)
                + " Contact ops@acme.example about INV-2024-0042 from Acme Corp.");
    var a = components.activities();
    var staged = harness.stage(file);
    var parsed = a.parse(staged);
    int entities = a.extractEntities(staged);
    a.generateEmbeddings(staged);
    var written = a.write(staged);
    int mentions = TestStores.rows(components, "mentions", staged.documentId());

    // A retry of each step, as after a kill -9 between its commit and its completion.
    assertThat(harness.stage(file).stagingKey()).isEqualTo(staged.stagingKey());
    assertThat(a.parse(staged)).isEqualTo(parsed);
    assertThat(a.extractEntities(staged)).isEqualTo(entities);
    a.generateEmbeddings(staged);
    assertThat(a.write(staged)).isEqualTo(written);
    assertThat(a.write(staged)).isEqualTo(written);

    assertThat(entities).isGreaterThanOrEqualTo(3);
    assertThat(TestStores.rows(components, "documents", staged.documentId())).isEqualTo(1);
    assertThat(TestStores.rows(components, "chunks", staged.documentId()))
        .isEqualTo(parsed.chunks());
    assertThat(TestStores.rows(components, "mentions", staged.documentId())).isEqualTo(mentions);
    assertThat(TestStores.rows(components, "document_versions", staged.documentId())).isEqualTo(1);
    long indexed =
        components.search().search(SearchQuery.of("container shipping", 50)).stream()
            .filter(h -> h.documentId().equals(staged.documentId()))
            .count();
    assertThat(indexed).isEqualTo(parsed.chunks());
  }

  @Test
  void writeRetriedAfterDyingPastTheCommitLeavesOneCopyAndIsSearchable() {
    var file = Fixtures.write(dir, "crash.txt", Fixtures.page("alpine glaciers", 5));
    var a = components.activities();
    var staged = harness.stage(file);
    var parsed = a.parse(staged);
    a.extractEntities(staged);
    a.generateEmbeddings(staged);
    failAfterCommit.add(staged.documentId());
    assertThatThrownBy(() -> a.write(staged)).hasMessageContaining("injected");

    var retried = a.write(staged);

    assertThat(retried.chunks()).isEqualTo(parsed.chunks());
    assertThat(TestStores.rows(components, "chunks", staged.documentId()))
        .isEqualTo(parsed.chunks());
    assertThat(
            components
                .search()
                .search(SearchQuery.of("glaciers in the Alps", 1))
                .get(0)
                .documentId())
        .isEqualTo(staged.documentId());
  }

  @Test
  void changedContentReplacesTheOldVersionAtomically() throws Exception {
    var file = dir.resolve("changing.txt");
    Fixtures.write(
        dir,
        "changing.txt",
        "alphaversion ".repeat(1) + Fixtures.page("orchards", 1).replace(". ", ". alphaversion "));
    var v1 = harness.ingest(file);
    String id = v1.staged().documentId();
    assertThat(v1.written().chunks()).isGreaterThan(1);

    var mixtures = new CopyOnWriteArrayList<String>();
    var readerFailures = new CopyOnWriteArrayList<Throwable>();
    var stop = new AtomicBoolean();
    var writing = new AtomicBoolean();
    var readsDuringTheWrite = new AtomicInteger();
    var reader =
        new Thread(
            () -> {
              while (!stop.get()) {
                try {
                  boolean during = writing.get();
                  String seen = versionsVisible(id);
                  if (during && writing.get()) {
                    readsDuringTheWrite.incrementAndGet();
                  }
                  if (!seen.equals("alpha") && !seen.equals("omega")) {
                    mixtures.add(seen);
                  }
                } catch (RuntimeException | Error e) {
                  readerFailures.add(e);
                  return;
                }
              }
            });
    reader.start();
    try {
      Fixtures.write(
          dir,
          "changing.txt",
          "omegaversion "
              + (Fixtures.page("orchards", 2) + Fixtures.page("vineyards", 3))
                  .replace(". ", ". omegaversion "));
      writing.set(true);
      var v2 = harness.ingest(file);
      writing.set(false);
      assertThat(v2.staged().unchanged()).isFalse();
      assertThat(v2.written().chunks()).isNotEqualTo(v1.written().chunks());
      assertThat(TestStores.rows(components, "chunks", id)).isEqualTo(v2.written().chunks());
      assertThat(components.store().find(id).orElseThrow().contentSha256())
          .isEqualTo(v2.staged().contentSha256());
    } finally {
      stop.set(true);
      reader.join();
    }
    assertThat(readerFailures).as("the reader's failures").isEmpty();
    assertThat(readsDuringTheWrite.get())
        .as("reads while the new version was written")
        .isPositive();
    assertThat(mixtures).isEmpty();
    assertThat(versionsVisible(id)).isEqualTo("omega");
    var hits =
        components.search().search(SearchQuery.of("alphaversion orchards", 20)).stream()
            .filter(h -> h.documentId().equals(id))
            .toList();
    assertThat(hits).as("hits for the document").isNotEmpty();
    assertThat(hits).allSatisfy(h -> assertThat(h.text()).contains("omegaversion"));
  }

  /** Which versions' chunks one statement sees: "alpha", "omega", or a mixture. */
  private String versionsVisible(String documentId) {
    return components
        .transactions()
        .read(
            c -> {
              try (var st =
                  c.prepareStatement(
                      "SELECT count(*) FILTER (WHERE text LIKE '%alphaversion%'),"
                          + " count(*) FILTER (WHERE text LIKE '%omegaversion%'), count(*)"
                          + " FROM chunks WHERE document_id = ?")) {
                st.setString(1, documentId);
                var rs = st.executeQuery();
                rs.next();
                int alpha = rs.getInt(1);
                int omega = rs.getInt(2);
                int all = rs.getInt(3);
                if (all > 0 && alpha == all && omega == 0) {
                  return "alpha";
                }
                if (all > 0 && omega == all && alpha == 0) {
                  return "omega";
                }
                return "alpha=" + alpha + " omega=" + omega + " all=" + all;
              }
            });
  }

  @Test
  void compensationAfterAWriteThatFailedPartWayLeavesNoTraceOfTheVersion() {
    var keep = Fixtures.write(dir, "keep.txt", Fixtures.page("deep sea fishing", 6));
    var kept = harness.ingest(keep);
    var file =
        Fixtures.write(
            dir,
            "doomed.txt",
            Fixtures.page("medieval castles", 7) + " Written by Dr. Jane Smith.");
    var a = components.activities();
    var staged = harness.stage(file);
    a.parse(staged);
    a.extractEntities(staged);
    a.generateEmbeddings(staged);
    failAfterCommit.add(staged.documentId());
    assertThatThrownBy(() -> a.write(staged)).hasMessageContaining("injected");

    a.deleteWrittenVersion(staged);
    a.deleteWrittenVersion(staged);
    a.cleanup(staged);

    String id = staged.documentId();
    assertThat(components.store().find(id)).isEmpty();
    for (String table : List.of("documents", "chunks", "mentions", "staged_documents")) {
      assertThat(TestStores.rows(components, table, id)).as(table).isZero();
    }
    var hits = components.search().search(SearchQuery.of("medieval castles", 20));
    assertThat(hits).extracting(SearchHit::documentId).doesNotContain(id);
    assertThat(components.store().find(kept.staged().documentId())).isPresent();
    assertThat(
            components
                .search()
                .search(SearchQuery.of("fishing in the deep sea", 1))
                .get(0)
                .documentId())
        .isEqualTo(kept.staged().documentId());
  }

  @Test
  void compensationLeavesANewerVersionAlone() {
    var file = dir.resolve("newer.txt");
    Fixtures.write(dir, "newer.txt", Fixtures.page("beekeeping", 1));
    var v1 = harness.ingest(file);
    Fixtures.write(dir, "newer.txt", Fixtures.page("beekeeping in winter", 2));
    var v2 = harness.ingest(file);

    components.activities().deleteWrittenVersion(v1.staged());

    var stored = components.store().find(v2.staged().documentId()).orElseThrow();
    assertThat(stored.contentSha256()).isEqualTo(v2.staged().contentSha256());
    assertThat(TestStores.rows(components, "chunks", stored.documentId()))
        .isEqualTo(v2.written().chunks());
  }

  @Test
  void searchPutsTheDocumentAboutTheQueryFirst() {
    var topics =
        List.of(
            "photosynthesis in green plants and chlorophyll",
            "medieval naval battles and warships",
            "baking sourdough bread with a starter",
            "black holes and general relativity",
            "training for a marathon and running shoes");
    var ids = new java.util.ArrayList<String>();
    for (int i = 0; i < topics.size(); i++) {
      var file = Fixtures.write(dir, "topic" + i + ".txt", Fixtures.page(topics.get(i), i));
      ids.add(harness.ingest(file).staged().documentId());
    }
    var queries =
        List.of(
            "how do leaves turn sunlight into energy",
            "ships fighting at sea in the middle ages",
            "making bread with natural yeast",
            "gravity of collapsed stars",
            "preparing to run 42 kilometres");
    for (int i = 0; i < queries.size(); i++) {
      var hits = components.search().search(SearchQuery.of(queries.get(i), 3));
      assertThat(hits).as(queries.get(i)).isNotEmpty();
      assertThat(hits.get(0).documentId()).as(queries.get(i)).isEqualTo(ids.get(i));
      assertThat(hits.get(0).path()).endsWith("topic" + i + ".txt");
    }
  }

  @Test
  void aDeletedDocumentLeavesTheIndexForEveryModeAndByDocument() {
    var file = Fixtures.write(dir, "deleted.txt", Fixtures.page("lighthouse keepers ZQX-5521", 1));
    var run = harness.ingest(file);
    String id = run.staged().documentId();
    var query = SearchQuery.of("lighthouse keepers ZQX-5521", 5);
    assertThat(components.search().search(query)).extracting(SearchHit::documentId).contains(id);
    int before = components.index().indexedChunks();

    // As the store's deletion path does: the rows go, and the change log says the document changed.
    TestStores.sql(
        components,
        "DELETE FROM documents WHERE document_id = '"
            + id
            + "'; INSERT INTO document_changes (document_id) VALUES ('"
            + id
            + "')");

    for (SearchMode mode : SearchMode.values()) {
      for (boolean byDocument : List.of(false, true)) {
        var hits =
            components
                .search()
                .search(new SearchQuery(query.text(), 50, mode, byDocument, null, null));
        assertThat(hits).extracting(SearchHit::documentId).as(mode.wireName()).doesNotContain(id);
      }
    }
    assertThat(components.index().indexedChunks()).isEqualTo(before - run.written().chunks());
  }
}
