package io.apex.temporal.workflows.ingestion;

import io.temporal.common.SearchAttributeKey;
import java.util.List;

/**
 * The search attributes of an ingestion, so that for example {@code temporal workflow list --query
 * 'IngestionStatus="failed"'} finds the failed ones. A server must have them registered.
 */
public final class IngestionSearchAttributes {
  public static final SearchAttributeKey<String> DOCUMENT_ID =
      SearchAttributeKey.forKeyword("DocumentId");
  public static final SearchAttributeKey<String> SOURCE = SearchAttributeKey.forKeyword("Source");
  public static final SearchAttributeKey<String> INGESTION_STATUS =
      SearchAttributeKey.forKeyword("IngestionStatus");

  public static final List<SearchAttributeKey<String>> ALL =
      List.of(DOCUMENT_ID, SOURCE, INGESTION_STATUS);

  private IngestionSearchAttributes() {}
}
