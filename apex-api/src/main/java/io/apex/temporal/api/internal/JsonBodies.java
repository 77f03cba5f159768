package io.apex.temporal.api.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/** Reads JSON request bodies, bounded in size, and writes replies with snake_case fields. */
public final class JsonBodies {
  /** A search request is a query and a few options; anything larger is not one. */
  static final int MAX_JSON_BYTES = 64 * 1024;

  private final ObjectMapper mapper =
      new ObjectMapper()
          .registerModule(new Jdk8Module())
          .registerModule(new JavaTimeModule())
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  public ObjectMapper mapper() {
    return mapper;
  }

  /** The body as a JSON object, or a problem naming what is wrong with it. */
  public JsonNode readObject(Request request) {
    String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
    if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
      throw ApiProblem.unsupportedMediaType(
          "the body must be application/json, got " + (type == null ? "no Content-Type" : type));
    }
    long declared = request.getLength();
    if (declared > MAX_JSON_BYTES) {
      throw ApiProblem.tooLarge(
          "a JSON body may have at most " + MAX_JSON_BYTES + " bytes, got " + declared);
    }
    byte[] body;
    try (InputStream in = Content.Source.asInputStream(request)) {
      body = in.readNBytes(MAX_JSON_BYTES + 1);
    } catch (IOException e) {
      throw ApiProblem.badRequest("the body could not be read: " + e.getMessage());
    }
    if (body.length > MAX_JSON_BYTES) {
      throw ApiProblem.tooLarge("a JSON body may have at most " + MAX_JSON_BYTES + " bytes");
    }
    JsonNode node;
    try {
      node = mapper.readTree(body);
    } catch (JsonProcessingException e) {
      throw ApiProblem.badRequest(
          "the body is not valid JSON: " + e.getOriginalMessage().replaceAll("\\s+", " "));
    } catch (IOException e) {
      throw ApiProblem.badRequest("the body could not be read: " + e.getMessage());
    }
    if (node == null || !node.isObject()) {
      throw ApiProblem.badRequest("the body must be a JSON object");
    }
    return node;
  }

  public byte[] write(Object value) {
    try {
      return mapper.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a reply could not be written as JSON", e);
    }
  }
}
