package io.apex.temporal.ingestion.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The staged versions: content, chunks, mentions and embeddings kept under a staging key. */
final class StagingTables {
  record StagedContent(String path, byte[] content) {}

  record StagedChunk(int index, String text) {}

  private final Transactions tx;

  StagingTables(Transactions tx) {
    this.tx = tx;
  }

  /** Stages the content under its key; staging the same key again changes nothing. */
  void stage(
      String stagingKey,
      String documentId,
      String source,
      String path,
      String sha256,
      byte[] content) {
    tx.inTransaction(
        c -> {
          stage(c, stagingKey, documentId, source, path, sha256, content);
          return null;
        });
  }

  /**
   * As {@link #stage(String, String, String, String, String, byte[])}, in the caller's transaction.
   */
  void stage(
      Connection c,
      String stagingKey,
      String documentId,
      String source,
      String path,
      String sha256,
      byte[] content)
      throws SQLException {
    try (var st =
        c.prepareStatement(
            "INSERT INTO staged_documents (staging_key, document_id, source, path,"
                + " content_sha256, size_bytes, content) VALUES (?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (staging_key) DO NOTHING")) {
      st.setString(1, stagingKey);
      st.setString(2, documentId);
      st.setString(3, source);
      st.setString(4, path);
      st.setString(5, sha256);
      st.setLong(6, content.length);
      st.setBytes(7, content);
      st.executeUpdate();
    }
    try (var st =
        c.prepareStatement(
            "INSERT INTO ingestion_runs (staging_key, document_id, content_sha256, status)"
                + " VALUES (?, ?, ?, 'staged') ON CONFLICT (staging_key) DO UPDATE"
                + " SET status = 'staged', started_at = now(), finished_at = NULL")) {
      st.setString(1, stagingKey);
      st.setString(2, documentId);
      st.setString(3, sha256);
      st.executeUpdate();
    }
  }

  Optional<StagedContent> content(String stagingKey) {
    return tx.read(
        c -> {
          try (var st =
              c.prepareStatement(
                  "SELECT path, content FROM staged_documents WHERE staging_key = ?")) {
            st.setString(1, stagingKey);
            var rs = st.executeQuery();
            return rs.next()
                ? Optional.of(new StagedContent(rs.getString(1), rs.getBytes(2)))
                : Optional.empty();
          }
        });
  }

  boolean exists(Connection c, String stagingKey) throws SQLException {
    try (var st = c.prepareStatement("SELECT 1 FROM staged_documents WHERE staging_key = ?")) {
      st.setString(1, stagingKey);
      return st.executeQuery().next();
    }
  }

  /** Replaces the staged chunks (and the mentions found in older ones) in one transaction. */
  void saveChunks(String stagingKey, String mediaType, long characters, List<String> chunks) {
    tx.inTransaction(
        c -> {
          if (!exists(c, stagingKey)) {
            throw new MissingStagedVersionException(stagingKey);
          }
          delete(c, "DELETE FROM staged_mentions WHERE staging_key = ?", stagingKey);
          delete(c, "DELETE FROM staged_chunks WHERE staging_key = ?", stagingKey);
          try (var st =
              c.prepareStatement(
                  "INSERT INTO staged_chunks (staging_key, chunk_index, text) VALUES (?, ?, ?)")) {
            for (int i = 0; i < chunks.size(); i++) {
              st.setString(1, stagingKey);
              st.setInt(2, i);
              st.setString(3, chunks.get(i));
              st.addBatch();
            }
            st.executeBatch();
          }
          try (var st =
              c.prepareStatement(
                  "UPDATE staged_documents SET media_type = ?, characters = ?"
                      + " WHERE staging_key = ?")) {
            st.setString(1, mediaType);
            st.setLong(2, characters);
            st.setString(3, stagingKey);
            st.executeUpdate();
          }
          return null;
        });
  }

  List<StagedChunk> chunks(String stagingKey, boolean onlyWithoutEmbedding) {
    return tx.read(
        c -> {
          if (!exists(c, stagingKey)) {
            throw new MissingStagedVersionException(stagingKey);
          }
          String sql =
              "SELECT chunk_index, text FROM staged_chunks WHERE staging_key = ?"
                  + (onlyWithoutEmbedding ? " AND embedding IS NULL" : "")
                  + " ORDER BY chunk_index";
          try (var st = c.prepareStatement(sql)) {
            st.setString(1, stagingKey);
            var rs = st.executeQuery();
            var out = new ArrayList<StagedChunk>();
            while (rs.next()) {
              out.add(new StagedChunk(rs.getInt(1), rs.getString(2)));
            }
            return out;
          }
        });
  }

  int chunkCount(String stagingKey) {
    return tx.read(
        c -> {
          try (var st =
              c.prepareStatement("SELECT count(*) FROM staged_chunks WHERE staging_key = ?")) {
            st.setString(1, stagingKey);
            var rs = st.executeQuery();
            rs.next();
            return rs.getInt(1);
          }
        });
  }

  /** Replaces the staged mentions in one transaction; returns the number of distinct entities. */
  int saveMentions(String stagingKey, List<IndexedMention> mentions) {
    tx.inTransaction(
        c -> {
          delete(c, "DELETE FROM staged_mentions WHERE staging_key = ?", stagingKey);
          try (var st =
              c.prepareStatement(
                  "INSERT INTO staged_mentions (staging_key, chunk_index, kind, normalized,"
                      + " surface, start_offset, end_offset) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (IndexedMention m : mentions) {
              st.setString(1, stagingKey);
              st.setInt(2, m.chunkIndex());
              st.setString(3, m.mention().kind());
              st.setString(4, m.mention().normalized());
              st.setString(5, m.mention().surface());
              st.setInt(6, m.mention().startOffset());
              st.setInt(7, m.mention().endOffset());
              st.addBatch();
            }
            st.executeBatch();
          }
          return null;
        });
    return (int)
        mentions.stream()
            .map(m -> m.mention().kind() + "\u0000" + m.mention().normalized())
            .distinct()
            .count();
  }

  record IndexedMention(int chunkIndex, EntityMention mention) {}

  /** Stores one batch of embeddings in one transaction. */
  void saveEmbeddings(String stagingKey, List<Integer> chunkIndexes, List<float[]> embeddings) {
    tx.inTransaction(
        c -> {
          try (var st =
              c.prepareStatement(
                  "UPDATE staged_chunks SET embedding = ? WHERE staging_key = ? AND chunk_index = ?")) {
            for (int i = 0; i < chunkIndexes.size(); i++) {
              st.setBytes(1, Vectors.toBytes(embeddings.get(i)));
              st.setString(2, stagingKey);
              st.setInt(3, chunkIndexes.get(i));
              st.addBatch();
            }
            st.executeBatch();
          }
          return null;
        });
  }

  /** Removes the staged version; harmless when it is already gone. */
  void remove(String stagingKey) {
    tx.inTransaction(
        c -> {
          delete(c, "DELETE FROM staged_documents WHERE staging_key = ?", stagingKey);
          return null;
        });
  }

  /**
   * Removes every staged version staged longer ago than {@code age}, by the server's clock, with
   * its chunks and mentions; the number removed.
   */
  int removeStagedBefore(Duration age) {
    return tx.inTransaction(
        c -> {
          try (var st =
              c.prepareStatement(
                  "DELETE FROM staged_documents"
                      + " WHERE staged_at < now() - (? * interval '1 second')")) {
            st.setLong(1, age.toSeconds());
            return st.executeUpdate();
          }
        });
  }

  private static void delete(Connection c, String sql, String key) throws SQLException {
    try (var st = c.prepareStatement(sql)) {
      st.setString(1, key);
      st.executeUpdate();
    }
  }

  /** The staged version is not (or no longer) in the store: a later step cannot run. */
  static final class MissingStagedVersionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MissingStagedVersionException(String stagingKey) {
      super("staged version " + stagingKey + " is not in the store (never staged, or cleaned up)");
    }
  }
}
