package io.apex.temporal.ingestion.internal;

import io.apex.temporal.ingestion.IngestionSettings;
import io.apex.temporal.testkit.FreePorts;
import java.nio.file.Path;
import java.util.List;

/** Settings for a test's own embedded store, and small queries on it. */
final class TestStores {
  private TestStores() {}

  /** The system's temporary directory, where tests write the files they ingest. */
  static final Path TEMPORARY_FILES = Path.of(System.getProperty("java.io.tmpdir"));

  /** A store of its own; files are read under the temporary directory only. */
  static IngestionSettings settings(Path dataDirectory) {
    return IngestionSettings.embedded(dataDirectory, FreePorts.next())
        .withIngestRoots(List.of(TEMPORARY_FILES));
  }

  /** The number of rows of a table, optionally for one document. */
  static int rows(IngestionParts components, String table, String documentId) {
    return components
        .transactions()
        .read(
            c -> {
              String sql =
                  "SELECT count(*) FROM "
                      + table
                      + (documentId == null ? "" : " WHERE document_id = ?");
              try (var st = c.prepareStatement(sql)) {
                if (documentId != null) {
                  st.setString(1, documentId);
                }
                var rs = st.executeQuery();
                rs.next();
                return rs.getInt(1);
              }
            });
  }

  static int rows(IngestionParts components, String table) {
    return rows(components, table, null);
  }

  /** Rows in every table of the store, as one comparable string. */
  static String census(IngestionParts components) {
    var tables =
        new String[] {
          "documents",
          "document_versions",
          "chunks",
          "entities",
          "mentions",
          "staged_documents",
          "staged_chunks",
          "staged_mentions",
          "ingestion_runs",
          "document_changes"
        };
    var out = new StringBuilder();
    for (String t : tables) {
      out.append(t).append('=').append(rows(components, t)).append(' ');
    }
    return out.toString().strip();
  }

  static void sql(IngestionParts components, String sql) {
    components
        .transactions()
        .inTransaction(
            c -> {
              try (var st = c.createStatement()) {
                st.execute(sql);
              }
              return null;
            });
  }
}
