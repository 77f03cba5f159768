package io.apex.temporal.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where the files an operator deploys live: the {@code infra/} folder of the checkout. */
public record InfraFiles(Path root) {

  /** The folder Maven passes as {@code apex.infra.dir}, or the working directory (an IDE run). */
  public static InfraFiles locate() {
    String configured = System.getProperty("apex.infra.dir", "");
    Path root = configured.isBlank() ? Path.of("").toAbsolutePath() : Path.of(configured);
    if (!Files.isRegularFile(root.resolve("compose.yaml"))) {
      throw new IllegalStateException("no compose.yaml in " + root + "; run from infra/");
    }
    return new InfraFiles(root.toAbsolutePath().normalize());
  }

  public Path compose() {
    return root.resolve("compose.yaml");
  }

  public Path repositoryRoot() {
    return root.getParent();
  }

  public Path dockerfile() {
    return repositoryRoot().resolve("Dockerfile");
  }

  public Path prometheusConfig() {
    return root.resolve("prometheus/prometheus.yml");
  }

  /** The variant for a worker running on the host rather than in compose. */
  public Path prometheusHostConfig() {
    return root.resolve("prometheus/prometheus.host.yml");
  }

  public Path rulesDirectory() {
    return root.resolve("prometheus/rules");
  }

  public List<Path> ruleFiles() {
    return yamlFilesIn(rulesDirectory());
  }

  public List<Path> ruleTestFiles() {
    return yamlFilesIn(root.resolve("prometheus/tests"));
  }

  public Path dynamicConfig() {
    return root.resolve("temporal/dynamicconfig/development.yaml");
  }

  public Path grafanaDatasources() {
    return root.resolve("grafana/provisioning/datasources/prometheus.yml");
  }

  public Path grafanaDashboardProviders() {
    return root.resolve("grafana/provisioning/dashboards/apex-temporal.yml");
  }

  public Path dashboard(String fileName) {
    return root.resolve("grafana/dashboards").resolve(fileName);
  }

  private static List<Path> yamlFilesIn(Path directory) {
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(file -> file.getFileName().toString().endsWith(".yml")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
