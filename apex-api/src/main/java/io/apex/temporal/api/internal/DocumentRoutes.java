package io.apex.temporal.api.internal;

import io.apex.temporal.client.IngestionClient;
import io.apex.temporal.ingestion.DocumentCatalog;
import io.apex.temporal.ingestion.DocumentListing;
import io.apex.temporal.ingestion.DocumentRequest;
import io.apex.temporal.ingestion.StagedUpload;
import io.apex.temporal.workflows.ingestion.DocumentIngestionWorkflow;
import io.apex.temporal.workflows.ingestion.IngestionRequest;
import io.apex.temporal.workflows.ingestion.IngestionStage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Upload, read, list and delete documents. */
public final class DocumentRoutes {
  private static final Logger log = LoggerFactory.getLogger(DocumentRoutes.class);
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
  private static final int MAX_PAGE = 100;

  /** A page scan reads at most this many rows per document it returns, then stops with a cursor. */
  private static final int SCAN_FACTOR = 20;

  static final Set<String> STAGES;

  static {
    var stages = new java.util.LinkedHashSet<String>();
    for (IngestionStage stage : IngestionStage.values()) {
      stages.add(stage.wireName());
    }
    stages.add("deleting");
    STAGES = Set.copyOf(stages);
  }

  private final DocumentCatalog catalog;
  private final IngestionClient starts;
  private final WorkflowState workflows;
  private final DocumentViews views;
  private final long maxDocumentBytes;
  private final Path spoolDirectory;

  public DocumentRoutes(
      DocumentCatalog catalog,
      IngestionClient starts,
      WorkflowState workflows,
      long maxDocumentBytes,
      Path spoolDirectory) {
    this.catalog = catalog;
    this.starts = starts;
    this.workflows = workflows;
    this.views = new DocumentViews(workflows);
    this.maxDocumentBytes = maxDocumentBytes;
    this.spoolDirectory = spoolDirectory;
  }

  public List<Route> routes() {
    return List.of(
        new Route("POST", "/v1/documents", Route.Access.WRITE, this::upload),
        new Route("GET", "/v1/documents", Route.Access.READ, this::list),
        new Route("GET", "/v1/documents/{id}", Route.Access.READ, this::get),
        new Route("DELETE", "/v1/documents/{id}", Route.Access.WRITE, this::delete));
  }

  static boolean validId(String id) {
    return id != null && ID.matcher(id).matches();
  }

  /**
   * Stages the content in the store inside the request, then starts the ingestion with a reference
   * to it: 202 with the status URL, 200 when the content is already stored. An ingestion of the
   * same content that is running is joined; one of other content is a conflict.
   */
  private ApiReply upload(ApiCall call) {
    UploadForm form = UploadForm.read(call.request(), maxDocumentBytes, spoolDirectory);
    String id = form.documentId();
    var before = catalog.find(id).flatMap(DocumentListing::request);
    StagedUpload staged = catalog.stageUpload(id, form.source(), form.fileName(), form.content());
    String workflowId = DocumentIngestionWorkflow.workflowId(id);
    boolean running = workflows.of(workflowId).map(WorkflowState.Seen::running).orElse(false);
    if (running) {
      boolean sameContent =
          before.map(DocumentRequest::contentSha256).orElse("").equals(staged.contentSha256());
      if (!sameContent) {
        throw ApiProblem.conflict(
            "an ingestion of other content of document "
                + id
                + " is running (workflow "
                + workflowId
                + "): upload again when it has finished");
      }
      if (staged.unchanged()) {
        // Already stored; the workflow is only finishing (cleaning its staging up).
        return ApiReply.json(200, accepted(id, null, "unchanged"));
      }
      log.info("upload of document {} joins its running ingestion {}", id, workflowId);
      return ApiReply.json(202, accepted(id, workflowId, "accepted"));
    }
    catalog.recordUpload(staged, form.source(), form.fileName());
    if (staged.unchanged()) {
      return ApiReply.json(200, accepted(id, null, "unchanged"));
    }
    starts.start(
        IngestionRequest.uploaded(id, form.source(), form.fileName(), staged.contentSha256()));
    log.info(
        "upload of document {} ({} bytes, source {}) staged; ingestion {} started",
        id,
        staged.sizeBytes(),
        form.source(),
        workflowId);
    return ApiReply.json(202, accepted(id, workflowId, "accepted"));
  }

  private static Views.UploadReply accepted(String id, String workflowId, String status) {
    return new Views.UploadReply(id, workflowId, status, "/v1/documents/" + id);
  }

  private ApiReply get(ApiCall call) {
    String id = requireId(call);
    DocumentListing listing =
        catalog.find(id).orElseThrow(() -> ApiProblem.notFound("no document " + id));
    return ApiReply.json(200, views.view(listing, true));
  }

  private ApiReply delete(ApiCall call) {
    String id = requireId(call);
    if (catalog.find(id).isEmpty()) {
      throw ApiProblem.notFound("no document " + id);
    }
    String workflowId = starts.delete(id);
    log.info("deletion of document {} started: workflow {}", id, workflowId);
    return ApiReply.json(
        202, new Views.UploadReply(id, workflowId, "deleting", "/v1/documents/" + id));
  }

  private ApiReply list(ApiCall call) {
    int limit = call.intQueryParameter("limit", 1, MAX_PAGE, 20);
    String source = call.queryParameter("source");
    if (source != null && source.isEmpty()) {
      source = null;
    }
    if (source != null && source.length() > 128) {
      throw ApiProblem.badRequest("query parameter 'source' may have at most 128 characters");
    }
    String status = call.queryParameter("status");
    if (status != null && !status.isEmpty() && !STAGES.contains(status)) {
      throw ApiProblem.badRequest(
          "status must be one of "
              + String.join(", ", new java.util.TreeSet<>(STAGES))
              + ", got '"
              + ApiHandler.printable(status)
              + "'");
    }
    String wanted = status == null || status.isEmpty() ? null : status;
    String after = decodeCursor(call.queryParameter("cursor"));
    var out = new ArrayList<Views.DocumentView>();
    int scanned = 0;
    String next = null;
    while (true) {
      List<DocumentListing> batch = catalog.page(source, after, limit);
      for (DocumentListing listing : batch) {
        after = listing.documentId();
        scanned++;
        Views.DocumentView view = views.view(listing, false);
        if (wanted == null || wanted.equals(view.stage())) {
          out.add(view);
          if (out.size() == limit) {
            break;
          }
        }
      }
      if (batch.size() < limit && out.size() < limit) {
        break;
      }
      // Full, or a bounded scan found too few: the next page starts after the last row read.
      if (out.size() == limit || scanned >= limit * SCAN_FACTOR) {
        next = encodeCursor(after);
        break;
      }
    }
    return ApiReply.json(200, new Views.DocumentPage(out, next));
  }

  private static String requireId(ApiCall call) {
    String id = call.pathParameter("id");
    if (!validId(id)) {
      throw ApiProblem.badRequest(
          "a document ID is 1-128 letters, digits, '.', '_', ':' or '-', got '"
              + ApiHandler.printable(id)
              + "'");
    }
    return id;
  }

  static String encodeCursor(String documentId) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(documentId.getBytes(StandardCharsets.UTF_8));
  }

  static String decodeCursor(String cursor) {
    if (cursor == null || cursor.isEmpty()) {
      return null;
    }
    try {
      String id = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      if (validId(id)) {
        return id;
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw ApiProblem.badRequest(
        "cursor is not one this API returned: '" + ApiHandler.printable(cursor) + "'");
  }
}
