package io.apex.temporal.ingestion;

import java.util.List;

/** An entity, the documents that mention it, and the entities mentioned in the same documents. */
public record EntityDetail(
    EntitySummary entity, List<MentioningDocument> documents, List<RelatedEntity> related) {

  public EntityDetail {
    documents = List.copyOf(documents);
    related = List.copyOf(related);
  }

  /** A document that mentions the entity, and how often. */
  public record MentioningDocument(String documentId, String fileName, int mentions) {}

  /** An entity mentioned in {@code together} of the same documents. */
  public record RelatedEntity(long entityId, String kind, String name, int together) {}
}
