package io.apex.temporal.ingestion.internal;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The sentence-embedding model all-MiniLM-L6-v2, int8-quantized (384 dimensions), shipped in its
 * Maven package and run in-process with ONNX Runtime; loaded once per process and shared by all
 * threads.
 */
final class ChunkEmbedder implements AutoCloseable {
  static final int DIMENSIONS = 384;

  private final ExecutorService threads;
  private final EmbeddingModel model;
  private final int batchSize;

  ChunkEmbedder(int batchSize) {
    this.batchSize = batchSize;
    int cores = Runtime.getRuntime().availableProcessors();
    var counter = new AtomicInteger();
    this.threads =
        Executors.newFixedThreadPool(
            cores,
            r -> {
              var t = new Thread(r, "embedding-" + counter.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    this.model = new MiniLmEmbeddingModel(threads);
  }

  int batchSize() {
    return batchSize;
  }

  /** Unit-length embeddings of the texts, in order, computed {@link #batchSize} at a time. */
  List<float[]> embed(List<String> texts) {
    var out = new ArrayList<float[]>(texts.size());
    for (int from = 0; from < texts.size(); from += batchSize) {
      out.addAll(embedBatch(texts.subList(from, Math.min(texts.size(), from + batchSize))));
    }
    return out;
  }

  /** One call of the model for up to a batch of texts. */
  List<float[]> embedBatch(List<String> texts) {
    var segments = texts.stream().map(TextSegment::from).toList();
    List<Embedding> embeddings = model.embedAll(segments).content();
    var out = new ArrayList<float[]>(embeddings.size());
    for (Embedding e : embeddings) {
      out.add(Vectors.normalized(e.vector()));
    }
    return out;
  }

  float[] embedOne(String text) {
    return embedBatch(List.of(text)).get(0);
  }

  @Override
  public void close() {
    threads.shutdownNow();
  }
}
