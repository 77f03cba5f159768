package io.apex.temporal.worker.internal.ingestion;

import io.apex.temporal.workflows.ingestion.DocumentIngestionActivities;
import io.apex.temporal.workflows.ingestion.IngestionRequest;
import io.apex.temporal.workflows.ingestion.ParsedDocument;
import io.apex.temporal.workflows.ingestion.StagedDocument;
import io.apex.temporal.workflows.ingestion.WrittenDocument;

/**
 * The ingestion activities as registered with the worker before the components behind them have
 * started: the worker registers this object at construction, and {@link IngestionPart} hands it the
 * real implementation when it starts, before the worker polls.
 */
final class DeferredIngestionActivities implements DocumentIngestionActivities {
  private volatile DocumentIngestionActivities delegate;

  void set(DocumentIngestionActivities activities) {
    delegate = activities;
  }

  private DocumentIngestionActivities delegate() {
    DocumentIngestionActivities current = delegate;
    if (current == null) {
      throw new IllegalStateException("the ingestion components have not started");
    }
    return current;
  }

  @Override
  public StagedDocument stage(IngestionRequest request) {
    return delegate().stage(request);
  }

  @Override
  public ParsedDocument parse(StagedDocument staged) {
    return delegate().parse(staged);
  }

  @Override
  public int extractEntities(StagedDocument staged) {
    return delegate().extractEntities(staged);
  }

  @Override
  public int generateEmbeddings(StagedDocument staged) {
    return delegate().generateEmbeddings(staged);
  }

  @Override
  public WrittenDocument write(StagedDocument staged) {
    return delegate().write(staged);
  }

  @Override
  public void deleteWrittenVersion(StagedDocument staged) {
    delegate().deleteWrittenVersion(staged);
  }

  @Override
  public boolean deleteDocument(io.apex.temporal.workflows.ingestion.DeletionRequest request) {
    return delegate().deleteDocument(request);
  }

  @Override
  public void cleanup(StagedDocument staged) {
    delegate().cleanup(staged);
  }
}
