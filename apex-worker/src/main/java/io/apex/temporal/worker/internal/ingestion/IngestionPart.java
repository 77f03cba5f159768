package io.apex.temporal.worker.internal.ingestion;

import io.apex.temporal.ingestion.IngestionComponents;
import io.apex.temporal.ingestion.IngestionMetrics;
import io.apex.temporal.ingestion.IngestionSettings;
import io.apex.temporal.worker.runtime.Managed;
import io.apex.temporal.workflows.ingestion.DocumentIngestionActivities;

/**
 * apex-ingestion's components (the store, the model, the parser, the index) as a part of the worker
 * process: started after the connection to Temporal, before polling, and closed after the worker
 * has drained, so in-flight activities keep their store.
 */
public final class IngestionPart implements Managed {
  private final IngestionSettings settings;
  private final IngestionMetrics metrics;
  private final DeferredIngestionActivities activities = new DeferredIngestionActivities();
  private IngestionComponents components;

  public IngestionPart(IngestionSettings settings) {
    this(settings, IngestionMetrics.NONE);
  }

  /**
   * @param metrics where the activities record their steps, store writes and embedding batches
   */
  public IngestionPart(IngestionSettings settings, IngestionMetrics metrics) {
    this.settings = settings;
    this.metrics = metrics;
  }

  /** The activities to register; they serve once this part has started. */
  public DocumentIngestionActivities activities() {
    return activities;
  }

  /** The started components; only once this part has started. */
  public IngestionComponents components() {
    if (components == null) {
      throw new IllegalStateException("the ingestion components have not started");
    }
    return components;
  }

  @Override
  public String name() {
    return "ingestion components (store " + settings.store() + ")";
  }

  @Override
  public void start() {
    components = IngestionComponents.start(settings, metrics);
    activities.set(components.activities());
  }

  @Override
  public void stop() {
    if (components != null) {
      components.close();
    }
  }
}
