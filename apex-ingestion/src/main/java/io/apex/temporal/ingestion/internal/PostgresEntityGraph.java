package io.apex.temporal.ingestion.internal;

import io.apex.temporal.ingestion.EntityDetail;
import io.apex.temporal.ingestion.EntityGraph;
import io.apex.temporal.ingestion.EntitySummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The entity graph on the store's {@code entities} and {@code mentions} tables. */
final class PostgresEntityGraph implements EntityGraph {
  /** How many documents and related entities one entity's page shows, most mentioned first. */
  static final int NEIGHBOURS = 50;

  private final Transactions tx;

  PostgresEntityGraph(Transactions tx) {
    this.tx = tx;
  }

  @Override
  public List<EntitySummary> find(String text, String kind, int limit) {
    String pattern = text == null || text.isBlank() ? null : "%" + escapeLike(text.strip()) + "%";
    return tx.read(
        c -> {
          try (var st =
              c.prepareStatement(
                  "SELECT e.entity_id, e.kind, e.display, count(*),"
                      + " count(DISTINCT m.document_id) FROM entities e"
                      + " JOIN mentions m USING (entity_id)"
                      + " WHERE (?::text IS NULL OR lower(e.display) LIKE lower(?)"
                      + " OR e.normalized LIKE lower(?))"
                      + " AND (?::text IS NULL OR e.kind = ?)"
                      + " GROUP BY e.entity_id, e.kind, e.display"
                      + " ORDER BY count(*) DESC, e.entity_id LIMIT ?")) {
            st.setString(1, pattern);
            st.setString(2, pattern);
            st.setString(3, pattern);
            st.setString(4, kind);
            st.setString(5, kind);
            st.setInt(6, limit);
            var rs = st.executeQuery();
            var out = new ArrayList<EntitySummary>();
            while (rs.next()) {
              out.add(
                  new EntitySummary(
                      rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5)));
            }
            return out;
          }
        });
  }

  @Override
  public Optional<EntityDetail> find(long entityId) {
    return tx.read(
        c -> {
          EntitySummary summary;
          try (var st =
              c.prepareStatement(
                  "SELECT e.entity_id, e.kind, e.display, count(*),"
                      + " count(DISTINCT m.document_id) FROM entities e"
                      + " JOIN mentions m USING (entity_id) WHERE e.entity_id = ?"
                      + " GROUP BY e.entity_id, e.kind, e.display")) {
            st.setLong(1, entityId);
            var rs = st.executeQuery();
            if (!rs.next()) {
              return Optional.empty();
            }
            summary =
                new EntitySummary(
                    rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5));
          }
          var documents = new ArrayList<EntityDetail.MentioningDocument>();
          try (var st =
              c.prepareStatement(
                  "SELECT m.document_id, d.path, count(*) FROM mentions m"
                      + " JOIN documents d USING (document_id) WHERE m.entity_id = ?"
                      + " GROUP BY m.document_id, d.path ORDER BY count(*) DESC, m.document_id"
                      + " LIMIT ?")) {
            st.setLong(1, entityId);
            st.setInt(2, NEIGHBOURS);
            var rs = st.executeQuery();
            while (rs.next()) {
              documents.add(
                  new EntityDetail.MentioningDocument(
                      rs.getString(1), fileName(rs.getString(2)), rs.getInt(3)));
            }
          }
          var related = new ArrayList<EntityDetail.RelatedEntity>();
          try (var st =
              c.prepareStatement(
                  "SELECT e.entity_id, e.kind, e.display, count(DISTINCT o.document_id)"
                      + " FROM mentions m JOIN mentions o ON o.document_id = m.document_id"
                      + " AND o.entity_id <> m.entity_id JOIN entities e ON e.entity_id ="
                      + " o.entity_id WHERE m.entity_id = ? GROUP BY e.entity_id, e.kind,"
                      + " e.display ORDER BY count(DISTINCT o.document_id) DESC, e.entity_id"
                      + " LIMIT ?")) {
            st.setLong(1, entityId);
            st.setInt(2, NEIGHBOURS);
            var rs = st.executeQuery();
            while (rs.next()) {
              related.add(
                  new EntityDetail.RelatedEntity(
                      rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4)));
            }
          }
          return Optional.of(new EntityDetail(summary, documents, related));
        });
  }

  /** The last element of a path; an upload's stored path is already its file name. */
  static String fileName(String path) {
    int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
    return slash < 0 ? path : path.substring(slash + 1);
  }

  private static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
