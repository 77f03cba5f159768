package io.apex.temporal.workflows.ingestion;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The stages of the Python outline, in order, with its lower-case names on the wire. */
public enum IngestionStage {
  @JsonProperty("pending")
  PENDING,
  @JsonProperty("staging")
  STAGING,
  @JsonProperty("parsing")
  PARSING,
  @JsonProperty("parsed")
  PARSED,
  @JsonProperty("extracting_entities")
  EXTRACTING_ENTITIES,
  @JsonProperty("entities_extracted")
  ENTITIES_EXTRACTED,
  @JsonProperty("generating_embeddings")
  GENERATING_EMBEDDINGS,
  @JsonProperty("embeddings_generated")
  EMBEDDINGS_GENERATED,
  @JsonProperty("writing")
  WRITING,
  @JsonProperty("completed")
  COMPLETED,
  @JsonProperty("failed")
  FAILED;

  /** The name on the wire and in the {@code IngestionStatus} search attribute. */
  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
