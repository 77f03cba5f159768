package io.apex.temporal.ingestion.internal;

import io.apex.temporal.ingestion.DocumentCatalog;
import io.apex.temporal.ingestion.DocumentListing;
import io.apex.temporal.ingestion.DocumentRequest;
import io.apex.temporal.ingestion.StagedUpload;
import io.apex.temporal.ingestion.StoredDocument;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The document catalog on the store's tables: documents, document requests and staging. */
final class PostgresDocumentCatalog implements DocumentCatalog {
  private final Transactions tx;
  private final DocumentTables documents;
  private final StagingTables staging;

  PostgresDocumentCatalog(Transactions tx, DocumentTables documents, StagingTables staging) {
    this.tx = tx;
    this.documents = documents;
    this.staging = staging;
  }

  @Override
  public Optional<DocumentListing> find(String documentId) {
    return tx.read(
        c -> {
          Optional<StoredDocument> stored = documents.find(c, documentId);
          Optional<DocumentRequest> request = request(c, documentId);
          return stored.isEmpty() && request.isEmpty()
              ? Optional.empty()
              : Optional.of(new DocumentListing(documentId, stored, request));
        });
  }

  @Override
  public List<DocumentListing> page(String source, String afterDocumentId, int limit) {
    return tx.read(
        c -> {
          Map<String, StoredDocument> stored = new LinkedHashMap<>();
          try (var st =
              c.prepareStatement(
                  "SELECT "
                      + DocumentTables.STORED_COLUMNS
                      + " FROM documents WHERE document_id > ? AND (?::text IS NULL OR source = ?)"
                      + " ORDER BY document_id LIMIT ?")) {
            bindPage(st, source, afterDocumentId, limit);
            var rs = st.executeQuery();
            while (rs.next()) {
              StoredDocument d = DocumentTables.stored(rs);
              stored.put(d.documentId(), d);
            }
          }
          Map<String, DocumentRequest> requests = new LinkedHashMap<>();
          try (var st =
              c.prepareStatement(
                  "SELECT "
                      + REQUEST_COLUMNS
                      + " FROM document_requests WHERE document_id > ?"
                      + " AND (?::text IS NULL OR source = ?) ORDER BY document_id LIMIT ?")) {
            bindPage(st, source, afterDocumentId, limit);
            var rs = st.executeQuery();
            while (rs.next()) {
              DocumentRequest r = request(rs);
              requests.put(r.documentId(), r);
            }
          }
          var ids = new java.util.TreeSet<String>();
          ids.addAll(stored.keySet());
          ids.addAll(requests.keySet());
          var out = new ArrayList<DocumentListing>();
          for (String id : ids) {
            if (out.size() == limit) {
              break;
            }
            Optional<StoredDocument> s = Optional.ofNullable(stored.get(id));
            Optional<DocumentRequest> r = Optional.ofNullable(requests.get(id));
            // A page of one table may hold an ID whose row in the other lies beyond its limit.
            if (s.isEmpty()) {
              s = documents.find(c, id);
            }
            if (r.isEmpty()) {
              r = request(c, id);
            }
            out.add(new DocumentListing(id, s, r));
          }
          return out;
        });
  }

  @Override
  public StagedUpload stageUpload(
      String documentId, String source, String fileName, byte[] content) {
    String sha256 = DocumentStager.sha256(content);
    return tx.inTransaction(
        c -> {
          var current = documents.find(c, documentId);
          boolean unchanged = current.isPresent() && current.get().contentSha256().equals(sha256);
          if (!unchanged) {
            staging.stage(
                c,
                DocumentStager.stagingKey(documentId, sha256),
                documentId,
                source,
                fileName,
                sha256,
                content);
          }
          return new StagedUpload(documentId, sha256, content.length, unchanged);
        });
  }

  @Override
  public void recordUpload(StagedUpload upload, String source, String fileName) {
    tx.inTransaction(
        c -> {
          try (var st =
              c.prepareStatement(
                  "INSERT INTO document_requests (document_id, source, file_name, size_bytes,"
                      + " content_sha256) VALUES (?, ?, ?, ?, ?) ON CONFLICT (document_id) DO"
                      + " UPDATE SET source = excluded.source, file_name = excluded.file_name,"
                      + " size_bytes = excluded.size_bytes,"
                      + " content_sha256 = excluded.content_sha256, requested_at = now()")) {
            st.setString(1, upload.documentId());
            st.setString(2, source);
            st.setString(3, fileName);
            st.setLong(4, upload.sizeBytes());
            st.setString(5, upload.contentSha256());
            st.executeUpdate();
          }
          return null;
        });
  }

  private static final String REQUEST_COLUMNS =
      "document_id, source, file_name, size_bytes, content_sha256, requested_at";

  private static Optional<DocumentRequest> request(Connection c, String documentId)
      throws SQLException {
    try (var st =
        c.prepareStatement(
            "SELECT " + REQUEST_COLUMNS + " FROM document_requests WHERE document_id = ?")) {
      st.setString(1, documentId);
      var rs = st.executeQuery();
      return rs.next() ? Optional.of(request(rs)) : Optional.empty();
    }
  }

  private static DocumentRequest request(ResultSet rs) throws SQLException {
    return new DocumentRequest(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getLong(4),
        rs.getString(5),
        rs.getTimestamp(6).toInstant());
  }

  private static void bindPage(
      java.sql.PreparedStatement st, String source, String afterDocumentId, int limit)
      throws SQLException {
    st.setString(1, afterDocumentId == null ? "" : afterDocumentId);
    st.setString(2, source);
    st.setString(3, source);
    st.setInt(4, limit);
  }
}
