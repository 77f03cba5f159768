package io.apex.temporal.ingestion.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What the search index reads from the store: the store's identity, the documents changed since a
 * point of the change log (written, replaced or deleted), and their current chunks (text, source
 * and vector), as of one consistent snapshot. A deleted document is changed and has no chunks.
 */
final class ChangeFeed {
  /** One current chunk: what both the vector field and the keyword field of the index hold. */
  record ChunkEntry(
      String documentId, String source, int chunkIndex, String text, float[] vector) {}

  record Changes(long upTo, Set<String> documents) {}

  private static final String ALL_CHUNKS =
      "SELECT c.document_id, d.source, c.chunk_index, c.text, c.embedding FROM chunks c"
          + " JOIN documents d USING (document_id)";

  private final Transactions tx;

  ChangeFeed(Transactions tx) {
    this.tx = tx;
  }

  String storeId() {
    return tx.read(
        c -> {
          try (var st = c.createStatement();
              var rs = st.executeQuery("SELECT store_id::text FROM store_identity LIMIT 1")) {
            rs.next();
            return rs.getString(1);
          }
        });
  }

  long latest() {
    return tx.read(
        c -> {
          try (var st = c.createStatement();
              var rs = st.executeQuery("SELECT coalesce(max(seq), 0) FROM document_changes")) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }

  /**
   * The documents changed after {@code since} (to {@code changed}), and then (to {@code chunks})
   * every current chunk of them; with {@code since} 0, every chunk in the store. One
   * repeatable-read snapshot.
   */
  Changes since(long since, Consumer<String> changed, Consumer<ChunkEntry> chunks) {
    return tx.inTransaction(
        c -> {
          c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
          long upTo;
          var documents = new LinkedHashSet<String>();
          try (var st = c.prepareStatement("SELECT coalesce(max(seq), 0) FROM document_changes")) {
            var rs = st.executeQuery();
            rs.next();
            upTo = rs.getLong(1);
          }
          if (upTo <= since) {
            return new Changes(since, Set.of());
          }
          try (var st =
              c.prepareStatement(
                  "SELECT DISTINCT document_id FROM document_changes WHERE seq > ? AND seq <= ?")) {
            st.setLong(1, since);
            st.setLong(2, upTo);
            var rs = st.executeQuery();
            while (rs.next()) {
              documents.add(rs.getString(1));
            }
          }
          for (String document : documents) {
            changed.accept(document);
          }
          if (since == 0) {
            streamChunks(c, ALL_CHUNKS, null, chunks);
          } else {
            streamChunks(
                c,
                ALL_CHUNKS + " WHERE c.document_id = ANY (?)",
                documents.toArray(String[]::new),
                chunks);
          }
          return new Changes(upTo, documents);
        });
  }

  /** Every chunk in the store, for exact search. */
  void allChunks(Consumer<ChunkEntry> chunks) {
    tx.inTransaction(
        c -> {
          streamChunks(c, ALL_CHUNKS, null, chunks);
          return null;
        });
  }

  private static void streamChunks(
      Connection c, String sql, String[] documents, Consumer<ChunkEntry> chunks)
      throws SQLException {
    try (var st = c.prepareStatement(sql)) {
      if (documents != null) {
        st.setArray(1, c.createArrayOf("text", documents));
      }
      // A cursor (the connection is not in autocommit): rows are fetched 1,000 at a time.
      st.setFetchSize(1000);
      var rs = st.executeQuery();
      while (rs.next()) {
        chunks.accept(
            new ChunkEntry(
                rs.getString(1),
                rs.getString(2),
                rs.getInt(3),
                rs.getString(4),
                Vectors.fromBytes(rs.getBytes(5))));
      }
    }
  }
}
