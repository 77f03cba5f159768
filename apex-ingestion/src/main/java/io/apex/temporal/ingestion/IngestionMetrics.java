package io.apex.temporal.ingestion;

import java.time.Duration;

/**
 * What the ingestion activities measure, per attempt: each step's time and outcome, the store's
 * write latency and errors, each embedding batch, and what a new version stored. The worker records
 * them in its Prometheus registry; {@link #NONE} records nothing.
 */
public interface IngestionMetrics {
  IngestionMetrics NONE =
      new IngestionMetrics() {
        @Override
        public void stepFinished(String step, Duration took, boolean succeeded) {}

        @Override
        public void storeWrite(String operation, Duration took) {}

        @Override
        public void storeError(String step) {}

        @Override
        public void embeddingBatch(int chunks, Duration took) {}

        @Override
        public void versionWritten(String source, long bytes, int chunks, int entities) {}
      };

  /**
   * One attempt of a step (an activity type such as {@code parse_document}) ended, succeeded or
   * not.
   */
  void stepFinished(String step, Duration took, boolean succeeded);

  /** The store committed a document operation ({@code write} or {@code delete_version}). */
  void storeWrite(String operation, Duration took);

  /** A store operation of this step failed (connection, timeout, refused write). */
  void storeError(String step);

  /** The model embedded one batch of this many chunks. */
  void embeddingBatch(int chunks, Duration took);

  /** A new version became current: once per version, since a repeated write finds it written. */
  void versionWritten(String source, long bytes, int chunks, int entities);
}
