package io.apex.temporal.api.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteTest {
  private static Route route(String template) {
    return new Route("GET", template, Route.Access.READ, call -> ApiReply.json(200, Map.of()));
  }

  @Test
  void aTemplateTakesItsParametersFromTheMatchingSegments() {
    assertThat(route("/v1/documents/{id}").match("/v1/documents/abc"))
        .contains(Map.of("id", "abc"));
  }

  @Test
  void anEmptySegmentOrAnExtraOneDoesNotMatch() {
    assertThat(route("/v1/documents/{id}").match("/v1/documents/")).isEmpty();
    assertThat(route("/v1/documents/{id}").match("/v1/documents/a/b")).isEmpty();
    assertThat(route("/v1/documents").match("/v1/documents/x")).isEmpty();
  }

  @Test
  void aStarTailTakesTheRestOfThePath() {
    assertThat(route("/console/*").match("/console/")).contains(Map.of("*", ""));
    assertThat(route("/console/*").match("/console/js/app.js")).contains(Map.of("*", "js/app.js"));
    assertThat(route("/console/*").match("/other/app.js")).isEmpty();
  }
}
