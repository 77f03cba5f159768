package io.apex.temporal.ingestion.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.apex.temporal.ingestion.SearchQuery;
import io.apex.temporal.testkit.Deadline;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each write adds a segment to the index; once writes pause, the segments are merged into one (a
 * vector search walks every segment's graph), and searches find every document as before.
 */
class SearchIndexMergeTest {
  private static final List<String> TOPICS =
      List.of("tidal energy", "volcanic soil and vineyards", "arctic sea ice", "chess openings");
  private static final List<String> QUESTIONS =
      List.of(
          "power from ocean tides",
          "growing grapes on volcanic ground",
          "melting polar ice",
          "how to begin a game of chess");

  @TempDir Path dir;

  @Test
  void segmentsAreMergedIntoOneOnceWritesPauseAndSearchesStillFindEveryDocument() {
    try (var components = IngestionParts.start(TestStores.settings(dir.resolve("data")))) {
      var harness = new IngestionHarness(components);
      var ids = new ArrayList<String>();
      for (int i = 0; i < TOPICS.size(); i++) {
        var file = Fixtures.write(dir, "topic-" + i + ".txt", Fixtures.page(TOPICS.get(i), i));
        ids.add(harness.ingest(file).staged().documentId());
      }
      assertThat(components.index().segments()).isGreaterThan(1);

      Deadline.require(
          Duration.ofSeconds(30),
          "the index merged into one segment",
          () -> components.index().segments() == 1);

      assertThat(components.index().indexedChunks())
          .isEqualTo(TestStores.rows(components, "chunks"));
      for (int i = 0; i < QUESTIONS.size(); i++) {
        assertThat(
                components.search().search(SearchQuery.of(QUESTIONS.get(i), 1)).get(0).documentId())
            .isEqualTo(ids.get(i));
      }
    }
  }

  @Test
  void theGaugesReadTheIndexWithoutWaitingForAWriteInProgress() throws Exception {
    try (var components = IngestionParts.start(TestStores.settings(dir.resolve("data")))) {
      var file = Fixtures.write(dir, "topic.txt", Fixtures.page(TOPICS.get(0), 0));
      new IngestionHarness(components).ingest(file);
      long chunks = TestStores.rows(components, "chunks");
      var index = components.index();
      var scrape = Executors.newSingleThreadExecutor();
      try {
        // A write holds the index's lock while it adds chunks and refreshes the searchers.
        synchronized (index) {
          var read =
              scrape.submit(
                  () -> List.of(components.searchIndexSegments(), components.searchIndexChunks()));
          assertThat(read.get(5, TimeUnit.SECONDS)).containsExactly(1, (int) chunks);
        }
      } finally {
        scrape.shutdownNow();
      }
    }
  }
}
