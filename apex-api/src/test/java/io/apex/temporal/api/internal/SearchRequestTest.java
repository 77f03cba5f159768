package io.apex.temporal.api.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.apex.temporal.ingestion.SearchMode;
import io.apex.temporal.ingestion.SearchQuery;
import org.junit.jupiter.api.Test;

class SearchRequestTest {
  private static JsonNode json(String text) throws Exception {
    return new ObjectMapper().readTree(text);
  }

  @Test
  void aQueryAloneIsAHybridSearchForTenChunks() throws Exception {
    SearchQuery query = SearchRoutes.parse(json("{\"query\":\"tides\"}"));

    assertThat(query.text()).isEqualTo("tides");
    assertThat(query.topK()).isEqualTo(10);
    assertThat(query.mode()).isEqualTo(SearchMode.HYBRID);
    assertThat(query.byDocument()).isFalse();
    assertThat(query.sources()).isEmpty();
    assertThat(query.documentIds()).isEmpty();
  }

  @Test
  void everyOptionIsRead() throws Exception {
    SearchQuery query =
        SearchRoutes.parse(
            json(
                "{\"query\":\"x\",\"top_k\":3,\"mode\":\"keyword\",\"by_document\":true,"
                    + "\"source\":\"notes\",\"document_ids\":[\"a\",\"b\"]}"));

    assertThat(query)
        .isEqualTo(
            new SearchQuery(
                "x",
                3,
                SearchMode.KEYWORD,
                true,
                java.util.List.of("notes"),
                java.util.List.of("a", "b")));
  }

  @Test
  void eachBadFieldIsRefusedByName() {
    assertThatThrownBy(() -> SearchRoutes.parse(json("{}")))
        .isInstanceOf(ApiProblem.class)
        .hasMessage("field 'query' is required");
    assertThatThrownBy(() -> SearchRoutes.parse(json("{\"query\":\"  \"}")))
        .hasMessage("field 'query' must be a non-empty string");
    assertThatThrownBy(() -> SearchRoutes.parse(json("{\"query\":\"x\",\"top_k\":0}")))
        .hasMessage("field 'top_k' must be an integer 1-1000, got 0");
    assertThatThrownBy(() -> SearchRoutes.parse(json("{\"query\":\"x\",\"top_k\":2.5}")))
        .hasMessage("field 'top_k' must be an integer 1-1000, got 2.5");
    assertThatThrownBy(() -> SearchRoutes.parse(json("{\"query\":\"x\",\"mode\":\"fuzzy\"}")))
        .hasMessage("field 'mode' must be hybrid, semantic or keyword, got \"fuzzy\"");
    assertThatThrownBy(() -> SearchRoutes.parse(json("{\"query\":\"x\",\"limit\":3}")))
        .hasMessageStartingWith("unknown field 'limit'");
    assertThatThrownBy(
            () -> SearchRoutes.parse(json("{\"query\":\"x\",\"document_ids\":[\"a b\"]}")))
        .hasMessageStartingWith("field 'document_ids' must hold document IDs");
  }
}
