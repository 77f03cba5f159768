package io.apex.temporal.ingestion.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/** Ranked Lucene document numbers become chunk keys, in rank order, across segments. */
class ChunkKeysTest {
  /** Three segments: (a#0, a#1), (b#0), (c#0, c#1, c#2); document numbers 0-5 in that order. */
  private static DirectoryReader threeSegments(ByteBuffersDirectory directory) throws Exception {
    var config = new IndexWriterConfig().setMergePolicy(NoMergePolicy.INSTANCE);
    try (var writer = new IndexWriter(directory, config)) {
      for (String[] segment : new String[][] {{"a", "a"}, {"b"}, {"c", "c", "c"}}) {
        for (int i = 0; i < segment.length; i++) {
          var doc = new Document();
          doc.add(new SortedDocValuesField(LuceneChunkIndex.DOCUMENT, new BytesRef(segment[i])));
          doc.add(new NumericDocValuesField(LuceneChunkIndex.CHUNK, i));
          writer.addDocument(doc);
        }
        writer.commit();
      }
    }
    return DirectoryReader.open(directory);
  }

  private static String key(Neighbour n) {
    return n.documentId() + "#" + n.chunkIndex();
  }

  @Test
  void keysComeBackInRankOrderWhateverSegmentEachChunkIsIn() throws Exception {
    try (var directory = new ByteBuffersDirectory();
        var reader = threeSegments(directory)) {
      assertThat(reader.leaves()).hasSize(3);
      var ranked =
          List.of(
              new RankedChunk(5, 0.9),
              new RankedChunk(0, 0.8),
              new RankedChunk(3, 0.7),
              new RankedChunk(2, 0.6),
              new RankedChunk(1, 0.5));

      var neighbours = new ChunkKeys(reader).neighbours(ranked);

      assertThat(neighbours)
          .extracting(ChunkKeysTest::key)
          .containsExactly("c#2", "a#0", "c#0", "b#0", "a#1");
      assertThat(neighbours).extracting(Neighbour::score).containsExactly(0.9, 0.8, 0.7, 0.6, 0.5);
    }
  }

  @Test
  void chunksOfEqualScoreAreOrderedByKeyEvenAcrossTheCut() throws Exception {
    try (var directory = new ByteBuffersDirectory();
        var reader = threeSegments(directory)) {
      // c#1 (doc 4) and a#1 (doc 1) tie for second place; the cut after two keeps a#1.
      var ranked =
          List.of(new RankedChunk(2, 0.9), new RankedChunk(4, 0.5), new RankedChunk(1, 0.5));

      var best = new ChunkKeys(reader).best(ranked, 2);

      assertThat(best).extracting(ChunkKeysTest::key).containsExactly("b#0", "a#1");
    }
  }
}
