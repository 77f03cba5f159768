package io.apex.temporal.api.internal;

import io.apex.temporal.ingestion.DocumentListing;
import io.apex.temporal.ingestion.DocumentRequest;
import io.apex.temporal.ingestion.StoredDocument;
import io.apex.temporal.workflows.ingestion.DocumentDeletionWorkflow;
import io.apex.temporal.workflows.ingestion.DocumentIngestionWorkflow;
import java.util.Optional;

/**
 * A document's view: what the store holds, and where its ingestion or deletion is. A stored version
 * that is the latest upload is completed without asking Temporal; otherwise the ingestion's
 * workflow tells the stage, or the reason it failed.
 */
final class DocumentViews {
  private final WorkflowState workflows;

  DocumentViews(WorkflowState workflows) {
    this.workflows = workflows;
  }

  /**
   * @param checkDeletion whether to ask Temporal if a deletion of the document is running (one
   *     document's page does; a list does not)
   */
  Views.DocumentView view(DocumentListing listing, boolean checkDeletion) {
    String id = listing.documentId();
    Optional<StoredDocument> stored = listing.stored();
    Optional<DocumentRequest> request = listing.request();
    String stage;
    String reason = null;
    if (checkDeletion
        && workflows
            .of(DocumentDeletionWorkflow.workflowId(id))
            .map(WorkflowState.Seen::running)
            .orElse(false)) {
      stage = "deleting";
    } else if (listing.storedIsLatest()) {
      stage = "completed";
    } else {
      Optional<WorkflowState.Seen> seen = workflows.of(DocumentIngestionWorkflow.workflowId(id));
      stage = seen.flatMap(WorkflowState.Seen::stage).orElse("pending");
      reason = seen.filter(WorkflowState.Seen::failed).map(WorkflowState.Seen::reason).orElse(null);
    }
    return new Views.DocumentView(
        id,
        listing.source(),
        request
            .map(DocumentRequest::fileName)
            .orElseGet(() -> fileName(stored.orElseThrow().path())),
        stage,
        stored.map(StoredDocument::chunks).orElse(0),
        stored.map(StoredDocument::entities).orElse(0),
        reason,
        request.map(DocumentRequest::sizeBytes).orElseGet(() -> stored.orElseThrow().sizeBytes()),
        request
            .map(DocumentRequest::contentSha256)
            .orElseGet(() -> stored.orElseThrow().contentSha256()),
        stored.map(StoredDocument::stagingKey).orElse(null),
        stored.map(StoredDocument::ingestedAt).orElse(null),
        DocumentIngestionWorkflow.workflowId(id));
  }

  /** The last element of a stored path; an upload's path is already its file name. */
  static String fileName(String path) {
    int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
    return slash < 0 ? path : path.substring(slash + 1);
  }
}
