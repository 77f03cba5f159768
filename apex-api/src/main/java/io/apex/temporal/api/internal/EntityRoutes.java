package io.apex.temporal.api.internal;

import io.apex.temporal.ingestion.EntityDetail;
import io.apex.temporal.ingestion.EntityGraph;
import io.apex.temporal.ingestion.EntitySummary;
import java.util.List;

/** {@code GET /v1/entities} and {@code GET /v1/entities/{id}}: the entity graph. */
public final class EntityRoutes {
  private final EntityGraph graph;

  public EntityRoutes(EntityGraph graph) {
    this.graph = graph;
  }

  public List<Route> routes() {
    return List.of(
        new Route("GET", "/v1/entities", Route.Access.READ, this::find),
        new Route("GET", "/v1/entities/{id}", Route.Access.READ, this::get));
  }

  private ApiReply find(ApiCall call) {
    String q = call.queryParameter("q");
    if (q != null && q.length() > 200) {
      throw ApiProblem.badRequest("query parameter 'q' may have at most 200 characters");
    }
    String type = call.queryParameter("type");
    if (type != null && type.isEmpty()) {
      type = null;
    }
    if (type != null && !type.matches("[A-Za-z_]{1,40}")) {
      throw ApiProblem.badRequest(
          "query parameter 'type' must be an entity type such as email or organization, got '"
              + ApiHandler.printable(type)
              + "'");
    }
    int limit = call.intQueryParameter("limit", 1, 100, 20);
    List<Views.EntityView> entities =
        graph.find(q, type, limit).stream().map(EntityRoutes::view).toList();
    return ApiReply.json(200, new Views.EntityList(entities));
  }

  private ApiReply get(ApiCall call) {
    String text = call.pathParameter("id");
    if (!text.matches("[0-9]{1,18}")) {
      throw ApiProblem.badRequest(
          "an entity ID is a positive integer, got '" + ApiHandler.printable(text) + "'");
    }
    long id = Long.parseLong(text);
    EntityDetail detail = graph.find(id).orElseThrow(() -> ApiProblem.notFound("no entity " + id));
    EntitySummary e = detail.entity();
    return ApiReply.json(
        200,
        new Views.EntityDetailView(
            e.entityId(),
            e.kind(),
            e.name(),
            e.mentions(),
            detail.documents().stream()
                .map(d -> new Views.MentioningDocument(d.documentId(), d.fileName(), d.mentions()))
                .toList(),
            detail.related().stream()
                .map(r -> new Views.RelatedEntity(r.entityId(), r.kind(), r.name(), r.together()))
                .toList()));
  }

  private static Views.EntityView view(EntitySummary e) {
    return new Views.EntityView(e.entityId(), e.kind(), e.name(), e.mentions(), e.documents());
  }
}
