package io.apex.temporal.ingestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SearchQueryTest {

  @Test
  void ofIsAHybridChunkSearchWithoutFilters() {
    var query = SearchQuery.of("tides", 5);
    assertThat(query.mode()).isEqualTo(SearchMode.HYBRID);
    assertThat(query.byDocument()).isFalse();
    assertThat(query.sources()).isEmpty();
    assertThat(query.documentIds()).isEmpty();
  }

  @Test
  void eachBadFieldIsRefusedByName() {
    assertThatThrownBy(() -> SearchQuery.of("  ", 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("text");
    assertThatThrownBy(() -> SearchQuery.of("tides", 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("topK")
        .hasMessageContaining("got 0");
    assertThatThrownBy(() -> SearchQuery.of("tides", SearchQuery.MAX_TOP_K + 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("got 1001");
    assertThatThrownBy(() -> new SearchQuery("tides", 5, null, false, null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("mode");
  }

  @Test
  void missingFiltersAreEmptyAndGivenOnesAreCopied() {
    var sources = new java.util.ArrayList<>(List.of("notes"));
    var query = new SearchQuery("tides", 5, SearchMode.KEYWORD, true, sources, null);
    sources.add("later");
    assertThat(query.sources()).containsExactly("notes");
    assertThat(query.documentIds()).isEmpty();
  }

  @Test
  void modesHaveLowerCaseWireNames() {
    assertThat(SearchMode.HYBRID.wireName()).isEqualTo("hybrid");
    assertThat(SearchMode.fromWireName("semantic")).contains(SearchMode.SEMANTIC);
    assertThat(SearchMode.fromWireName("KEYWORD")).contains(SearchMode.KEYWORD);
    assertThat(SearchMode.fromWireName("fuzzy")).isEmpty();
    assertThat(SearchMode.fromWireName(null)).isEmpty();
  }
}
