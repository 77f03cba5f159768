package io.apex.temporal.ingestion;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What the search index reads from the store: the store's identity, the documents changed since a
 * point of the change log, and their current chunk vectors, as of one consistent snapshot.
 */
final class ChangeFeed {
  record ChunkVector(String documentId, int chunkIndex, float[] vector) {}

  record Changes(long upTo, Set<String> documents) {}

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
  Changes since(long since, Consumer<String> changed, Consumer<ChunkVector> chunks) {
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
            streamChunks(c, "SELECT document_id, chunk_index, embedding FROM chunks", null, chunks);
          } else {
            streamChunks(
                c,
                "SELECT document_id, chunk_index, embedding FROM chunks"
                    + " WHERE document_id = ANY (?)",
                documents.toArray(String[]::new),
                chunks);
          }
          return new Changes(upTo, documents);
        });
  }

  /** Every chunk in the store, for exact search. */
  void allChunks(Consumer<ChunkVector> chunks) {
    tx.inTransaction(
        c -> {
          streamChunks(c, "SELECT document_id, chunk_index, embedding FROM chunks", null, chunks);
          return null;
        });
  }

  private static void streamChunks(
      Connection c, String sql, String[] documents, Consumer<ChunkVector> chunks)
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
            new ChunkVector(rs.getString(1), rs.getInt(2), Vectors.fromBytes(rs.getBytes(3))));
      }
    }
  }
}
