package io.apex.temporal.ingestion.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Documents ingested on many threads at once, as a worker's activity threads do, sharing entities:
 * each is stored once, and the index holds exactly the stored chunks.
 */
class ConcurrentIngestionTest {
  @TempDir Path dir;

  @Test
  void documentsIngestedConcurrentlyAreEachStoredOnceAndIndexedExactly() throws Exception {
    try (var components = IngestionParts.start(TestStores.settings(dir.resolve("data")))) {
      var harness = new IngestionHarness(components);
      int documents = 24;
      var pool = Executors.newFixedThreadPool(8);
      try {
        var futures = new ArrayList<Future<IngestionHarness.Run>>();
        for (int i = 0; i < documents; i++) {
          int n = i;
          Callable<IngestionHarness.Run> task =
              () ->
                  harness.ingest(
                      Fixtures.write(
                          dir,
                          "doc" + n + ".txt",
                          Fixtures.page("shared topic " + n, n)
                              + " Billed by Acme Corp under INV-2024-0042, contact ap@acme.example,"
                              + " and Globex GmbH under INV-2024-"
                              + (1000 + n)
                              + "."));
          futures.add(pool.submit(task));
        }
        int chunks = 0;
        for (var f : futures) {
          var run = f.get(5, TimeUnit.MINUTES);
          assertThat(run.written().entities()).isGreaterThanOrEqualTo(5);
          chunks += run.written().chunks();
        }
        assertThat(TestStores.rows(components, "documents")).isEqualTo(documents);
        assertThat(TestStores.rows(components, "chunks")).isEqualTo(chunks);
        assertThat(TestStores.rows(components, "document_versions")).isEqualTo(documents);
        // One entity row for the shared ones, one per document for the distinct invoice.
        assertThat(TestStores.rows(components, "entities")).isEqualTo(4 + documents);
        components.index().catchUp();
        assertThat(components.index().indexedChunks()).isEqualTo(chunks);
      } finally {
        pool.shutdownNow();
      }
    }
  }
}
