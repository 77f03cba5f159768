package io.apex.temporal.ingestion.internal;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes staged versions left by runs that never finished (a worker killed mid-ingestion, a
 * workflow terminated): a run stages the content, and only its cleanup step removes it. Swept when
 * the components start; a run still going after {@link #RETENTION} has long been given up by its
 * workflow's timeouts.
 */
final class StagingSweep {
  private static final Logger log = LoggerFactory.getLogger(StagingSweep.class);

  /** How long a staged version is kept before it counts as left over. */
  static final Duration RETENTION = Duration.ofDays(7);

  private final StagingTables staging;
  private final Duration retention;

  StagingSweep(StagingTables staging, Duration retention) {
    this.staging = staging;
    this.retention = retention;
  }

  /** The number of staged versions removed; logged when there were any. */
  int run() {
    int removed = staging.removeStagedBefore(retention);
    if (removed > 0) {
      log.info(
          "removed {} staged versions older than {} days, left by runs that never finished",
          removed,
          retention.toDays());
    }
    return removed;
  }
}
