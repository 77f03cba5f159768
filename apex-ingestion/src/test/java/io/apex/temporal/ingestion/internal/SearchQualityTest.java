package io.apex.temporal.ingestion.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.apex.temporal.ingestion.SearchHit;
import io.apex.temporal.ingestion.SearchMode;
import io.apex.temporal.ingestion.SearchQuery;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Search quality with distractors close to each target, on the real model, store and index: a
 * ranker that has lost either half of hybrid search fails here. Exact codes are found only by the
 * keyword index (the invoices differ in their number alone); paraphrases that share no content word
 * with their target only by the vectors (the distractors share the query's words instead).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchQualityTest {
  /** The least a target must lead the best distractor by in the hybrid score. */
  private static final double MARGIN = 0.02;

  private static final Map<String, String> INVOICES =
      Map.of(
          "inv-2024-0042",
          "Invoice INV-2024-0042 from Harbor Logistics: repair of the container crane at the"
              + " north berth, labour and spare parts, payable within thirty days.",
          "inv-2024-0041",
          "Invoice INV-2024-0041 from Harbor Logistics: repair of the container crane at the"
              + " south berth, labour and spare parts, payable within thirty days.",
          "inv-2024-0043",
          "Invoice INV-2024-0043 from Harbor Logistics: repair of the container crane at the"
              + " east berth, labour and spare parts, payable within thirty days.",
          "inv-2023-0042",
          "Invoice INV-2023-0042 from Harbor Logistics: repair of the container crane at the"
              + " west berth, labour and spare parts, payable within thirty days.",
          "inv-2024-0420",
          "Invoice INV-2024-0420 from Harbor Logistics: inspection of the container crane at"
              + " the old berth, labour only, payable within thirty days.");

  private static final Map<String, String> NOTES =
      Map.of(
          "photosynthesis",
          "Chlorophyll in the green cells of plants captures light and converts carbon dioxide"
              + " and water into glucose and oxygen, the sugar that feeds the whole plant.",
          "autumn",
          "In autumn the leaves turn red and yellow before they fall, and gardeners rake the"
              + " leaves into piles; how soon they turn depends on the first frost.",
          "vitamin-d",
          "Sunlight on the skin helps the body make vitamin D; food such as fish and eggs also"
              + " provides it, and how much sunlight you need depends on the season.",
          "roots",
          "Plant roots absorb water and minerals from the soil through fine root hairs and"
              + " store starch for the winter.",
          "tides",
          "Tidal power stations generate electricity from the rise and fall of ocean tides,"
              + " with turbines set in a barrage across an estuary.",
          "waves",
          "Wave energy converters float offshore and turn the up and down motion of swell into"
              + " electricity through hydraulic pumps.",
          "wind",
          "Offshore wind farms place large turbines on the open sea, where steady winds"
              + " generate electricity for the coast.",
          "dams",
          "Hydroelectric dams hold back rivers in mountain valleys and release the water through"
              + " turbines to generate electricity.");

  private Path dir;
  private IngestionParts components;
  private final Map<String, String> ids = new HashMap<>();

  @BeforeAll
  void ingestTheCorpus(@TempDir Path tempDir) {
    dir = tempDir;
    components = IngestionParts.start(TestStores.settings(dir.resolve("data")));
    var harness = new IngestionHarness(components);
    INVOICES.forEach(
        (name, text) ->
            ids.put(
                name,
                harness
                    .ingest(Fixtures.write(dir, name + ".txt", text), "invoices")
                    .staged()
                    .documentId()));
    NOTES.forEach(
        (name, text) ->
            ids.put(
                name,
                harness
                    .ingest(Fixtures.write(dir, name + ".txt", text), "notes")
                    .staged()
                    .documentId()));
  }

  @AfterAll
  void stop() {
    components.close();
  }

  private List<SearchHit> hybrid(String text, int topK) {
    return components.search().search(SearchQuery.of(text, topK));
  }

  /** The target is first, ahead of the best distractor by at least the margin. */
  private void assertFirstByMargin(String query, String target) {
    var hits = hybrid(query, 5);
    assertThat(hits).as(query).hasSizeGreaterThanOrEqualTo(2);
    assertThat(hits.get(0).documentId()).as(query + ": first hit").isEqualTo(ids.get(target));
    assertThat(hits.get(0).score() - hits.get(1).score())
        .as(query + ": lead of the target over the best distractor " + hits.get(1).path())
        .isGreaterThanOrEqualTo(MARGIN);
  }

  @Test
  void anExactInvoiceNumberFindsItsInvoiceAmongNearIdenticalOnes() {
    assertFirstByMargin("INV-2024-0042", "inv-2024-0042");
  }

  @Test
  void anExactInvoiceNumberInAQuestionFindsItsInvoice() {
    assertFirstByMargin("who sent invoice INV-2023-0042?", "inv-2023-0042");
  }

  @Test
  void aParaphraseSharingNoContentWordFindsItsTargetAheadOfDistractorsSharingTheWords() {
    assertFirstByMargin("how do leaves turn sunlight into food", "photosynthesis");
  }

  @Test
  void aParaphraseFindsTheTidalStationAmongOtherRenewableEnergy() {
    assertFirstByMargin("making power from the moon's pull on the sea", "tides");
  }

  @Test
  void keywordModeFindsTheExactNumberAndSemanticModeTheParaphrase() {
    var keyword =
        components
            .search()
            .search(new SearchQuery("INV-2024-0042", 1, SearchMode.KEYWORD, false, null, null));
    assertThat(keyword).extracting(SearchHit::documentId).containsExactly(ids.get("inv-2024-0042"));
    var semantic =
        components
            .search()
            .search(
                new SearchQuery(
                    "how do leaves turn sunlight into food",
                    1,
                    SearchMode.SEMANTIC,
                    false,
                    null,
                    null));
    assertThat(semantic)
        .extracting(SearchHit::documentId)
        .containsExactly(ids.get("photosynthesis"));
  }

  @Test
  void aSourceFilterIsAppliedInsideTheSearchInEveryMode() {
    for (SearchMode mode : SearchMode.values()) {
      // The invoices rank far below the notes for this query; a filter applied to the top hits
      // afterwards would return nothing.
      var hits =
          components
              .search()
              .search(
                  new SearchQuery(
                      "turbines generate electricity from water, and crane repair",
                      2,
                      mode,
                      false,
                      List.of("invoices"),
                      null));
      assertThat(hits).as(mode.wireName()).hasSize(2);
      assertThat(hits).as(mode.wireName()).allMatch(hit -> hit.source().equals("invoices"));
    }
  }

  @Test
  void aDocumentFilterKeepsOnlyThoseDocumentsInEveryMode() {
    var wanted = List.of(ids.get("roots"), ids.get("inv-2024-0420"));
    for (SearchMode mode : SearchMode.values()) {
      var hits =
          components
              .search()
              .search(
                  new SearchQuery(
                      "tidal power stations and electricity from the sea",
                      2,
                      mode,
                      false,
                      null,
                      wanted));
      // Both rank far below the renewable-energy notes: a filter applied afterwards starves.
      assertThat(hits)
          .as(mode.wireName())
          .extracting(SearchHit::documentId)
          .containsExactlyInAnyOrderElementsOf(wanted);
    }
  }

  @Test
  void byDocumentTopKNamesEachDocumentOnceWithItsBestChunk() {
    var harness = new IngestionHarness(components);
    String longId =
        harness
            .ingest(
                Fixtures.write(
                    dir, "glaciers.txt", Fixtures.page("glaciers retreating in the Alps", 7)),
                "reports")
            .staged()
            .documentId();
    String shortId =
        harness
            .ingest(
                Fixtures.write(
                    dir,
                    "glacier-note.txt",
                    "Alpine glaciers have lost a third of their ice since 1980, and the retreat"
                        + " is fastest below three thousand metres."),
                "reports")
            .staged()
            .documentId();
    String query = "glaciers retreating in the Alps";
    var byChunk =
        components.search().search(new SearchQuery(query, 3, SearchMode.HYBRID, false, null, null));
    // The long report's chunks crowd the chunk ranking.
    assertThat(byChunk).hasSize(3);
    assertThat(byChunk).extracting(SearchHit::documentId).containsOnly(longId);

    var byDocument =
        components.search().search(new SearchQuery(query, 3, SearchMode.HYBRID, true, null, null));
    assertThat(byDocument).hasSize(3);
    assertThat(byDocument).extracting(SearchHit::documentId).doesNotHaveDuplicates();
    assertThat(byDocument).extracting(SearchHit::documentId).startsWith(longId, shortId);
    // The long report is shown by its best chunk: the first chunk of the chunk ranking.
    assertThat(byDocument.get(0).chunkIndex()).isEqualTo(byChunk.get(0).chunkIndex());
  }
}
