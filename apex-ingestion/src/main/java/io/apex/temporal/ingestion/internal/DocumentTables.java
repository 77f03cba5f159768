package io.apex.temporal.ingestion.internal;

import io.apex.temporal.ingestion.StoredDocument;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;

/**
 * The documents' current versions, their chunks and embeddings, and the entity graph. A write
 * replaces a document's old version in one transaction and appends to the change log the search
 * index catches up from.
 */
final class DocumentTables implements DocumentStore {
  /** Advisory lock classes: one document's writes; the change log's commit order. */
  private static final int DOCUMENT_LOCK = 0x41504458;

  private static final int CHANGE_LOG_LOCK = 0x41504459;

  record WriteOutcome(int chunks, int entities, boolean changed) {}

  private final Transactions tx;

  DocumentTables(Transactions tx) {
    this.tx = tx;
  }

  @Override
  public Optional<StoredDocument> find(String documentId) {
    return tx.read(c -> find(c, documentId));
  }

  Optional<StoredDocument> find(Connection c, String documentId) throws SQLException {
    try (var st =
        c.prepareStatement("SELECT " + STORED_COLUMNS + " FROM documents WHERE document_id = ?")) {
      st.setString(1, documentId);
      var rs = st.executeQuery();
      return rs.next() ? Optional.of(stored(rs)) : Optional.empty();
    }
  }

  /** The columns {@link #stored} reads, in its order. */
  static final String STORED_COLUMNS =
      "document_id, source, path, content_sha256, chunk_count, entity_count, ingested_at,"
          + " size_bytes, staging_key";

  static StoredDocument stored(java.sql.ResultSet rs) throws SQLException {
    return new StoredDocument(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getInt(5),
        rs.getInt(6),
        rs.getTimestamp(7).toInstant(),
        rs.getLong(8),
        rs.getString(9));
  }

  /**
   * Deletes the document: its current version with its chunks, embeddings and mentions, its staged
   * versions and its latest upload, and appends to the change log so the indexes drop it. Deleting
   * a document that is gone changes nothing. Returns whether a stored version was removed.
   */
  boolean delete(String documentId) {
    return tx.inTransaction(
        c -> {
          lockDocument(c, documentId);
          boolean removed = currentStagingKey(c, documentId).isPresent();
          update(c, "DELETE FROM documents WHERE document_id = ?", documentId);
          update(
              c,
              "UPDATE document_versions SET ended_at = now(), ended_by = 'deleted'"
                  + " WHERE document_id = ? AND ended_at IS NULL",
              documentId);
          update(c, "DELETE FROM staged_documents WHERE document_id = ?", documentId);
          update(c, "DELETE FROM document_requests WHERE document_id = ?", documentId);
          if (removed) {
            appendChange(c, documentId);
          }
          return removed;
        });
  }

  /**
   * Makes the staged version the document's current one: its chunks, embeddings and mentions
   * replace the old version's in one transaction. Writing the version that is already current
   * changes nothing.
   */
  WriteOutcome write(String stagingKey) {
    return tx.inTransaction(
        c -> {
          var staged = stagedVersion(c, stagingKey);
          lockDocument(c, staged.documentId());
          var current = currentStagingKey(c, staged.documentId());
          if (current.isPresent() && current.get().equals(stagingKey)) {
            var doc = find(c, staged.documentId()).orElseThrow();
            return new WriteOutcome(doc.chunks(), doc.entities(), false);
          }
          if (staged.chunks() == 0) {
            throw new WriteRefusedException("staged version " + stagingKey + " has no chunks");
          }
          if (staged.missingEmbeddings() > 0) {
            throw new WriteRefusedException(
                "staged version "
                    + stagingKey
                    + " has "
                    + staged.missingEmbeddings()
                    + " chunks without an embedding");
          }
          int entities = distinctEntities(c, stagingKey);
          update(c, "DELETE FROM mentions WHERE document_id = ?", staged.documentId());
          update(c, "DELETE FROM chunks WHERE document_id = ?", staged.documentId());
          try (var st =
              c.prepareStatement(
                  "INSERT INTO documents (document_id, source, path, content_sha256, staging_key,"
                      + " size_bytes, media_type, chunk_count, entity_count, ingested_at)"
                      + " SELECT document_id, source, path, content_sha256, staging_key,"
                      + " size_bytes, media_type, ?, ?, now() FROM staged_documents"
                      + " WHERE staging_key = ?"
                      + " ON CONFLICT (document_id) DO UPDATE SET source = excluded.source,"
                      + " path = excluded.path, content_sha256 = excluded.content_sha256,"
                      + " staging_key = excluded.staging_key, size_bytes = excluded.size_bytes,"
                      + " media_type = excluded.media_type, chunk_count = excluded.chunk_count,"
                      + " entity_count = excluded.entity_count, ingested_at = excluded.ingested_at")) {
            st.setInt(1, staged.chunks());
            st.setInt(2, entities);
            st.setString(3, stagingKey);
            st.executeUpdate();
          }
          try (var st =
              c.prepareStatement(
                  "INSERT INTO chunks (document_id, chunk_index, text, embedding)"
                      + " SELECT ?, chunk_index, text, embedding FROM staged_chunks"
                      + " WHERE staging_key = ?")) {
            st.setString(1, staged.documentId());
            st.setString(2, stagingKey);
            st.executeUpdate();
          }
          try (var st =
              c.prepareStatement(
                  "INSERT INTO entities (kind, normalized, display)"
                      + " SELECT DISTINCT ON (kind, normalized) kind, normalized, surface"
                      + " FROM staged_mentions WHERE staging_key = ?"
                      + " ORDER BY kind, normalized, chunk_index, start_offset"
                      + " ON CONFLICT (kind, normalized) DO NOTHING")) {
            st.setString(1, stagingKey);
            st.executeUpdate();
          }
          try (var st =
              c.prepareStatement(
                  "INSERT INTO mentions (document_id, entity_id, chunk_index, start_offset,"
                      + " end_offset, surface) SELECT ?, e.entity_id, m.chunk_index,"
                      + " m.start_offset, m.end_offset, m.surface FROM staged_mentions m"
                      + " JOIN entities e ON e.kind = m.kind AND e.normalized = m.normalized"
                      + " WHERE m.staging_key = ?")) {
            st.setString(1, staged.documentId());
            st.setString(2, stagingKey);
            st.executeUpdate();
          }
          try (var st =
              c.prepareStatement(
                  "UPDATE document_versions SET ended_at = now(), ended_by = 'replaced'"
                      + " WHERE document_id = ? AND ended_at IS NULL AND staging_key <> ?")) {
            st.setString(1, staged.documentId());
            st.setString(2, stagingKey);
            st.executeUpdate();
          }
          try (var st =
              c.prepareStatement(
                  "INSERT INTO document_versions (staging_key, document_id, content_sha256,"
                      + " written_at) SELECT staging_key, document_id, content_sha256, now()"
                      + " FROM staged_documents WHERE staging_key = ?"
                      + " ON CONFLICT (staging_key) DO UPDATE SET written_at = now(),"
                      + " ended_at = NULL, ended_by = NULL")) {
            st.setString(1, stagingKey);
            st.executeUpdate();
          }
          finishRun(c, stagingKey, "written", staged.chunks(), entities);
          appendChange(c, staged.documentId());
          return new WriteOutcome(staged.chunks(), entities, true);
        });
  }

  /**
   * Undoes the write of the staged version: when it is the document's current version, the
   * document's chunks, embeddings and mentions go with it. A newer version is left alone. Returns
   * whether anything was removed.
   */
  boolean deleteVersion(String documentId, String stagingKey) {
    return tx.inTransaction(
        c -> {
          lockDocument(c, documentId);
          boolean removed = false;
          var current = currentStagingKey(c, documentId);
          if (current.isPresent() && current.get().equals(stagingKey)) {
            update(c, "DELETE FROM documents WHERE document_id = ?", documentId);
            appendChange(c, documentId);
            removed = true;
          }
          try (var st =
              c.prepareStatement(
                  "UPDATE document_versions SET ended_at = now(), ended_by = 'compensated'"
                      + " WHERE staging_key = ?")) {
            st.setString(1, stagingKey);
            st.executeUpdate();
          }
          finishRun(c, stagingKey, "compensated", 0, 0);
          return removed;
        });
  }

  private record StagedVersion(String documentId, int chunks, int missingEmbeddings) {}

  private StagedVersion stagedVersion(Connection c, String stagingKey) throws SQLException {
    try (var st =
        c.prepareStatement(
            "SELECT d.document_id, count(k.chunk_index),"
                + " count(k.chunk_index) FILTER (WHERE k.embedding IS NULL)"
                + " FROM staged_documents d LEFT JOIN staged_chunks k USING (staging_key)"
                + " WHERE d.staging_key = ? GROUP BY d.document_id")) {
      st.setString(1, stagingKey);
      var rs = st.executeQuery();
      if (!rs.next()) {
        throw new StagingTables.MissingStagedVersionException(stagingKey);
      }
      return new StagedVersion(rs.getString(1), rs.getInt(2), rs.getInt(3));
    }
  }

  private static int distinctEntities(Connection c, String stagingKey) throws SQLException {
    try (var st =
        c.prepareStatement(
            "SELECT count(*) FROM (SELECT DISTINCT kind, normalized FROM staged_mentions"
                + " WHERE staging_key = ?) d")) {
      st.setString(1, stagingKey);
      var rs = st.executeQuery();
      rs.next();
      return rs.getInt(1);
    }
  }

  private static Optional<String> currentStagingKey(Connection c, String documentId)
      throws SQLException {
    try (var st = c.prepareStatement("SELECT staging_key FROM documents WHERE document_id = ?")) {
      st.setString(1, documentId);
      var rs = st.executeQuery();
      return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
    }
  }

  private static void lockDocument(Connection c, String documentId) throws SQLException {
    try (var st = c.prepareStatement("SELECT pg_advisory_xact_lock(?, hashtext(?))")) {
      st.setInt(1, DOCUMENT_LOCK);
      st.setString(2, documentId);
      st.executeQuery();
    }
  }

  /**
   * Appends to the change log under a lock held until commit, so that sequence numbers become
   * visible in order and the index never skips one. Called last in a write's transaction.
   */
  private static void appendChange(Connection c, String documentId) throws SQLException {
    try (var st = c.prepareStatement("SELECT pg_advisory_xact_lock(?, 0)")) {
      st.setInt(1, CHANGE_LOG_LOCK);
      st.executeQuery();
    }
    update(c, "INSERT INTO document_changes (document_id) VALUES (?)", documentId);
  }

  private static void finishRun(
      Connection c, String stagingKey, String status, int chunks, int entities)
      throws SQLException {
    try (var st =
        c.prepareStatement(
            "UPDATE ingestion_runs SET status = ?, finished_at = ?, chunk_count = ?,"
                + " entity_count = ? WHERE staging_key = ?")) {
      st.setString(1, status);
      st.setTimestamp(2, new Timestamp(System.currentTimeMillis()));
      st.setInt(3, chunks);
      st.setInt(4, entities);
      st.setString(5, stagingKey);
      st.executeUpdate();
    }
  }

  private static void update(Connection c, String sql, String value) throws SQLException {
    try (var st = c.prepareStatement(sql)) {
      st.setString(1, value);
      st.executeUpdate();
    }
  }

  /** The staged version cannot be written as it is: retrying cannot help. */
  static final class WriteRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    WriteRefusedException(String reason) {
      super(reason);
    }
  }
}
