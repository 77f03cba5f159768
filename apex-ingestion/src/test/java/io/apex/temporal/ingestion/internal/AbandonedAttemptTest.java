package io.apex.temporal.ingestion.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apex.temporal.workflows.ingestion.DocumentIngestionActivities;
import io.temporal.activity.ActivityOptions;
import io.temporal.failure.CanceledFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An embeddings attempt that the server gave up (timed out or cancelled) stops between batches
 * instead of embedding every chunk for a result nobody will read.
 */
class AbandonedAttemptTest {
  private static final int BATCH = 1;

  @TempDir Path dir;

  @Test
  void aCancelledEmbeddingsAttemptStopsBeforeItsNextBatch() {
    var base = TestStores.settings(dir.resolve("data"));
    var settings =
        base.withTuning(
            new io.apex.temporal.config.IngestionTuning(
                base.tuning().chunkCharacters(), base.tuning().chunkOverlap(), BATCH));
    try (var components = IngestionParts.start(settings)) {
      var harness = new IngestionHarness(components);
      var staged =
          harness.stage(
              Fixtures.write(
                  dir,
                  "long.txt",
                  Fixtures.page("river deltas", 1) + "\n" + Fixtures.page("sea ice", 2)));
      int chunks = components.activities().parse(staged).chunks();
      assertThat(chunks).isGreaterThan(3 * BATCH);

      var env = TestActivityEnvironment.newInstance();
      try {
        env.registerActivitiesImplementations(components.activities());
        var beats = new AtomicInteger();
        // The server's answer to the first heartbeat: this attempt is cancelled.
        env.setActivityHeartbeatListener(
            Object.class,
            details -> {
              if (beats.incrementAndGet() == 1) {
                env.requestCancelActivity();
              }
            });
        var activities =
            env.newActivityStub(
                DocumentIngestionActivities.class,
                ActivityOptions.newBuilder()
                    .setStartToCloseTimeout(Duration.ofMinutes(2))
                    .setHeartbeatTimeout(Duration.ofSeconds(30))
                    .build());

        assertThatThrownBy(() -> activities.generateEmbeddings(staged))
            .isInstanceOf(CanceledFailure.class);
      } finally {
        env.close();
      }
      int embedded =
          components
              .transactions()
              .read(
                  c -> {
                    try (var st =
                        c.prepareStatement(
                            "SELECT count(*) FROM staged_chunks"
                                + " WHERE staging_key = ? AND embedding IS NOT NULL")) {
                      st.setString(1, staged.stagingKey());
                      var rs = st.executeQuery();
                      rs.next();
                      return rs.getInt(1);
                    }
                  });
      // The server's answer came with the check before the first batch: no batch was embedded,
      // where the attempt used to embed every chunk.
      assertThat(embedded).isZero();
    }
  }
}
