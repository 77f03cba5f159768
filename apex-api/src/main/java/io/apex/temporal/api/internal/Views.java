package io.apex.temporal.api.internal;

import java.time.Instant;
import java.util.List;

/** The API's reply bodies, written with snake_case field names (openapi.json's schemas). */
final class Views {
  private Views() {}

  record UploadReply(String documentId, String workflowId, String status, String statusUrl) {}

  record DocumentView(
      String documentId,
      String source,
      String fileName,
      String stage,
      int chunks,
      int entities,
      String reason,
      long sizeBytes,
      String contentSha256,
      String currentVersion,
      Instant storedAt,
      String workflowId) {}

  record DocumentPage(List<DocumentView> documents, String nextCursor) {}

  record SearchResult(
      String documentId,
      String source,
      String fileName,
      int chunkIndex,
      double score,
      String text) {}

  record SearchReply(String mode, List<SearchResult> results) {}

  record EntityView(long entityId, String type, String name, int mentions, int documents) {}

  record EntityList(List<EntityView> entities) {}

  record MentioningDocument(String documentId, String fileName, int mentions) {}

  record RelatedEntity(long entityId, String type, String name, int together) {}

  record EntityDetailView(
      long entityId,
      String type,
      String name,
      int mentions,
      List<MentioningDocument> documents,
      List<RelatedEntity> related) {}
}
