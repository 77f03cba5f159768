package io.apex.temporal.worker.internal.ingestion;

import io.apex.temporal.ingestion.DocumentSearch;
import io.apex.temporal.ingestion.IngestionComponents;
import io.apex.temporal.ingestion.IngestionMetrics;
import io.apex.temporal.ingestion.IngestionSettings;
import io.apex.temporal.worker.runtime.Managed;
import io.apex.temporal.workflows.ingestion.DocumentIngestionActivities;
import java.util.Optional;

/**
 * apex-ingestion's components (the store, the model, the parser, the index) as a part of the worker
 * process: started after the connection to Temporal, before polling (the worker registers their
 * activities then), and closed after the worker has drained, so in-flight activities keep their
 * store.
 */
public final class IngestionPart implements Managed {
  private final IngestionSettings settings;
  private final IngestionMetrics metrics;
  private volatile IngestionComponents components;

  /**
   * @param metrics where the activities record their steps, store writes and embedding batches
   */
  public IngestionPart(IngestionSettings settings, IngestionMetrics metrics) {
    this.settings = settings;
    this.metrics = metrics;
  }

  /** The activities to register; only after {@link #start}. */
  public DocumentIngestionActivities activities() {
    return components().activities();
  }

  /** Search over what was ingested; only after {@link #start}. */
  public DocumentSearch search() {
    return components().search();
  }

  /** The started components; only after {@link #start}. */
  public IngestionComponents components() {
    IngestionComponents current = components;
    if (current == null) {
      throw new IllegalStateException("the ingestion components have not started");
    }
    return current;
  }

  /** The components while they run; empty before {@link #start}. */
  public Optional<IngestionComponents> running() {
    return Optional.ofNullable(components);
  }

  @Override
  public String name() {
    return "ingestion components (store " + settings.store() + ")";
  }

  @Override
  public void start() {
    components = IngestionComponents.start(settings, metrics);
  }

  @Override
  public void stop() {
    if (components != null) {
      components.close();
    }
  }
}
