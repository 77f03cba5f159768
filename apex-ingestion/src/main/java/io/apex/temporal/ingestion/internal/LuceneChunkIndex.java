package io.apex.temporal.ingestion.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MultiReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ReferenceManager;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.BytesRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The search index of the stored chunks, kept consistent with PostgreSQL, which is the truth: each
 * chunk is one Lucene document holding its embedding (HNSW graph, for semantic search), its text
 * (BM25 with an English analyzer, for keyword search) and its document ID and source (for filters).
 * Both rankings read the same Lucene commit, so they can never disagree about which chunks exist.
 * The index records the point of the store's change log it reflects, and catches up from there
 * (rebuilding when it belongs to another store or an older index format). Rankings name chunks by
 * their Lucene document numbers and read the keys of only those shown from doc values; the vectors
 * are unit length and compared by dot product; segments are merged into one when writes pause.
 *
 * <p>One process at a time holds the index's write lock (normally the worker) and keeps it up to
 * date after every write. Another process (a {@code search} command beside a running worker) reads
 * the last committed index and overlays the documents changed since, read from the store into a
 * small in-memory index, so its answer reflects every committed write too.
 */
final class LuceneChunkIndex implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LuceneChunkIndex.class);
  static final String DOCUMENT = "document";
  static final String SOURCE = "source";
  static final String CHUNK = "chunk";
  static final String VECTOR = "vector";
  static final String TEXT = "text";

  /** Marks the overlay's chunks (changed since the commit a read-only process reads). */
  private static final String FRESH = "fresh";

  private static final String SEQ = "apex.changeSeq";
  private static final String STORE = "apex.storeId";
  private static final String FORMAT = "apex.indexFormat";

  /**
   * Bumped when the fields or their formats change: an index of another is rebuilt from the store.
   */
  private static final String CURRENT_FORMAT =
      "5-apex-int7-graph-dot-product-text-source-docvalues";

  /**
   * The vectors' graph on copies quantized to 7 bits (the float vectors are kept beside them for
   * exact scores, {@link SemanticRanking}): a quarter of the bytes read per comparison, where the
   * float graph's search spent most of its time fetching vectors. Measured on 26,868 chunks: JVM
   * CPU per API search 5.6-6.0 → 4.1 ms; CISI nDCG@10 unchanged (docs/performance.md). Scored by
   * {@link SevenBitHnswVectorsFormat}, Lucene's format with a faster dot product on Java 17.
   */
  private static final Codec QUANTIZED_VECTORS =
      new Lucene912Codec() {
        private final KnnVectorsFormat vectors = new SevenBitHnswVectorsFormat();

        @Override
        public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
          return vectors;
        }
      };

  private static final long WRITER_RETRY_NANOS = 1_000_000_000L;

  /**
   * How long the index must go without a change before its segments are merged into one. A vector
   * search walks each segment's graph for the full k, so one segment costs about half the work of
   * the four a 23,000-chunk index keeps under the default merge policy (measured: 0.9 against 1.55
   * ms per query). Merging only when writes pause keeps the merge off the ingestion's cores.
   */
  static final long IDLE_MERGE_NANOS = 3_000_000_000L;

  /**
   * The largest index merged when idle. Above it the default merge policy's segments stay: merging
   * rewrites the whole index, and rebuilds its graph when the largest segment holds deleted chunks
   * (27,000 chunks in 12 segments took 10 s of a core here; ten times that, minutes).
   */
  static final int IDLE_MERGE_MAX_CHUNKS = 100_000;

  /**
   * One search over the index as of every committed write. {@code visible}, when not null, must
   * filter every query: it hides the entries that a read-only process knows to be stale.
   */
  interface Reading<T> {
    T read(IndexSearcher searcher, Query visible) throws IOException;
  }

  private final Path path;
  private final Directory directory;
  private final ChangeFeed feed;
  private final String storeId;

  private IndexWriter writer;
  private SearcherManager searchers;
  private long appliedSeq;

  /**
   * The change-log point this process's searchers show, or -1 when it has none (another process
   * writes the index). Published after the refresh, so a search that finds the store's latest point
   * at most this far needs no catch-up, and takes no lock.
   */
  private volatile long searchableSeq = -1;

  /**
   * What this process's searchers read, published at each refresh ({@link #segments()}): read by
   * metrics scrapes, which must not wait behind writes for the index's lock.
   */
  private volatile Shape searched = Shape.NONE;

  private long committedSeq;
  private long lastChangeNanos = System.nanoTime();

  /** The change-log point at which the segments were last merged into one (-1: never). */
  private long mergedSeq = -1;

  private long nextWriterAttempt;
  private final Object commitLock = new Object();
  private final ScheduledExecutorService committer;
  private final ScheduledExecutorService merger;

  LuceneChunkIndex(Path path, ChangeFeed feed) {
    this.path = path;
    this.feed = feed;
    this.storeId = feed.storeId();
    try {
      Files.createDirectories(path);
      this.directory = FSDirectory.open(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the search index at " + path, e);
    }
    this.committer = daemon("search-index-commit");
    committer.scheduleWithFixedDelay(this::commitApplied, 1, 1, TimeUnit.SECONDS);
    this.merger = daemon("search-index-merge");
    merger.scheduleWithFixedDelay(this::mergeWhenIdle, 1, 1, TimeUnit.SECONDS);
  }

  private static ScheduledExecutorService daemon(String name) {
    return Executors.newSingleThreadScheduledExecutor(
        r -> {
          var t = new Thread(r, name);
          t.setDaemon(true);
          return t;
        });
  }

  /** True when this process holds the index's write lock. */
  synchronized boolean writable() {
    return writer != null;
  }

  /**
   * Applies every committed change of the store to the index, when this process may write it. A
   * changed document's entries are deleted and its current chunks added: a replaced document gets
   * its new chunks, a deleted one (no chunks left) none.
   */
  synchronized void catchUp() {
    if (writer == null && !tryOpenWriter()) {
      return;
    }
    try {
      var changes =
          feed.since(
              appliedSeq,
              document -> {
                try {
                  writer.deleteDocuments(new Term(DOCUMENT, document));
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              },
              chunk -> {
                try {
                  writer.addDocument(toLucene(chunk));
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
      // Deletes apply only to documents added before them, so the added chunks stay.
      if (changes.upTo() == appliedSeq) {
        return;
      }
      appliedSeq = changes.upTo();
      lastChangeNanos = System.nanoTime();
      // Searches in this process see the change at once; the commit, which other processes read
      // (catching up on the rest from the store), follows within a second, off this thread.
      searchers.maybeRefreshBlocking();
      searchableSeq = appliedSeq;
    } catch (IOException e) {
      rollBack();
      throw new UncheckedIOException("search index update failed at " + path, e);
    } catch (RuntimeException e) {
      rollBack();
      throw e;
    }
  }

  /**
   * Commits what was applied, with the change-log point it reflects. Runs on the committer thread
   * (and on close) outside this object's lock, so that writes never wait for an fsync; the commit
   * lock keeps a rollback or close from running under it.
   */
  private void commitApplied() {
    IndexWriter target;
    long seq;
    synchronized (this) {
      if (writer == null || committedSeq == appliedSeq) {
        return;
      }
      target = writer;
      seq = appliedSeq;
    }
    synchronized (commitLock) {
      try {
        // Every change up to seq was added to the writer before this, so the commit holds it.
        target.setLiveCommitData(
            Map.of(SEQ, Long.toString(seq), STORE, storeId, FORMAT, CURRENT_FORMAT).entrySet());
        target.commit();
      } catch (IOException | RuntimeException e) {
        log.warn("search index commit at {} failed (retried in a second): {}", path, e.toString());
        return;
      }
    }
    synchronized (this) {
      if (writer == target) {
        committedSeq = Math.max(committedSeq, seq);
      }
    }
  }

  /**
   * Merges the segments into one once the index has had no change for {@link #IDLE_MERGE_NANOS},
   * once per change-log point; then shows the merged segment to searches. Runs on its own thread:
   * searches, writes and commits go on during the merge.
   */
  private void mergeWhenIdle() {
    IndexWriter target;
    SearcherManager manager;
    long seq;
    synchronized (this) {
      if (writer == null
          || mergedSeq == appliedSeq
          || System.nanoTime() - lastChangeNanos < IDLE_MERGE_NANOS) {
        return;
      }
      target = writer;
      manager = searchers;
      seq = appliedSeq;
    }
    try {
      long began = System.nanoTime();
      Shape before = shape(manager);
      if (before.segments() > 1 && before.chunks() <= IDLE_MERGE_MAX_CHUNKS) {
        target.forceMerge(1, true);
        manager.maybeRefreshBlocking();
        log.info(
            "search index at {} merged {} segments ({} chunks) into one in {} ms",
            path,
            before.segments(),
            before.chunks(),
            (System.nanoTime() - began) / 1_000_000);
      }
      synchronized (this) {
        if (writer == target) {
          mergedSeq = seq;
        }
      }
    } catch (IOException | RuntimeException e) {
      if (merger.isShutdown()) {
        log.info("search index merge at {} stopped: the index is closing", path);
      } else {
        // A rollback during the merge, or a disk error: the next idle time merges again.
        log.warn("search index merge at {} failed (tried again when idle): {}", path, e.toString());
      }
    }
  }

  /** How many segments and chunks the searches of this manager read. */
  private record Shape(int segments, int chunks) {
    static final Shape NONE = new Shape(0, 0);
  }

  /** Keeps {@link #searched} up to date with every refresh of {@code manager}, from now on. */
  private void publishShape(SearcherManager manager) throws IOException {
    searched = shape(manager);
    manager.addListener(
        new ReferenceManager.RefreshListener() {
          @Override
          public void beforeRefresh() {}

          @Override
          public void afterRefresh(boolean didRefresh) throws IOException {
            if (didRefresh) {
              searched = shape(manager);
            }
          }
        });
  }

  private static Shape shape(SearcherManager manager) throws IOException {
    IndexSearcher searcher = manager.acquire();
    try {
      IndexReader reader = searcher.getIndexReader();
      return new Shape(reader.leaves().size(), reader.numDocs());
    } finally {
      manager.release(searcher);
    }
  }

  /** A reading's result, and the point of the store's change log the index it read reflects. */
  record Read<T>(T value, long seq) {}

  /** Runs {@code reading} over the index as of every committed write of the store. */
  <T> T read(Reading<T> reading) {
    // The catch-up's transaction and lock only when the searchers do not show the store's latest
    // change yet (a write by another process, or none by this one so far).
    if (feed.latest() > searchableSeq) {
      catchUp();
    }
    return readAsIs(reading).value();
  }

  /**
   * Runs {@code reading} over the index as this process last caught it up, without asking the store
   * for its latest change: the caller compares {@link Read#seq} with it (in a query it makes
   * anyway) and calls {@link #catchUp} and reads again when the index was behind.
   */
  <T> Read<T> readAsIs(Reading<T> reading) {
    if (!writable()) {
      // Another process may have released the index since: try to become its writer.
      catchUp();
    }
    // Read before the searcher is acquired, which then shows at least this point.
    long seq = searchableSeq;
    IndexSearcher searcher = null;
    SearcherManager manager;
    synchronized (this) {
      manager = searchers;
      if (manager != null) {
        try {
          searcher = manager.acquire();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    if (searcher == null) {
      return readOnly(reading);
    }
    try {
      return new Read<>(reading.read(searcher, null), seq);
    } catch (IOException e) {
      throw new UncheckedIOException("search index read failed at " + path, e);
    } finally {
      try {
        manager.release(searcher);
      } catch (IOException e) {
        log.warn("releasing a search index reader at {} failed: {}", path, e.toString());
      }
    }
  }

  /** The k nearest chunks to a unit vector, best first, as of every committed write. */
  List<Neighbour> nearest(float[] query, int k) {
    return read((searcher, visible) -> new SemanticRanking(searcher, query, visible).top(k));
  }

  /**
   * Another process writes the index: read its last commit, overlaid with the chunks of every
   * document changed since (from the store, in memory), the commit's entries of those documents
   * filtered out.
   */
  private <T> Read<T> readOnly(Reading<T> reading) {
    try (DirectoryReader committed = openCommitted();
        var overlay = new ByteBuffersDirectory()) {
      long seq = 0;
      if (committed != null) {
        var data = committed.getIndexCommit().getUserData();
        if (storeId.equals(data.get(STORE)) && CURRENT_FORMAT.equals(data.get(FORMAT))) {
          seq = Long.parseLong(data.getOrDefault(SEQ, "0"));
        }
      }
      ChangeFeed.Changes changes;
      try (var fresh = new IndexWriter(overlay, writerConfig())) {
        changes =
            feed.since(
                seq,
                document -> {},
                chunk -> {
                  try {
                    var doc = toLucene(chunk);
                    doc.add(new StringField(FRESH, "1", Field.Store.NO));
                    fresh.addDocument(doc);
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                });
      }
      try (DirectoryReader freshReader = DirectoryReader.open(overlay)) {
        IndexReader combined = freshReader;
        Query visible = null;
        if (committed != null && seq > 0) {
          combined = new MultiReader(new IndexReader[] {committed, freshReader}, false);
          visible = freshOrUnchanged(changes.documents());
        }
        return new Read<>(reading.read(KeywordRanking.searcher(combined), visible), changes.upTo());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("search index read failed at " + path, e);
    }
  }

  /** The overlay's chunks, and the commit's chunks of documents not changed since it. */
  private static Query freshOrUnchanged(Set<String> changed) {
    var unchanged =
        new BooleanQuery.Builder()
            .add(new MatchAllDocsQuery(), BooleanClause.Occur.FILTER)
            .add(
                new TermInSetQuery(DOCUMENT, changed.stream().map(BytesRef::new).toList()),
                BooleanClause.Occur.MUST_NOT)
            .build();
    return new BooleanQuery.Builder()
        .add(new TermQuery(new Term(FRESH, "1")), BooleanClause.Occur.SHOULD)
        .add(unchanged, BooleanClause.Occur.SHOULD)
        .setMinimumNumberShouldMatch(1)
        .build();
  }

  private DirectoryReader openCommitted() throws IOException {
    if (!DirectoryReader.indexExists(directory)) {
      return null;
    }
    IOException last = null;
    // The writer may delete an old commit's files while we open it: try the newer one.
    for (int attempt = 0; attempt < 5; attempt++) {
      try {
        return DirectoryReader.open(directory);
      } catch (IOException e) {
        last = e;
      }
    }
    throw last;
  }

  private static IndexWriterConfig writerConfig() {
    return new IndexWriterConfig(KeywordRanking.ANALYZER)
        .setSimilarity(KeywordRanking.SIMILARITY)
        .setCodec(QUANTIZED_VECTORS);
  }

  private boolean tryOpenWriter() {
    long now = System.nanoTime();
    if (now < nextWriterAttempt) {
      return false;
    }
    try {
      var config = writerConfig().setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
      config.setRAMBufferSizeMB(64);
      var opened = new IndexWriter(directory, config);
      long seq = 0;
      var data = new HashMap<String, String>();
      var committed = opened.getLiveCommitData();
      if (committed != null) {
        committed.forEach(e -> data.put(e.getKey(), e.getValue()));
      }
      if (storeId.equals(data.get(STORE)) && CURRENT_FORMAT.equals(data.get(FORMAT))) {
        seq = Long.parseLong(data.getOrDefault(SEQ, "0"));
      } else {
        // Built from another store, in another format, or new: rebuild from the store (the truth).
        opened.deleteAll();
      }
      writer = opened;
      searchers =
          new SearcherManager(
              opened,
              new SearcherFactory() {
                @Override
                public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
                  return KeywordRanking.searcher(reader);
                }
              });
      publishShape(searchers);
      appliedSeq = seq;
      committedSeq = seq;
      searchableSeq = seq;
      log.info("search index at {} opened for writing at change {}", path, seq);
      return true;
    } catch (LockObtainFailedException e) {
      nextWriterAttempt = now + WRITER_RETRY_NANOS;
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the search index at " + path, e);
    }
  }

  /** Drops uncommitted changes; the next catch-up starts again from the last commit. */
  private void rollBack() {
    try {
      searchers.close();
      synchronized (commitLock) {
        writer.rollback();
      }
    } catch (IOException | RuntimeException e) {
      log.warn("search index rollback at {} failed: {}", path, e.toString());
    } finally {
      searchableSeq = -1;
      writer = null;
      searchers = null;
      searched = Shape.NONE;
      nextWriterAttempt = 0;
    }
  }

  private static Document toLucene(ChangeFeed.ChunkEntry chunk) {
    var doc = new Document();
    doc.add(new StringField(DOCUMENT, chunk.documentId(), Field.Store.NO));
    doc.add(new SortedDocValuesField(DOCUMENT, new BytesRef(chunk.documentId())));
    doc.add(new StringField(SOURCE, chunk.source(), Field.Store.NO));
    doc.add(new NumericDocValuesField(CHUNK, chunk.chunkIndex()));
    // The dot product of unit vectors is their cosine, at a third of the arithmetic.
    doc.add(
        new KnnFloatVectorField(
            VECTOR, Vectors.normalized(chunk.vector()), VectorSimilarityFunction.DOT_PRODUCT));
    doc.add(new TextField(TEXT, chunk.text(), Field.Store.NO));
    return doc;
  }

  /**
   * How many segments this process's searches read (0 when it does not write the index), as of
   * their last refresh; never waits for a write.
   */
  int segments() {
    return searched.segments();
  }

  /**
   * How many chunks this process's searches read as of their last refresh, or, when another process
   * writes the index, its last commit holds; never waits for a write.
   */
  int searchedChunks() {
    return searchableSeq >= 0 ? searched.chunks() : committedChunks();
  }

  /** How many chunks the index holds, as this process searches it (for tests and logs). */
  synchronized int indexedChunks() {
    if (writer != null) {
      try {
        IndexSearcher searcher = searchers.acquire();
        try {
          return searcher.getIndexReader().numDocs();
        } finally {
          searchers.release(searcher);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return committedChunks();
  }

  /** How many chunks the index's last commit holds, as a process that does not write it sees. */
  private int committedChunks() {
    try (IndexReader reader = openCommitted()) {
      return reader == null ? 0 : reader.numDocs();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    committer.shutdownNow();
    merger.shutdownNow();
    commitApplied();
    synchronized (this) {
      closeWriter();
    }
  }

  private void closeWriter() {
    try {
      if (searchers != null) {
        searchers.close();
      }
      if (writer != null) {
        synchronized (commitLock) {
          // Everything applied was just committed (what was not is caught up from the change log
          // at the next open); a rollback, unlike close, does not wait for a running merge.
          writer.rollback();
        }
      }
      directory.close();
    } catch (IOException e) {
      log.warn("closing the search index at {} failed: {}", path, e.toString());
    } finally {
      searchableSeq = -1;
      writer = null;
      searchers = null;
      searched = Shape.NONE;
    }
  }
}
