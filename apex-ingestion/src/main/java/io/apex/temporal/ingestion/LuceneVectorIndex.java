package io.apex.temporal.ingestion;

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
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Nearest-neighbour search over the stored embeddings with Lucene's HNSW graphs, kept consistent
 * with PostgreSQL, which is the truth: the index records the point of the store's change log it
 * reflects, and catches up from there (rebuilding when it belongs to another store).
 *
 * <p>One process at a time holds the index's write lock (normally the worker) and keeps it up to
 * date after every write. Another process (a {@code search} command beside a running worker) reads
 * the last committed index and searches the documents changed since it exactly in the database, so
 * its answer reflects every committed write too.
 */
final class LuceneVectorIndex implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LuceneVectorIndex.class);
  private static final String DOCUMENT = "document";
  private static final String CHUNK = "chunk";
  private static final String VECTOR = "vector";
  private static final String SEQ = "apex.changeSeq";
  private static final String STORE = "apex.storeId";

  /** HNSW candidates gathered per query before the best k are kept: recall for little time. */
  static final int MIN_CANDIDATES = 100;

  private static final long WRITER_RETRY_NANOS = 1_000_000_000L;

  private final Path path;
  private final Directory directory;
  private final ChangeFeed feed;
  private final String storeId;

  private IndexWriter writer;
  private SearcherManager searchers;
  private long appliedSeq;
  private long committedSeq;
  private long nextWriterAttempt;
  private final Object commitLock = new Object();
  private final ScheduledExecutorService committer;

  LuceneVectorIndex(Path path, ChangeFeed feed) {
    this.path = path;
    this.feed = feed;
    this.storeId = feed.storeId();
    try {
      Files.createDirectories(path);
      this.directory = FSDirectory.open(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the search index at " + path, e);
    }
    this.committer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              var t = new Thread(r, "search-index-commit");
              t.setDaemon(true);
              return t;
            });
    committer.scheduleWithFixedDelay(this::commitApplied, 1, 1, TimeUnit.SECONDS);
  }

  /** True when this process holds the index's write lock. */
  synchronized boolean writable() {
    return writer != null;
  }

  /** Applies every committed change of the store to the index, when this process may write it. */
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
      // Searches in this process see the change at once; the commit, which other processes read
      // (catching up on the rest from the store), follows within a second, off this thread.
      searchers.maybeRefreshBlocking();
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
        target.setLiveCommitData(Map.of(SEQ, Long.toString(seq), STORE, storeId).entrySet());
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

  /** The k nearest chunks to a unit vector, best first, as of every committed write. */
  List<Neighbour> nearest(float[] query, int k) {
    catchUp();
    synchronized (this) {
      if (writer != null) {
        try {
          IndexSearcher searcher = searchers.acquire();
          try {
            return fromIndex(searcher, query, k, Set.of()).best();
          } finally {
            searchers.release(searcher);
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return nearestReadOnly(query, k);
  }

  /** Another process writes the index: read its last commit, and search what changed since. */
  private List<Neighbour> nearestReadOnly(float[] query, int k) {
    try (DirectoryReader reader = openCommitted()) {
      long seq = 0;
      if (reader != null) {
        var data = reader.getIndexCommit().getUserData();
        if (storeId.equals(data.get(STORE))) {
          seq = Long.parseLong(data.getOrDefault(SEQ, "0"));
        }
      }
      var top = new TopNeighbours(k);
      var changes =
          feed.since(
              seq,
              document -> {},
              chunk ->
                  top.offer(
                      new Neighbour(
                          chunk.documentId(),
                          chunk.chunkIndex(),
                          Vectors.dot(query, chunk.vector()))));
      if (reader != null && seq > 0) {
        Set<String> stale = changes.documents();
        for (Neighbour n : fromIndex(new IndexSearcher(reader), query, k, stale).best()) {
          top.offer(n);
        }
      }
      return top.best();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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

  private static TopNeighbours fromIndex(
      IndexSearcher searcher, float[] query, int k, Set<String> excluded) throws IOException {
    int candidates = Math.max(MIN_CANDIDATES, k + excluded.size());
    var hits = searcher.search(new KnnFloatVectorQuery(VECTOR, query, candidates), candidates);
    var top = new TopNeighbours(k);
    var fields = searcher.storedFields();
    for (ScoreDoc hit : hits.scoreDocs) {
      var doc = fields.document(hit.doc);
      String documentId = doc.get(DOCUMENT);
      if (excluded.contains(documentId)) {
        continue;
      }
      // Lucene's cosine score is (1 + cos) / 2.
      double cosine = 2.0 * hit.score - 1.0;
      top.offer(new Neighbour(documentId, doc.getField(CHUNK).numericValue().intValue(), cosine));
    }
    return top;
  }

  private boolean tryOpenWriter() {
    long now = System.nanoTime();
    if (now < nextWriterAttempt) {
      return false;
    }
    try {
      var config = new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
      config.setRAMBufferSizeMB(64);
      var opened = new IndexWriter(directory, config);
      long seq = 0;
      var data = new HashMap<String, String>();
      var committed = opened.getLiveCommitData();
      if (committed != null) {
        committed.forEach(e -> data.put(e.getKey(), e.getValue()));
      }
      if (storeId.equals(data.get(STORE))) {
        seq = Long.parseLong(data.getOrDefault(SEQ, "0"));
      } else {
        // Built from another store (or new): the store is the truth, rebuild from it.
        opened.deleteAll();
      }
      writer = opened;
      searchers = new SearcherManager(opened, null);
      appliedSeq = seq;
      committedSeq = seq;
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
      writer = null;
      searchers = null;
      nextWriterAttempt = 0;
    }
  }

  private Document toLucene(ChangeFeed.ChunkVector chunk) {
    var doc = new Document();
    doc.add(new StringField(DOCUMENT, chunk.documentId(), Field.Store.YES));
    doc.add(new StoredField(CHUNK, chunk.chunkIndex()));
    doc.add(new KnnFloatVectorField(VECTOR, chunk.vector(), VectorSimilarityFunction.COSINE));
    return doc;
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
    try (IndexReader reader = openCommitted()) {
      return reader == null ? 0 : reader.numDocs();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    committer.shutdownNow();
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
          writer.close();
        }
      }
      directory.close();
    } catch (IOException e) {
      log.warn("closing the search index at {} failed: {}", path, e.toString());
    } finally {
      writer = null;
      searchers = null;
    }
  }
}
