package io.apex.temporal.worker.internal.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The description and histogram buckets of every {@code apex_ingestion_*} meter, in one table. The
 * document-level meters come from the workflow through the SDK's metrics scope, which carries no
 * description, so this filter adds it; the buckets fit documents (50 ms to 5 min) and steps (5 ms
 * to 5 min) rather than Micrometer's millisecond-to-hours default.
 */
public final class IngestionMeters implements MeterFilter {
  public static final String PREFIX = "apex_ingestion_";

  static final Map<String, String> DESCRIPTIONS =
      Map.ofEntries(
          Map.entry(
              "apex_ingestion_documents_started", "Documents whose ingestion workflow has started"),
          Map.entry(
              "apex_ingestion_documents_completed",
              "Documents ingested: a new version is stored and searchable"),
          Map.entry(
              "apex_ingestion_documents_unchanged",
              "Documents whose content was already stored: nothing was written"),
          Map.entry(
              "apex_ingestion_documents_failed",
              "Documents that failed for good, by reason class (invalid_input, parse_error,"
                  + " store_error, timeout, other)"),
          Map.entry(
              "apex_ingestion_document_duration",
              "Time from a document's workflow start to its end, by outcome"),
          Map.entry(
              "apex_ingestion_compensations",
              "Failed documents whose earlier steps were all undone (every compensation"
                  + " succeeded), by the reason class of the failure"),
          Map.entry(
              "apex_ingestion_compensation_failures",
              "Compensations that gave up, by step: what that step wrote is left behind (a"
                  + " written version may still be current)"),
          Map.entry(
              "apex_ingestion_step_duration",
              "Time of one attempt of an ingestion step (activity), by outcome"),
          Map.entry(
              "apex_ingestion_store_write_duration",
              "Time of the store transaction that makes a version current or undoes it"),
          Map.entry(
              "apex_ingestion_store_errors",
              "Store operations that failed (connection, timeout, refused write), by step"),
          Map.entry("apex_ingestion_embedding_batch_duration", "Time to embed one batch of chunks"),
          Map.entry("apex_ingestion_embedding_batch_size", "Chunks in one embedding batch"),
          Map.entry("apex_ingestion_document_chunks", "Chunks stored per ingested document"),
          Map.entry("apex_ingestion_document_entities", "Entities stored per ingested document"),
          Map.entry("apex_ingestion_ingested", "Bytes of document content stored as new versions"));

  private static final double[] DOCUMENT_SECONDS =
      nanos(50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 30_000, 60_000, 120_000, 300_000);
  private static final double[] STEP_SECONDS =
      nanos(
          5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 30_000, 60_000, 120_000,
          300_000);
  private static final double[] COUNTS = {1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 5_000};
  private static final double[] BATCH_SIZES = {1, 2, 4, 8, 16, 32, 64, 128, 256};

  @Override
  public Meter.Id map(Meter.Id id) {
    if (!id.getName().startsWith(PREFIX) || id.getDescription() != null) {
      return id;
    }
    return new Meter.Id(
        id.getName(),
        Tags.of(id.getTagsAsIterable()),
        id.getBaseUnit(),
        DESCRIPTIONS.get(id.getName()),
        id.getType());
  }

  @Override
  public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
    double[] buckets = buckets(id);
    if (buckets == null) {
      return config;
    }
    return DistributionStatisticConfig.builder()
        .percentilesHistogram(false)
        .serviceLevelObjectives(buckets)
        .build()
        .merge(config);
  }

  private static double[] buckets(Meter.Id id) {
    String name = id.getName();
    if (!name.startsWith(PREFIX)) {
      return null;
    }
    if (id.getType() == Meter.Type.TIMER) {
      return name.equals("apex_ingestion_document_duration") ? DOCUMENT_SECONDS : STEP_SECONDS;
    }
    if (id.getType() == Meter.Type.DISTRIBUTION_SUMMARY) {
      return name.equals("apex_ingestion_embedding_batch_size") ? BATCH_SIZES : COUNTS;
    }
    return null;
  }

  private static double[] nanos(long... millis) {
    return Stream.of(millis)
        .flatMapToLong(java.util.Arrays::stream)
        .mapToDouble(ms -> Duration.ofMillis(ms).toNanos())
        .toArray();
  }
}
