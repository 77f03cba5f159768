package io.apex.temporal.ingestion.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Staged versions that a crash left behind (a run stages content; only its cleanup removes it) are
 * removed when the components next start, once older than the retention; recent ones stay.
 */
class StagingSweepTest {
  @TempDir Path dir;

  @Test
  void stagedVersionsOlderThanTheRetentionAreRemovedOnStartAndRecentOnesKept() {
    var settings = TestStores.settings(dir.resolve("data"));
    try (var components = IngestionParts.start(settings)) {
      stage(components, "left-over", StagingSweep.RETENTION.toDays() + 1);
      stage(components, "in-flight", 0);
      assertThat(TestStores.rows(components, "staged_documents")).isEqualTo(2);
    }
    try (var components = IngestionParts.start(settings)) {
      assertThat(TestStores.rows(components, "staged_documents")).isEqualTo(1);
      assertThat(TestStores.rows(components, "staged_documents", "in-flight")).isEqualTo(1);
      assertThat(TestStores.rows(components, "staged_chunks")).isEqualTo(1);
    }
  }

  private static void stage(IngestionParts components, String documentId, long daysAgo) {
    TestStores.sql(
        components,
        "INSERT INTO staged_documents (staging_key, document_id, source, path, content_sha256,"
            + " size_bytes, content, staged_at) VALUES ('"
            + documentId
            + ":sha', '"
            + documentId
            + "', 'test', '/tmp/"
            + documentId
            + ".txt', 'sha', 1, '\\x41'::bytea, now() - interval '"
            + daysAgo
            + " days')");
    TestStores.sql(
        components,
        "INSERT INTO staged_chunks (staging_key, chunk_index, text) VALUES ('"
            + documentId
            + ":sha', 0, 'a')");
  }
}
