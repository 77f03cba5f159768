package io.apex.temporal.worker.internal.metrics;

import io.apex.temporal.worker.internal.ingestion.IngestionPart;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The search index's size as gauges: {@code apex_search_index_chunks} and {@code
 * apex_search_index_segments}, read at each scrape; not a number before the components start.
 */
public final class SearchIndexGauges {
  private SearchIndexGauges() {}

  public static void register(MeterRegistry registry, IngestionPart part) {
    Gauge.builder(
            "apex_search_index_chunks",
            part,
            p -> p.running().map(c -> (double) c.searchIndexChunks()).orElse(Double.NaN))
        .description("chunks the worker's search index holds, as its searches read it")
        .register(registry);
    Gauge.builder(
            "apex_search_index_segments",
            part,
            p -> p.running().map(c -> (double) c.searchIndexSegments()).orElse(Double.NaN))
        .description(
            "segments the worker's searches read: 1 once writes pause and the index merges; 0 when"
                + " another process writes the index")
        .register(registry);
  }
}
