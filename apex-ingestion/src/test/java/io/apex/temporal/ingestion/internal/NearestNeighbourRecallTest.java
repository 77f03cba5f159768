package io.apex.temporal.ingestion.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HNSW index, walked on quantized vectors, finds what exact search over every stored embedding
 * finds, and scores each chunk found by its exact cosine.
 */
class NearestNeighbourRecallTest {
  private static final Logger log = LoggerFactory.getLogger(NearestNeighbourRecallTest.class);
  private static final int DOCUMENTS = 52;
  private static final int CHUNKS_PER_DOCUMENT = 100;
  private static final int QUERIES = 100;
  private static final int K = 10;

  @TempDir Path dir;

  @Test
  void findsNinetyFivePercentOfTheExactTopTenOnFiveThousandChunksScoredByTheirExactCosines() {
    try (var components = IngestionParts.start(TestStores.settings(dir.resolve("data")))) {
      var staging = new StagingTables(components.transactions());
      var documents = new DocumentTables(components.transactions());
      var passages = GeneratedCorpus.passages(DOCUMENTS * CHUNKS_PER_DOCUMENT, 42);
      long t0 = System.nanoTime();
      var vectors = components.embedder().embed(passages);
      double embedSeconds = (System.nanoTime() - t0) / 1e9;
      for (int d = 0; d < DOCUMENTS; d++) {
        String id = "recall-" + d;
        var chunks = passages.subList(d * CHUNKS_PER_DOCUMENT, (d + 1) * CHUNKS_PER_DOCUMENT);
        byte[] content = String.join("\n", chunks).getBytes(StandardCharsets.UTF_8);
        String key = id + ":" + DocumentStager.sha256(content);
        staging.stage(
            key, id, "recall", "/generated/" + id, DocumentStager.sha256(content), content);
        staging.saveChunks(key, "text/plain", content.length, chunks);
        staging.saveEmbeddings(
            key,
            IntStream.range(0, CHUNKS_PER_DOCUMENT).boxed().toList(),
            vectors.subList(d * CHUNKS_PER_DOCUMENT, (d + 1) * CHUNKS_PER_DOCUMENT));
        documents.write(key);
      }
      long t1 = System.nanoTime();
      components.index().catchUp();
      double indexSeconds = (System.nanoTime() - t1) / 1e9;
      int total = DOCUMENTS * CHUNKS_PER_DOCUMENT;
      assertThat(components.index().indexedChunks()).isEqualTo(total);

      var feed = new ChangeFeed(components.transactions());
      var queries = components.embedder().embed(GeneratedCorpus.passages(QUERIES, 7));
      double recallSum = 0;
      long annNanos = 0;
      long exactNanos = 0;
      for (float[] q : queries) {
        long a = System.nanoTime();
        List<Neighbour> approximate = components.index().nearest(q, K);
        long b = System.nanoTime();
        var exact = new TopNeighbours(K);
        var cosines = new HashMap<String, Double>();
        feed.allChunks(
            c -> {
              double cosine = Vectors.dot(q, c.vector());
              exact.offer(new Neighbour(c.documentId(), c.chunkIndex(), cosine));
              cosines.put(c.documentId() + "#" + c.chunkIndex(), cosine);
            });
        long e = System.nanoTime();
        annNanos += b - a;
        exactNanos += e - b;
        var truth = new HashSet<String>();
        exact.best().forEach(n -> truth.add(n.documentId() + "#" + n.chunkIndex()));
        long found =
            approximate.stream()
                .filter(n -> truth.contains(n.documentId() + "#" + n.chunkIndex()))
                .count();
        recallSum += (double) found / K;
        assertThat(approximate)
            .allSatisfy(
                n ->
                    assertThat(n.score())
                        .as("score of %s#%d", n.documentId(), n.chunkIndex())
                        .isCloseTo(
                            cosines.get(n.documentId() + "#" + n.chunkIndex()), within(1e-5)))
            .extracting(Neighbour::score)
            .isSortedAccordingTo(Comparator.reverseOrder());
      }
      double recall = recallSum / QUERIES;
      log.info(
          "recall@{} of the HNSW index against exact search: {} over {} queries on {} chunks;"
              + " embedding {} chunks took {} s ({} chunks/s); index catch-up {} s;"
              + " per query: HNSW {} ms, exact scan in the database {} ms",
          K,
          String.format("%.4f", recall),
          QUERIES,
          total,
          total,
          String.format("%.1f", embedSeconds),
          String.format("%.0f", total / embedSeconds),
          String.format("%.2f", indexSeconds),
          String.format("%.2f", annNanos / 1e6 / QUERIES),
          String.format("%.1f", exactNanos / 1e6 / QUERIES));
      assertThat(recall).isGreaterThanOrEqualTo(0.95);
    }
  }
}
