package io.apex.temporal.it.support;

import io.apex.temporal.workflows.ingestion.DocumentIngestionActivities;
import io.apex.temporal.workflows.ingestion.IngestionRequest;
import io.apex.temporal.workflows.ingestion.ParsedDocument;
import io.apex.temporal.workflows.ingestion.StagedDocument;
import io.apex.temporal.workflows.ingestion.WrittenDocument;

/** Stages a document by echoing its request; the other steps are not used by the echo workflow. */
public class EchoStagingActivities implements DocumentIngestionActivities {

  @Override
  public StagedDocument stage(IngestionRequest request) {
    return new StagedDocument(
        request.documentId(),
        request.source(),
        request.path(),
        "staged:" + request.path(),
        "0".repeat(64),
        1,
        false,
        0,
        0);
  }

  @Override
  public ParsedDocument parse(StagedDocument staged) {
    throw new UnsupportedOperationException("not used by EchoIngestionWorkflow");
  }

  @Override
  public int extractEntities(StagedDocument staged) {
    throw new UnsupportedOperationException("not used by EchoIngestionWorkflow");
  }

  @Override
  public int generateEmbeddings(StagedDocument staged) {
    throw new UnsupportedOperationException("not used by EchoIngestionWorkflow");
  }

  @Override
  public WrittenDocument write(StagedDocument staged) {
    throw new UnsupportedOperationException("not used by EchoIngestionWorkflow");
  }

  @Override
  public void deleteWrittenVersion(StagedDocument staged) {
    throw new UnsupportedOperationException("not used by EchoIngestionWorkflow");
  }

  @Override
  public boolean deleteDocument(io.apex.temporal.workflows.ingestion.DeletionRequest request) {
    throw new UnsupportedOperationException("not used by EchoIngestionWorkflow");
  }

  @Override
  public void cleanup(StagedDocument staged) {
    throw new UnsupportedOperationException("not used by EchoIngestionWorkflow");
  }
}
