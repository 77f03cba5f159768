package io.apex.temporal.ingestion.internal;

import java.io.IOException;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.KnnVectorsReader;
import org.apache.lucene.codecs.KnnVectorsWriter;
import org.apache.lucene.codecs.hnsw.FlatVectorScorerUtil;
import org.apache.lucene.codecs.hnsw.FlatVectorsFormat;
import org.apache.lucene.codecs.hnsw.FlatVectorsScorer;
import org.apache.lucene.codecs.lucene99.Lucene99FlatVectorsFormat;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsReader;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsWriter;
import org.apache.lucene.codecs.lucene99.Lucene99ScalarQuantizedVectorsReader;
import org.apache.lucene.codecs.lucene99.Lucene99ScalarQuantizedVectorsWriter;
import org.apache.lucene.index.SegmentReadState;
import org.apache.lucene.index.SegmentWriteState;

/**
 * Lucene's HNSW graph on vectors quantized to 7 bits, its files and settings unchanged (those of
 * {@code Lucene99HnswScalarQuantizedVectorsFormat}'s defaults), scored by {@link
 * SevenBitVectorScorer}. A format of our own because Lucene's takes no scorer; it has its own name
 * so that a segment records which scorer reads it, and Lucene finds it by that name through {@code
 * META-INF/services}.
 */
public final class SevenBitHnswVectorsFormat extends KnnVectorsFormat {
  static final String NAME = "ApexSevenBitHnsw";
  private static final byte BITS = 7;

  private final FlatVectorsScorer scorer = new SevenBitVectorScorer();
  private final FlatVectorsFormat floats =
      new Lucene99FlatVectorsFormat(FlatVectorScorerUtil.getLucene99FlatVectorsScorer());

  /** For Lucene's lookup by name. */
  public SevenBitHnswVectorsFormat() {
    super(NAME);
  }

  @Override
  public KnnVectorsWriter fieldsWriter(SegmentWriteState state) throws IOException {
    var quantized =
        new Lucene99ScalarQuantizedVectorsWriter(
            state, null, BITS, false, floats.fieldsWriter(state), scorer);
    return new Lucene99HnswVectorsWriter(
        state,
        Lucene99HnswVectorsFormat.DEFAULT_MAX_CONN,
        Lucene99HnswVectorsFormat.DEFAULT_BEAM_WIDTH,
        quantized,
        Lucene99HnswVectorsFormat.DEFAULT_NUM_MERGE_WORKER,
        null);
  }

  @Override
  public KnnVectorsReader fieldsReader(SegmentReadState state) throws IOException {
    return new Lucene99HnswVectorsReader(
        state, new Lucene99ScalarQuantizedVectorsReader(state, floats.fieldsReader(state), scorer));
  }

  @Override
  public int getMaxDimensions(String fieldName) {
    return 1024;
  }

  @Override
  public String toString() {
    return NAME + "(scorer=" + scorer + ")";
  }
}
