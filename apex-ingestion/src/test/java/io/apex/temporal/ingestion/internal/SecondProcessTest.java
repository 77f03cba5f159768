package io.apex.temporal.ingestion.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.apex.temporal.ingestion.SearchMode;
import io.apex.temporal.ingestion.SearchQuery;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second set of components on the same data directory, as a {@code search} command beside a
 * running worker has: it joins the worker's embedded PostgreSQL, cannot take the index's write
 * lock, and still answers with every committed write; closing it leaves the worker's server up.
 */
class SecondProcessTest {
  @TempDir Path dir;

  @Test
  void aSecondInstanceJoinsTheServerAndSearchesEveryCommittedWrite() {
    var settings = TestStores.settings(dir.resolve("data"));
    try (var worker = IngestionParts.start(settings)) {
      var workerHarness = new IngestionHarness(worker);
      var early =
          workerHarness.ingest(Fixtures.write(dir, "early.txt", Fixtures.page("tidal energy", 1)));
      String earlyId = early.staged().documentId();

      String lateId;
      try (var cli = IngestionParts.start(settings)) {
        assertThat(cli.index().writable()).isFalse();
        assertThat(
                cli.search()
                    .search(SearchQuery.of("power from ocean tides", 1))
                    .get(0)
                    .documentId())
            .isEqualTo(earlyId);

        // Written after the second instance opened: it must still see it.
        var late =
            workerHarness.ingest(
                Fixtures.write(dir, "late.txt", Fixtures.page("volcanic soil and vineyards", 2)));
        lateId = late.staged().documentId();
        assertThat(
                cli.search()
                    .search(SearchQuery.of("growing grapes on volcanic ground", 1))
                    .get(0)
                    .documentId())
            .isEqualTo(lateId);

        // Written by the second instance, which does not hold the index: the worker catches up.
        var fromCli =
            new IngestionHarness(cli)
                .ingest(Fixtures.write(dir, "cli.txt", Fixtures.page("arctic sea ice", 3)));
        assertThat(
                worker.search().search(SearchQuery.of("melting polar ice", 1)).get(0).documentId())
            .isEqualTo(fromCli.staged().documentId());

        // A changed document: the second instance must not answer from the stale index entry.
        Fixtures.write(dir, "early.txt", Fixtures.page("chess openings", 4));
        workerHarness.ingest(dir.resolve("early.txt"));
        var query = cli.embedder().embedOne("power from ocean tides");
        var hits =
            cli.search()
                .search(
                    new SearchQuery(
                        "power from ocean tides", 5, SearchMode.SEMANTIC, false, null, null));
        assertThat(hits).hasSize(5);
        assertThat(hits).allSatisfy(h -> assertThat(h.text()).doesNotContain("tidal energy"));
        // Each cosine is that of the text returned: no stale index entry answered for a chunk.
        assertThat(hits)
            .allSatisfy(
                h ->
                    assertThat(h.score())
                        .isCloseTo(
                            Vectors.dot(query, cli.embedder().embedOne(h.text())),
                            org.assertj.core.api.Assertions.within(1e-3)));
        assertThat(hits.stream().map(h -> h.documentId() + "#" + h.chunkIndex()).distinct())
            .hasSameSizeAs(hits);
      }
      // The worker's server is still up after the second instance closed.
      assertThat(worker.store().find(lateId)).isPresent();
      assertThat(worker.search().search(SearchQuery.of("chess openings", 1)).get(0).documentId())
          .isEqualTo(earlyId);
    }
  }
}
