package io.apex.temporal.infra;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One service of compose.yaml, with its settings in the forms the Compose spec allows. */
public record ComposeService(String name, JsonNode definition) {

  public Optional<String> image() {
    return text(definition.path("image"));
  }

  public boolean isBuilt() {
    return definition.has("build");
  }

  public JsonNode build() {
    return definition.path("build");
  }

  /** Published ports as {@code host:container} strings (the short syntax). */
  public List<String> ports() {
    List<String> ports = new ArrayList<>();
    definition.path("ports").forEach(port -> ports.add(port.asText()));
    return ports;
  }

  /** Published ports as Docker reads them once compose has substituted the variables. */
  public List<PublishedPort> publishedPorts(ComposeVariables variables) {
    return ports().stream().map(variables::resolve).map(PublishedPort::parse).toList();
  }

  /** The container port published on the given host port, if any, with no variable set. */
  public Optional<Integer> containerPortFor(int hostPort) {
    return publishedPorts(ComposeVariables.unset()).stream()
        .filter(port -> port.hostPort() == hostPort)
        .map(PublishedPort::containerPort)
        .findFirst();
  }

  public boolean hasHealthCheck() {
    JsonNode test = definition.path("healthcheck").path("test");
    return test.isArray() ? test.size() > 1 : !test.asText().isBlank();
  }

  public JsonNode healthCheck() {
    return definition.path("healthcheck");
  }

  /** depends_on as service name to condition; the short list form means service_started. */
  public Map<String, String> dependsOn() {
    Map<String, String> conditions = new LinkedHashMap<>();
    JsonNode dependsOn = definition.path("depends_on");
    if (dependsOn.isArray()) {
      dependsOn.forEach(name -> conditions.put(name.asText(), "service_started"));
    } else {
      dependsOn
          .properties()
          .forEach(
              entry ->
                  conditions.put(
                      entry.getKey(),
                      entry.getValue().path("condition").asText("service_started")));
    }
    return conditions;
  }

  /** The environment, from the map or the KEY=VALUE list form, before interpolation. */
  public Map<String, String> environment() {
    Map<String, String> environment = new LinkedHashMap<>();
    JsonNode node = definition.path("environment");
    if (node.isArray()) {
      node.forEach(
          entry -> {
            String[] parts = entry.asText().split("=", 2);
            environment.put(parts[0], parts.length == 2 ? parts[1] : "");
          });
    } else {
      node.properties()
          .forEach(entry -> environment.put(entry.getKey(), entry.getValue().asText()));
    }
    return environment;
  }

  /** Volume mounts in the short {@code source:target[:mode]} form. */
  public List<String> volumes() {
    List<String> volumes = new ArrayList<>();
    definition.path("volumes").forEach(volume -> volumes.add(volume.asText()));
    return volumes;
  }

  public List<VolumeMount> volumeMounts() {
    return volumes().stream().map(VolumeMount::parse).toList();
  }

  /** The mount source for a container path, e.g. {@code ./prometheus} for /etc/prometheus. */
  public Optional<String> volumeSourceFor(String containerPath) {
    return volumes().stream()
        .map(volume -> volume.split(":"))
        .filter(parts -> parts.length >= 2 && parts[1].equals(containerPath))
        .map(parts -> parts[0])
        .findFirst();
  }

  public List<String> command() {
    return strings(definition.path("command"));
  }

  public List<String> entrypoint() {
    return strings(definition.path("entrypoint"));
  }

  /** {@code mem_limit} before interpolation, if set. */
  public Optional<String> memoryLimit() {
    return text(definition.path("mem_limit"));
  }

  private static List<String> strings(JsonNode list) {
    List<String> strings = new ArrayList<>();
    list.forEach(item -> strings.add(item.asText()));
    return strings;
  }

  private static Optional<String> text(JsonNode node) {
    return node.isMissingNode() || node.isNull() ? Optional.empty() : Optional.of(node.asText());
  }
}
