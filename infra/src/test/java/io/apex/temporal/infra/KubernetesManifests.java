package io.apex.temporal.infra;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Kubernetes manifests of {@code infra/k8s/}, parsed strictly into fabric8's Kubernetes API
 * types: an unknown or misspelt field anywhere fails, where the model's own reading would keep it
 * aside as an "additional property", and each kind must have the API version the types are for.
 */
public final class KubernetesManifests {
  private static final Map<String, Kind> KINDS =
      Map.of(
          "Deployment", new Kind("apps/v1", Deployment.class),
          "Service", new Kind("v1", Service.class),
          "ConfigMap", new Kind("v1", ConfigMap.class),
          "Secret", new Kind("v1", Secret.class),
          "HorizontalPodAutoscaler", new Kind("autoscaling/v2", HorizontalPodAutoscaler.class));

  private record Kind(String apiVersion, Class<? extends HasMetadata> type) {}

  /** fabric8's types catch unknown fields with {@code @JsonAnySetter}; this turns that off. */
  private static final class NoAnySetter extends JacksonAnnotationIntrospector {
    @Override
    public Boolean hasAnySetter(Annotated annotated) {
      return Boolean.FALSE;
    }
  }

  private static final ObjectMapper STRICT =
      new ObjectMapper(new YAMLFactory())
          .setAnnotationIntrospector(new NoAnySetter())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

  private KubernetesManifests() {}

  /** Every resource of the file (YAML documents separated by {@code ---}), typed. */
  public static List<HasMetadata> parse(Path file) {
    List<HasMetadata> resources = new ArrayList<>();
    try (var documents = STRICT.readerFor(JsonNode.class).<JsonNode>readValues(file.toFile())) {
      while (documents.hasNext()) {
        JsonNode document = documents.next();
        if (document == null || document.isNull() || document.isMissingNode()) {
          continue;
        }
        resources.add(typed(file, document));
      }
    } catch (IOException e) {
      throw new IllegalArgumentException(file.getFileName() + ": " + e.getMessage(), e);
    }
    return resources;
  }

  /** Parses one YAML text, as {@link #parse(Path)} parses a file. */
  public static HasMetadata parseText(String yaml) {
    try {
      return typed(Path.of("text"), STRICT.readTree(yaml));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static HasMetadata typed(Path file, JsonNode document) throws IOException {
    String kindName = document.path("kind").asText();
    Kind kind = KINDS.get(kindName);
    if (kind == null) {
      throw new IllegalArgumentException(
          file.getFileName() + ": kind '" + kindName + "' is not one of " + KINDS.keySet());
    }
    String apiVersion = document.path("apiVersion").asText();
    if (!kind.apiVersion().equals(apiVersion)) {
      throw new IllegalArgumentException(
          file.getFileName()
              + ": "
              + kindName
              + " must be "
              + kind.apiVersion()
              + ", got apiVersion '"
              + apiVersion
              + "'");
    }
    try {
      return STRICT.treeToValue(document, kind.type());
    } catch (JsonMappingException e) {
      throw new IllegalArgumentException(
          file.getFileName() + ": " + e.getOriginalMessage() + " at " + e.getPathReference(), e);
    }
  }
}
