package io.apex.temporal.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi31;
import io.apex.temporal.api.ApiServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * apex-api's OpenAPI 3.1 document as a check of one response: the operation exists, the status is
 * documented for it, the media type is the documented one and the body matches its JSON Schema
 * (2020-12, with the document's components). A method the document has no operation for must be
 * answered 405 with a problem; a path it does not have, 404 with a problem.
 */
public final class OpenApiContract {
  private static final String DOCUMENT_IRI = "https://apex.invalid/openapi.json";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNode PROBLEM =
      JSON.createObjectNode().put("$ref", "#/components/schemas/Problem");

  private final JsonNode document;
  private final String text;
  private final JsonSchemaFactory schemas;
  private final Map<String, JsonSchema> compiled = new ConcurrentHashMap<>();

  private OpenApiContract(String text) throws IOException {
    this.text = text;
    this.document = JSON.readTree(text);
    this.schemas =
        JsonSchemaFactory.getInstance(
            SpecVersion.VersionFlag.V202012,
            builder ->
                builder
                    .metaSchema(OpenApi31.getInstance())
                    .defaultMetaSchemaIri(OpenApi31.getInstance().getIri())
                    .schemaLoaders(loaders -> loaders.schemas(Map.of(DOCUMENT_IRI, text))));
  }

  /** The document in apex-api's artifact: the one kept in the repo and served at /openapi.json. */
  public static OpenApiContract ofApexApi() {
    URL resource = ApiServer.class.getResource("/openapi.json");
    String apiJar = ApiServer.class.getProtectionDomain().getCodeSource().getLocation().toString();
    if (resource == null || !resource.toString().contains(apiJar.replaceFirst("^file:", ""))) {
      throw new IllegalStateException(
          "apex-api's openapi.json is not on the class path (found " + resource + ")");
    }
    try (InputStream in = resource.openStream()) {
      return new OpenApiContract(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public JsonNode document() {
    return document;
  }

  public String text() {
    return text;
  }

  /**
   * Every way the response breaks the document; empty when it conforms.
   *
   * @param path the request's path without its query
   * @param contentType the response's Content-Type, null when it had none
   */
  public List<String> violations(
      String method, String path, int status, String contentType, String body) {
    List<String> problems = new ArrayList<>();
    Optional<String> template = template(path);
    String call = method + " " + path + " -> " + status;
    if (template.isEmpty()) {
      if (status != 404) {
        problems.add(call + ": the document has no path " + path + ", so only 404 fits");
      }
      checkBody(problems, call, PROBLEM, contentType, body, true);
      return problems;
    }
    JsonNode operation = document.path("paths").path(template.get()).path(lower(method));
    if (operation.isMissingNode()) {
      if (status != 405) {
        problems.add(call + ": the document has no " + method + " on " + template.get());
      }
      checkBody(problems, call, PROBLEM, contentType, body, true);
      return problems;
    }
    JsonNode response = operation.path("responses").path(String.valueOf(status));
    if (response.isMissingNode()) {
      problems.add(call + ": status " + status + " is not documented for this operation");
      return problems;
    }
    if (response.has("$ref")) {
      response = at(response.get("$ref").asText());
    }
    JsonNode content = response.path("content");
    if (content.isMissingNode() || content.isEmpty()) {
      if (body != null && !body.isEmpty()) {
        problems.add(call + ": the document gives this response no body, got " + body);
      }
      return problems;
    }
    String mediaType = mediaType(contentType);
    if (!content.has(mediaType)) {
      problems.add(
          call
              + ": Content-Type "
              + contentType
              + " is not among the documented "
              + fieldNames(content));
      return problems;
    }
    checkBody(problems, call, content.path(mediaType).path("schema"), contentType, body, false);
    return problems;
  }

  private void checkBody(
      List<String> problems,
      String call,
      JsonNode schemaNode,
      String contentType,
      String body,
      boolean problemJson) {
    if (problemJson && !"application/problem+json".equals(mediaType(contentType))) {
      problems.add(call + ": an error must be application/problem+json, got " + contentType);
      return;
    }
    JsonNode value;
    try {
      value = JSON.readTree(body == null ? "" : body);
    } catch (IOException e) {
      problems.add(call + ": the body is not JSON: " + e.getMessage());
      return;
    }
    if (value == null || value.isMissingNode()) {
      problems.add(call + ": the body is empty");
      return;
    }
    JsonSchema schema = compiled.computeIfAbsent(schemaNode.toString(), key -> compile(schemaNode));
    Set<ValidationMessage> messages = schema.validate(value);
    for (ValidationMessage message : messages) {
      problems.add(call + ": " + message.getMessage() + " in " + body);
    }
  }

  /**
   * A component by its reference, resolved within the whole document; an inline schema as it is
   * (the document's inline response schemas refer to nothing).
   */
  private JsonSchema compile(JsonNode schemaNode) {
    if (schemaNode.size() == 1 && schemaNode.has("$ref")) {
      return schemas.getSchema(SchemaLocation.of(DOCUMENT_IRI + schemaNode.get("$ref").asText()));
    }
    return schemas.getSchema(schemaNode);
  }

  /** The document's path template that the request path matches, e.g. /v1/documents/{id}. */
  private Optional<String> template(String path) {
    String[] segments = path.split("/", -1);
    Iterator<String> templates = document.path("paths").fieldNames();
    Optional<String> withParameter = Optional.empty();
    while (templates.hasNext()) {
      String candidate = templates.next();
      if (candidate.equals(path)) {
        return Optional.of(candidate);
      }
      String[] parts = candidate.split("/", -1);
      boolean matches = parts.length == segments.length;
      for (int i = 0; matches && i < parts.length; i++) {
        boolean parameter = parts[i].startsWith("{") && parts[i].endsWith("}");
        matches = parameter ? !segments[i].isEmpty() : parts[i].equals(segments[i]);
      }
      if (matches) {
        withParameter = Optional.of(candidate);
      }
    }
    return withParameter;
  }

  private JsonNode at(String ref) {
    return document.at(ref.substring(1));
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static String mediaType(String contentType) {
    return contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
  }

  private static String lower(String method) {
    return method.toLowerCase(Locale.ROOT);
  }
}
