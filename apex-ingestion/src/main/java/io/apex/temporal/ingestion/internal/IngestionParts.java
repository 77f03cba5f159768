package io.apex.temporal.ingestion.internal;

import io.apex.temporal.config.Secret;
import io.apex.temporal.ingestion.AccessKeys;
import io.apex.temporal.ingestion.DocumentCatalog;
import io.apex.temporal.ingestion.DocumentSearch;
import io.apex.temporal.ingestion.EntityGraph;
import io.apex.temporal.ingestion.IngestionMetrics;
import io.apex.temporal.ingestion.IngestionSettings;
import io.apex.temporal.workflows.ingestion.DocumentIngestionActivities;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.UnaryOperator;
import org.apache.tika.config.TikaConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts and holds the parts behind {@link io.apex.temporal.ingestion.IngestionComponents}: the
 * PostgreSQL store (embedded or by JDBC URL, migrated on start), the embedding model, the parser,
 * the search index, the activities and the readers over the store. The package-private overloads
 * and accessors are this module's test seams: a hook after each write's commit, the index, the
 * transactions and the model.
 */
public final class IngestionParts implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(IngestionParts.class);

  /** How long Tika may take over one document before it is refused as unparseable. */
  static final Duration PARSE_TIME_LIMIT = Duration.ofSeconds(20);

  private final Deque<AutoCloseable> started;
  private final IngestionActivities activities;
  private final ChunkSearch search;
  private final DocumentTables store;
  private final LuceneChunkIndex index;
  private final Transactions transactions;
  private final ChunkEmbedder embedder;
  private final DocumentCatalog catalog;
  private final EntityGraph entities;
  private final AccessKeys accessKeys;

  private IngestionParts(
      Deque<AutoCloseable> started,
      IngestionActivities activities,
      ChunkSearch search,
      DocumentTables store,
      LuceneChunkIndex index,
      Transactions transactions,
      ChunkEmbedder embedder,
      DocumentCatalog catalog) {
    this.started = started;
    this.activities = activities;
    this.search = search;
    this.store = store;
    this.index = index;
    this.transactions = transactions;
    this.embedder = embedder;
    this.catalog = catalog;
    this.entities = new PostgresEntityGraph(transactions);
    this.accessKeys = new PostgresAccessKeys(transactions);
  }

  /**
   * Connects to PostgreSQL by JDBC URL, or else to the embedded PostgreSQL on loopback at the
   * embedded port (started here unless another process of ours already runs it), migrates the
   * schema, loads the model and opens the search index; the activities' measurements go to metrics.
   */
  public static IngestionParts start(IngestionSettings settings, IngestionMetrics metrics) {
    return start(settings, UnaryOperator.identity(), metrics);
  }

  /** As {@link #start(IngestionSettings, IngestionMetrics)}, measuring nothing. */
  static IngestionParts start(IngestionSettings settings) {
    return start(settings, IngestionMetrics.NONE);
  }

  /** As {@link #start(IngestionSettings)}, with what runs after each write's commit wrapped. */
  static IngestionParts start(
      IngestionSettings settings, UnaryOperator<IngestionActivities.AfterWrite> afterWrite) {
    return start(settings, afterWrite, IngestionMetrics.NONE);
  }

  /** As {@link #start(IngestionSettings, UnaryOperator)}, the measurements going to metrics. */
  static IngestionParts start(
      IngestionSettings settings,
      UnaryOperator<IngestionActivities.AfterWrite> afterWrite,
      IngestionMetrics metrics) {
    var started = new ArrayDeque<AutoCloseable>();
    try {
      long t0 = System.nanoTime();
      // The model loads while PostgreSQL starts.
      var model =
          CompletableFuture.supplyAsync(
              () -> new ChunkEmbedder(settings.tuning().embeddingBatchSize()));
      var storeSettings = settings.store();
      Database database;
      if (storeSettings.embedded()) {
        var server =
            EmbeddedPostgresServer.startOrJoin(
                storeSettings.dataDirectory(), storeSettings.embeddedPort());
        started.push(server);
        database = Database.open(server.jdbcUrl(), EmbeddedPostgresServer.USER, server.password());
      } else {
        database =
            Database.open(
                storeSettings.jdbcUrl().orElseThrow(),
                storeSettings.user(),
                storeSettings.password().map(Secret::reveal).orElse(null));
      }
      started.push(database);
      ChunkEmbedder embedder;
      try {
        embedder = model.join();
      } catch (CompletionException e) {
        throw new IllegalStateException(
            "the embedding model did not load: " + e.getCause(), e.getCause());
      }
      started.push(embedder);
      var parser = new DocumentParser(TikaConfig.getDefaultConfig(), PARSE_TIME_LIMIT);
      started.push(parser);
      var tx = new Transactions(database.dataSource());
      logVectorExtension(tx);
      var index =
          new LuceneChunkIndex(
              storeSettings.dataDirectory().resolve("search-index"), new ChangeFeed(tx));
      started.push(index);
      index.catchUp();
      var staging = new StagingTables(tx);
      new StagingSweep(staging, StagingSweep.RETENTION).run();
      var documents = new DocumentTables(tx);
      var activities =
          new IngestionActivities(
              new DocumentStager(
                  settings.maxDocumentBytes(),
                  new ReadableRoots(settings.ingestRoots()),
                  parser,
                  documents,
                  staging),
              parser,
              new TextChunker(
                  settings.tuning().chunkCharacters(), settings.tuning().chunkOverlap()),
              new RuleBasedEntityExtractor(),
              embedder,
              staging,
              documents,
              afterWrite.apply(documentId -> index.catchUp()),
              metrics);
      var search = new ChunkSearch(embedder, index, tx);
      log.info(
          "ingestion components ready in {} ms: store {}, search index {} ({})",
          (System.nanoTime() - t0) / 1_000_000,
          storeSettings,
          storeSettings.dataDirectory().resolve("search-index"),
          index.writable() ? "kept up to date here" : "written by another process");
      return new IngestionParts(
          started,
          activities,
          search,
          documents,
          index,
          tx,
          embedder,
          new PostgresDocumentCatalog(tx, documents, staging));
    } catch (RuntimeException e) {
      closeAll(started);
      throw e;
    }
  }

  /** Says whether the server offers pgvector; the Lucene index serves search either way. */
  private static void logVectorExtension(Transactions tx) {
    boolean pgvector =
        tx.read(
            c -> {
              try (var st = c.createStatement();
                  var rs =
                      st.executeQuery(
                          "SELECT EXISTS (SELECT 1 FROM pg_available_extensions"
                              + " WHERE name = 'vector')")) {
                rs.next();
                return rs.getBoolean(1);
              }
            });
    log.info(
        "PostgreSQL {} pgvector; search uses the Lucene index (HNSW and BM25) kept"
            + " consistent with the store",
        pgvector ? "offers" : "does not offer");
  }

  /** The activity implementation, thread-safe, shared by all activity threads. */
  public DocumentIngestionActivities activities() {
    return activities;
  }

  /** Search over the stored chunks. */
  public DocumentSearch search() {
    return search;
  }

  /** The documents' current versions. */
  DocumentStore store() {
    return store;
  }

  /** The documents as the memory service lists them, and the staging of uploads. */
  public DocumentCatalog catalog() {
    return catalog;
  }

  /** The entities and where they are mentioned. */
  public EntityGraph entities() {
    return entities;
  }

  /** The memory service's API keys. */
  public AccessKeys accessKeys() {
    return accessKeys;
  }

  /** How many chunks the search index holds, as this process searches it. */
  public int searchIndexChunks() {
    return index.searchedChunks();
  }

  /** How many segments this process's searches read (0 when another process writes the index). */
  public int searchIndexSegments() {
    return index.segments();
  }

  LuceneChunkIndex index() {
    return index;
  }

  Transactions transactions() {
    return transactions;
  }

  ChunkEmbedder embedder() {
    return embedder;
  }

  /** Stops what {@link #start} started, in reverse order, each part bounded in time. */
  @Override
  public void close() {
    closeAll(started);
  }

  private static void closeAll(Deque<AutoCloseable> started) {
    while (!started.isEmpty()) {
      var part = started.pop();
      try {
        part.close();
      } catch (Exception e) {
        log.warn("closing {} failed: {}", part.getClass().getSimpleName(), e.toString());
      }
    }
  }
}
