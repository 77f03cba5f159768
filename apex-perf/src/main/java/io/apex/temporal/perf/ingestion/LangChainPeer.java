package io.apex.temporal.perf.ingestion;

import dev.langchain4j.data.document.Document;
import dev.langchain4j.data.document.loader.FileSystemDocumentLoader;
import dev.langchain4j.data.document.parser.TextDocumentParser;
import dev.langchain4j.data.document.splitter.DocumentSplitters;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.store.embedding.EmbeddingStoreIngestor;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;
import io.apex.temporal.perf.cpu.ProcessCpu;
import java.nio.file.Path;
import java.util.List;

/**
 * The yardstick of the ingestion benchmark: LangChain4j's {@code EmbeddingStoreIngestor} in this
 * process, as its documentation shows it, with the same int8 all-MiniLM-L6-v2, a recursive splitter
 * of 1,000 characters with 150 overlap, and an in-memory store. No durability, no database, no
 * entities: what ingestion costs when nothing survives a crash.
 */
final class LangChainPeer {
  static final int SEGMENT_CHARACTERS = 1_000;
  static final int OVERLAP_CHARACTERS = 150;

  record Measured(int documents, long segments, double seconds, double cpuSeconds) {
    double documentsPerMinute() {
      return seconds <= 0 ? 0 : documents * 60.0 / seconds;
    }
  }

  private final EmbeddingStoreIngestor ingestor;
  private final InMemoryEmbeddingStore<TextSegment> store = new InMemoryEmbeddingStore<>();

  LangChainPeer() {
    this.ingestor =
        EmbeddingStoreIngestor.builder()
            .documentSplitter(DocumentSplitters.recursive(SEGMENT_CHARACTERS, OVERLAP_CHARACTERS))
            .embeddingModel(new AllMiniLmL6V2QuantizedEmbeddingModel())
            .embeddingStore(store)
            .build();
  }

  /** Reads, splits, embeds and stores the files, all in one call as the ingestor is meant to. */
  Measured ingest(List<Path> files) {
    long cpuBefore = ProcessCpu.thisProcessNanos();
    long begin = System.nanoTime();
    List<Document> documents =
        files.stream()
            .map(file -> FileSystemDocumentLoader.loadDocument(file, new TextDocumentParser()))
            .toList();
    ingestor.ingest(documents);
    double seconds = (System.nanoTime() - begin) / 1e9;
    double cpuSeconds = (ProcessCpu.thisProcessNanos() - cpuBefore) / 1e9;
    long segments = documents.stream().mapToLong(this::segmentsOf).sum();
    return new Measured(files.size(), segments, seconds, cpuSeconds);
  }

  private long segmentsOf(Document document) {
    return DocumentSplitters.recursive(SEGMENT_CHARACTERS, OVERLAP_CHARACTERS)
        .split(document)
        .size();
  }
}
