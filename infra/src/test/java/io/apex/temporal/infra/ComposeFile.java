package io.apex.temporal.infra;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** infra/compose.yaml, parsed. */
public record ComposeFile(JsonNode tree) {

  public static ComposeFile read(Path file) {
    return new ComposeFile(YamlFiles.readYaml(file));
  }

  public List<ComposeService> services() {
    List<ComposeService> services = new ArrayList<>();
    tree.path("services")
        .properties()
        .forEach(entry -> services.add(new ComposeService(entry.getKey(), entry.getValue())));
    return services;
  }

  public ComposeService service(String name) {
    return services().stream()
        .filter(service -> service.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("compose.yaml has no service " + name));
  }

  public Set<String> namedVolumes() {
    Set<String> names = new TreeSet<>();
    tree.path("volumes").fieldNames().forEachRemaining(names::add);
    return names;
  }
}
