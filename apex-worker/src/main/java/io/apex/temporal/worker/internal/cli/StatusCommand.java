package io.apex.temporal.worker.internal.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.apex.temporal.config.ConfigLoadResult;
import io.apex.temporal.config.TemporalConfig;
import java.io.PrintWriter;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * A document's status as the memory service API reports it: its stage, counts, failure reason and
 * stored version. "not found" only when the API does not know the document (exit 1); any other
 * error names its cause (exit 1).
 */
@Command(
    name = "status",
    description = "Show a document's ingestion status and what is stored for it (through the API).")
final class StatusCommand extends ConfiguredCommand {
  @Parameters(index = "0", paramLabel = "DOCUMENT_ID")
  String documentId;

  StatusCommand(ConfigLoadResult settings) {
    super(settings);
  }

  @Override
  int run(TemporalConfig config) throws Exception {
    PrintWriter out = out();
    MemoryServiceClient api = new MemoryServiceClient(config.api());
    Optional<JsonNode> found;
    try {
      found = api.document(documentId);
    } catch (MemoryServiceClient.ApiException | MemoryServiceClient.UnreachableException e) {
      err().println("status of " + Printable.of(documentId) + " failed: " + e.getMessage());
      return ExitCodes.FAILED;
    }
    if (found.isEmpty()) {
      out.println("document:  " + Printable.of(documentId) + " not found");
      out.flush();
      return ExitCodes.FAILED;
    }
    JsonNode d = found.get();
    out.println("document:  " + d.path("document_id").asText());
    out.println("workflow:  " + d.path("workflow_id").asText());
    out.println("stage:     " + d.path("stage").asText());
    out.println("chunks:    " + d.path("chunks").asInt());
    out.println("entities:  " + d.path("entities").asInt());
    if (!d.path("reason").isNull() && !d.path("reason").isMissingNode()) {
      out.println("reason:    " + Printable.of(d.path("reason").asText()));
    }
    out.println(
        "file:      "
            + Printable.of(d.path("file_name").asText())
            + " (source "
            + Printable.of(d.path("source").asText())
            + ", "
            + d.path("size_bytes").asLong()
            + " bytes, sha256 "
            + d.path("content_sha256").asText()
            + ")");
    out.println(
        "stored:    "
            + (d.path("current_version").isNull()
                ? "nothing"
                : "version "
                    + d.path("current_version").asText()
                    + ", at "
                    + d.path("stored_at").asText()));
    out.flush();
    return ExitCodes.OK;
  }
}
