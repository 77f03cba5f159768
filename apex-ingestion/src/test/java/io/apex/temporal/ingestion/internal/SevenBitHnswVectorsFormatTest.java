package io.apex.temporal.ingestion.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.codecs.perfield.PerFieldKnnVectorsFormat;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

/**
 * The format writes what Lucene's 7-bit HNSW format writes and finds what it finds, with the same
 * scores: graphs built on flush and rebuilt by a merge, read back through Lucene's lookup by name.
 */
class SevenBitHnswVectorsFormatTest {
  private static final String FIELD = "v";
  private static final int DIMENSION = 384;

  private static float[] unitVector(Random random) {
    float[] vector = new float[DIMENSION];
    for (int i = 0; i < DIMENSION; i++) {
      vector[i] = (float) random.nextGaussian();
    }
    return Vectors.normalized(vector);
  }

  /** 900 vectors in three segments, merged into one so that the merge's graph builder scores. */
  private static Directory indexWith(KnnVectorsFormat format) throws IOException {
    var directory = new ByteBuffersDirectory();
    var codec =
        new Lucene912Codec() {
          @Override
          public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
            return format;
          }
        };
    var random = new Random(11);
    try (var writer = new IndexWriter(directory, new IndexWriterConfig().setCodec(codec))) {
      for (int segment = 0; segment < 3; segment++) {
        for (int i = 0; i < 300; i++) {
          var document = new Document();
          document.add(
              new KnnFloatVectorField(
                  FIELD, unitVector(random), VectorSimilarityFunction.DOT_PRODUCT));
          writer.addDocument(document);
        }
        writer.commit();
      }
      writer.forceMerge(1);
    }
    return directory;
  }

  private static List<List<ScoreDoc>> nearest(Directory directory) throws IOException {
    var random = new Random(23);
    var results = new ArrayList<List<ScoreDoc>>();
    try (var reader = DirectoryReader.open(directory)) {
      var searcher = new IndexSearcher(reader);
      for (int q = 0; q < 40; q++) {
        var query = new KnnFloatVectorQuery(FIELD, unitVector(random), 10);
        results.add(List.of(searcher.search(query, 10).scoreDocs));
      }
    }
    return results;
  }

  @Test
  void findsTheSameChunksWithTheSameScoresAsLucenesSevenBitFormat() throws IOException {
    var ours = nearest(indexWith(new SevenBitHnswVectorsFormat()));
    var lucenes = nearest(indexWith(new Lucene99HnswScalarQuantizedVectorsFormat()));

    assertThat(ours).hasSize(40);
    for (int q = 0; q < ours.size(); q++) {
      assertThat(ours.get(q)).hasSize(10);
      assertThat(ours.get(q))
          .as("query %d", q)
          .extracting(hit -> hit.doc, hit -> hit.score)
          .containsExactlyElementsOf(
              lucenes.get(q).stream()
                  .map(hit -> org.assertj.core.groups.Tuple.tuple(hit.doc, hit.score))
                  .toList());
    }
  }

  @Test
  void aSegmentNamesTheFormatSoAReaderFindsItsScorer() throws IOException {
    try (var reader = DirectoryReader.open(indexWith(new SevenBitHnswVectorsFormat()))) {
      assertThat(reader.leaves()).hasSize(1);
      var field = reader.leaves().get(0).reader().getFieldInfos().fieldInfo(FIELD);
      assertThat(field.getAttribute(PerFieldKnnVectorsFormat.PER_FIELD_FORMAT_KEY))
          .isEqualTo(SevenBitHnswVectorsFormat.NAME);
      assertThat(KnnVectorsFormat.forName(SevenBitHnswVectorsFormat.NAME))
          .isInstanceOf(SevenBitHnswVectorsFormat.class);
    }
  }
}
