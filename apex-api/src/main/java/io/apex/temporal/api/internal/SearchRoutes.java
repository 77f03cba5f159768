package io.apex.temporal.api.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.apex.temporal.ingestion.DocumentSearch;
import io.apex.temporal.ingestion.SearchHit;
import io.apex.temporal.ingestion.SearchMode;
import io.apex.temporal.ingestion.SearchQuery;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** {@code POST /v1/search}: ranked chunks, or documents, for a query. */
public final class SearchRoutes {
  private static final Set<String> FIELDS =
      Set.of("query", "top_k", "mode", "by_document", "source", "document_ids");
  static final int MAX_QUERY_CHARACTERS = 2000;
  static final int DEFAULT_TOP_K = 10;

  private final DocumentSearch search;
  private final JsonBodies json;

  public SearchRoutes(DocumentSearch search, JsonBodies json) {
    this.search = search;
    this.json = json;
  }

  public List<Route> routes() {
    return List.of(new Route("POST", "/v1/search", Route.Access.READ, this::search));
  }

  private ApiReply search(ApiCall call) {
    SearchQuery query = parse(json.readObject(call.request()));
    List<SearchHit> hits = search.search(query);
    var results = new ArrayList<Views.SearchResult>(hits.size());
    for (SearchHit hit : hits) {
      results.add(
          new Views.SearchResult(
              hit.documentId(),
              hit.source(),
              DocumentViews.fileName(hit.path()),
              hit.chunkIndex(),
              hit.score(),
              hit.text()));
    }
    return ApiReply.json(200, new Views.SearchReply(query.mode().wireName(), results));
  }

  static SearchQuery parse(JsonNode body) {
    for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        throw ApiProblem.badRequest(
            "unknown field '"
                + ApiHandler.printable(name)
                + "'; a search takes "
                + String.join(", ", new java.util.TreeSet<>(FIELDS)));
      }
    }
    JsonNode text = body.get("query");
    if (text == null || text.isNull()) {
      throw ApiProblem.badRequest("field 'query' is required");
    }
    if (!text.isTextual() || text.asText().isBlank()) {
      throw ApiProblem.badRequest("field 'query' must be a non-empty string");
    }
    if (text.asText().length() > MAX_QUERY_CHARACTERS) {
      throw ApiProblem.badRequest(
          "field 'query' may have at most " + MAX_QUERY_CHARACTERS + " characters");
    }
    int topK = DEFAULT_TOP_K;
    JsonNode top = body.get("top_k");
    if (top != null && !top.isNull()) {
      if (!top.isIntegralNumber()
          || !top.canConvertToInt()
          || top.asInt() < 1
          || top.asInt() > SearchQuery.MAX_TOP_K) {
        throw ApiProblem.badRequest(
            "field 'top_k' must be an integer 1-" + SearchQuery.MAX_TOP_K + ", got " + top);
      }
      topK = top.asInt();
    }
    SearchMode mode = SearchMode.HYBRID;
    JsonNode modeNode = body.get("mode");
    if (modeNode != null && !modeNode.isNull()) {
      mode =
          (modeNode.isTextual()
                  ? SearchMode.fromWireName(modeNode.asText())
                  : java.util.Optional.<SearchMode>empty())
              .orElseThrow(
                  () ->
                      ApiProblem.badRequest(
                          "field 'mode' must be hybrid, semantic or keyword, got " + modeNode));
    }
    boolean byDocument = false;
    JsonNode by = body.get("by_document");
    if (by != null && !by.isNull()) {
      if (!by.isBoolean()) {
        throw ApiProblem.badRequest("field 'by_document' must be true or false, got " + by);
      }
      byDocument = by.asBoolean();
    }
    List<String> sources = List.of();
    JsonNode source = body.get("source");
    if (source != null && !source.isNull()) {
      if (!source.isTextual() || source.asText().isEmpty() || source.asText().length() > 128) {
        throw ApiProblem.badRequest("field 'source' must be a string of 1-128 characters");
      }
      sources = List.of(source.asText());
    }
    List<String> documentIds = List.of();
    JsonNode ids = body.get("document_ids");
    if (ids != null && !ids.isNull()) {
      if (!ids.isArray() || ids.size() > SearchQuery.MAX_TOP_K) {
        throw ApiProblem.badRequest(
            "field 'document_ids' must be an array of at most "
                + SearchQuery.MAX_TOP_K
                + " document IDs");
      }
      var out = new ArrayList<String>();
      for (JsonNode id : ids) {
        if (!id.isTextual() || !DocumentRoutes.validId(id.asText())) {
          throw ApiProblem.badRequest(
              "field 'document_ids' must hold document IDs (1-128 letters, digits, '.', '_',"
                  + " ':' or '-'), got "
                  + id);
        }
        out.add(id.asText());
      }
      documentIds = out;
    }
    return new SearchQuery(text.asText(), topK, mode, byDocument, sources, documentIds);
  }
}
