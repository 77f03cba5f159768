package io.apex.temporal.worker.internal.cli;

import io.apex.temporal.config.ConfigLoadResult;
import io.apex.temporal.config.TemporalConfig;
import io.apex.temporal.ingestion.IngestionComponents;
import io.apex.temporal.ingestion.IngestionSettings;
import io.apex.temporal.ingestion.StoredDocument;
import io.apex.temporal.workflows.ingestion.DocumentIngestionWorkflow;
import io.apex.temporal.workflows.ingestion.IngestionStatus;
import io.temporal.client.WorkflowException;
import io.temporal.client.WorkflowStub;
import java.io.PrintWriter;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** A document's ingestion: the workflow's {@code get_status}, and what the store holds for it. */
@Command(
    name = "status",
    description = "Show a document's ingestion status and what is stored for it.")
final class StatusCommand extends ConfiguredCommand {
  @Parameters(index = "0", paramLabel = "DOCUMENT_ID")
  String documentId;

  StatusCommand(ConfigLoadResult settings) {
    super(settings);
  }

  @Override
  int run(TemporalConfig config) throws Exception {
    PrintWriter out = out();
    String workflowId = DocumentIngestionWorkflow.workflowId(documentId);
    out.println("document:  " + documentId);
    boolean workflowFound;
    try (ClientSession session = new ClientSession(config)) {
      WorkflowStub stub = session.client().newUntypedWorkflowStub(workflowId);
      IngestionStatus status =
          stub.query(DocumentIngestionWorkflow.STATUS_QUERY, IngestionStatus.class);
      var description = stub.describe();
      out.println(
          "workflow:  "
              + workflowId
              + " (run "
              + description.getExecution().getRunId()
              + ", "
              + description.getStatus().name().replaceFirst("^WORKFLOW_EXECUTION_STATUS_", "")
              + ")");
      out.println("stage:     " + status.stage().wireName());
      out.println("chunks:    " + status.chunks());
      out.println("entities:  " + status.entities());
      if (status.reason() != null) {
        out.println("reason:    " + status.reason());
      }
      workflowFound = true;
    } catch (WorkflowException | io.grpc.StatusRuntimeException e) {
      out.println("workflow:  " + workflowId + " not found (" + e.getMessage() + ")");
      workflowFound = false;
    }
    out.flush();
    Optional<StoredDocument> stored;
    try (IngestionComponents components = IngestionComponents.start(IngestionSettings.of(config))) {
      stored = components.store().find(documentId);
    }
    if (stored.isPresent()) {
      StoredDocument document = stored.get();
      out.println("stored:    " + document.path() + " (source " + document.source() + ")");
      out.println(
          "           "
              + document.chunks()
              + " chunks, "
              + document.entities()
              + " entities, sha256 "
              + document.contentSha256()
              + ", ingested at "
              + document.ingestedAt());
    } else {
      out.println("stored:    nothing");
    }
    out.flush();
    return workflowFound || stored.isPresent() ? ExitCodes.OK : ExitCodes.FAILED;
  }
}
