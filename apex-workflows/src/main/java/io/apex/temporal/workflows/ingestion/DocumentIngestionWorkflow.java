package io.apex.temporal.workflows.ingestion;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Ingests one document: stage, parse, extract entities, embed, write, clean up. Only references and
 * counts pass through Temporal; the document's content stays in the store. A document that cannot
 * be ingested fails the workflow with a non-retryable failure whose message is the reason, after
 * its status reached {@link IngestionStage#FAILED}.
 */
@WorkflowInterface
public interface DocumentIngestionWorkflow {
  /** The workflow type name, shared with the Python version. */
  String TYPE = "DocumentIngestionWorkflow";

  /** The status query's name. */
  String STATUS_QUERY = "get_status";

  /** The workflow ID of a document's ingestion: one workflow per document at a time. */
  static String workflowId(String documentId) {
    return "ingest-" + documentId;
  }

  @WorkflowMethod(name = TYPE)
  IngestionResult ingest(IngestionRequest request);

  @QueryMethod(name = STATUS_QUERY)
  IngestionStatus status();
}
