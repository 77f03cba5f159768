package io.apex.temporal.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The compose file and the files it mounts, read as an operator's Docker would read them. */
@DisplayName("Compose stack, parsed (no Docker engine needed)")
class ComposeStackTest {
  private static final InfraFiles FILES = InfraFiles.locate();
  private static final ComposeFile COMPOSE = ComposeFile.read(FILES.compose());

  /** A tag that names one release: digits and dots, optionally a suffix, never a moving alias. */
  private static final Pattern PINNED_IMAGE =
      Pattern.compile("[a-z0-9./-]+:v?\\d+\\.\\d+(\\.\\d+)?[A-Za-z0-9._-]*");

  @Test
  void everyImageIsPinnedToAReleaseTag() {
    for (ComposeService service : COMPOSE.services()) {
      String image =
          service.image().orElseThrow(() -> new AssertionError(service.name() + " has no image"));
      assertThat(image).as(service.name()).matches(PINNED_IMAGE).doesNotContain(":latest");
    }
  }

  @Test
  void imagesAreTheOnesTheSpecificationNames() {
    assertThat(COMPOSE.service("postgresql").image())
        .hasValueSatisfying(image -> assertThat(image).startsWith("postgres:16."));
    assertThat(COMPOSE.service("temporal").image())
        .hasValueSatisfying(
            image -> assertThat(image).matches("temporalio/auto-setup:1\\.28\\.\\d+"));
    assertThat(COMPOSE.service("temporal-ui").image()).contains("temporalio/ui:2.38.0");
    assertThat(COMPOSE.service("temporal-admin-tools").image())
        .hasValueSatisfying(image -> assertThat(image).startsWith("temporalio/admin-tools:1.28."));
  }

  @Test
  void hostPortsAreThoseOfTheSpecificationsPortTable() {
    Map<String, Map<Integer, Integer>> expected =
        Map.of(
            "postgresql", Map.of(5433, 5432),
            "temporal", Map.of(7233, 7233, 8077, 8077),
            "temporal-ui", Map.of(8088, 8080),
            "worker", Map.of(8078, 8078),
            "prometheus", Map.of(9090, 9090),
            "grafana", Map.of(3000, 3000));
    expected.forEach(
        (name, ports) -> {
          ComposeService service = COMPOSE.service(name);
          assertThat(service.ports()).as(name).hasSize(ports.size());
          ports.forEach(
              (host, container) ->
                  assertThat(service.containerPortFor(host))
                      .as(name + " host port " + host)
                      .contains(container));
        });
    assertThat(COMPOSE.service("temporal-admin-tools").ports()).isEmpty();
    assertThat(COMPOSE.service(ExposureCheck.SERVICE).ports()).isEmpty();
  }

  @Test
  void everyLongRunningServiceHasAHealthCheck() {
    for (ComposeService service : COMPOSE.services()) {
      if (service.name().equals("temporal-admin-tools")
          || service.name().equals(ExposureCheck.SERVICE)) {
        continue; // a toolbox for `docker compose exec`, and a check that runs once and exits
      }
      assertThat(service.hasHealthCheck()).as(service.name() + " healthcheck").isTrue();
      assertThat(service.healthCheck().path("interval").asText()).as(service.name()).isNotBlank();
      assertThat(service.healthCheck().path("retries").asInt()).as(service.name()).isPositive();
    }
  }

  @Test
  void postgresqlHealthIsPgIsready() {
    assertThat(COMPOSE.service("postgresql").healthCheck().path("test").toString())
        .contains("pg_isready -U temporal -d temporal");
  }

  @Test
  void servicesStartOnlyOnceWhatTheyNeedIsHealthy() {
    assertThat(COMPOSE.service("temporal").dependsOn())
        .containsEntry("postgresql", "service_healthy");
    assertThat(COMPOSE.service("worker").dependsOn()).containsEntry("temporal", "service_healthy");
    assertThat(COMPOSE.service("temporal-ui").dependsOn())
        .containsEntry("temporal", "service_healthy");
    assertThat(COMPOSE.service("temporal-admin-tools").dependsOn())
        .containsEntry("temporal", "service_healthy");
    assertThat(COMPOSE.service("grafana").dependsOn())
        .containsEntry("prometheus", "service_healthy");
    for (ComposeService service : COMPOSE.services()) {
      service
          .dependsOn()
          .forEach(
              (dependency, condition) -> {
                if (dependency.equals(ExposureCheck.SERVICE)) {
                  return; // a one-shot check, waited for until it exits 0 (ComposeExposureTest)
                }
                assertThat(condition)
                    .as(service.name() + " -> " + dependency)
                    .isEqualTo("service_healthy");
                assertThat(COMPOSE.service(dependency).hasHealthCheck())
                    .as(dependency + " has a health check for " + service.name() + " to wait on")
                    .isTrue();
              });
    }
  }

  @Test
  void postgresqlIsTheSpecifiedDatabaseAndUser() {
    Map<String, String> environment = COMPOSE.service("postgresql").environment();
    ComposeVariables unset = ComposeVariables.unset();
    assertThat(unset.resolve(environment.get("POSTGRES_USER"))).isEqualTo("temporal");
    assertThat(unset.resolve(environment.get("POSTGRES_DB"))).isEqualTo("temporal");
    assertThat(unset.resolve(environment.get("POSTGRES_PASSWORD"))).isEqualTo("temporal");
  }

  @Test
  void passwordsComeFromTheEnvironmentWithDocumentedLocalDefaults() {
    String grafana = COMPOSE.service("grafana").environment().get("GF_SECURITY_ADMIN_PASSWORD");
    assertThat(ComposeVariables.readsVariable(grafana, "GRAFANA_ADMIN_PASSWORD"))
        .as(grafana)
        .isTrue();
    assertThat(ComposeVariables.unset().resolve(grafana)).isEqualTo("admin");
    assertThat(new ComposeVariables(Map.of("GRAFANA_ADMIN_PASSWORD", "s3cret")).resolve(grafana))
        .isEqualTo("s3cret");

    for (String password :
        List.of(
            COMPOSE.service("postgresql").environment().get("POSTGRES_PASSWORD"),
            COMPOSE.service("temporal").environment().get("POSTGRES_PWD"))) {
      assertThat(ComposeVariables.readsVariable(password, "POSTGRES_PASSWORD"))
          .as(password)
          .isTrue();
    }
  }

  @Test
  void noServiceCarriesALiteralSecret() {
    for (ComposeService service : COMPOSE.services()) {
      service
          .environment()
          .forEach(
              (name, value) -> {
                if (name.matches(".*(PASSWORD|PWD|SECRET|TOKEN|API_KEY).*")) {
                  assertThat(value).as(service.name() + " " + name).startsWith("${");
                }
              });
    }
  }

  @Test
  void temporalServesMetricsOn8077AndReadsTheMountedDynamicConfig() {
    ComposeService temporal = COMPOSE.service("temporal");
    assertThat(temporal.environment()).containsEntry("PROMETHEUS_ENDPOINT", "0.0.0.0:8077");
    String configPath = temporal.environment().get("DYNAMIC_CONFIG_FILE_PATH");
    assertThat(configPath).isEqualTo("config/dynamicconfig/development.yaml");
    // The image's working directory is /etc/temporal, where the relative path is resolved.
    assertThat(temporal.volumeSourceFor("/etc/temporal/config/dynamicconfig"))
        .contains("./temporal/dynamicconfig");
    assertThat(FILES.root().resolve("temporal/dynamicconfig/development.yaml"))
        .isEqualTo(FILES.dynamicConfig());
  }

  @Test
  void dynamicConfigIsAMapOfConstrainedValues() {
    JsonNode config = YamlFiles.readYaml(FILES.dynamicConfig());
    assertThat(config.isObject()).isTrue();
    config
        .properties()
        .forEach(
            entry -> {
              assertThat(entry.getValue().isArray()).as(entry.getKey()).isTrue();
              entry
                  .getValue()
                  .forEach(value -> assertThat(value.has("value")).as(entry.getKey()).isTrue());
            });
  }

  @Test
  void idLimitIsTheWidthOfThePostgresqlSchemasIdColumns() {
    // Not the server default of 1000: the stack's PostgreSQL schema stores IDs in VARCHAR(255),
    // and a longer ID the frontend let through would fail at the database instead (see the file).
    JsonNode values = YamlFiles.readYaml(FILES.dynamicConfig()).path("limit.maxIDLength");
    assertThat(values.size()).isEqualTo(1);
    assertThat(values.get(0).path("value").asInt()).isEqualTo(255);
    assertThat(values.get(0).path("constraints").isObject()).isTrue();
    assertThat(values.get(0).path("constraints").size())
        .as("global: the key has no filters")
        .isZero();
  }

  @Test
  void uiKeepsItsCsrfCookieOverPlainHttpAndAllowsItsOwnOrigin() {
    ComposeService ui = COMPOSE.service("temporal-ui");
    Map<String, String> environment = ui.environment();
    assertThat(environment).containsEntry("TEMPORAL_CSRF_COOKIE_INSECURE", "true");
    int containerPort = Integer.parseInt(environment.get("TEMPORAL_UI_PORT"));
    int hostPort =
        ui.publishedPorts(ComposeVariables.unset()).stream()
            .filter(port -> port.containerPort() == containerPort)
            .findFirst()
            .orElseThrow()
            .hostPort();
    assertThat(hostPort).isEqualTo(8088);
    assertThat(environment.get("TEMPORAL_CORS_ORIGINS").split(","))
        .containsExactlyInAnyOrder("http://localhost:" + hostPort, "http://127.0.0.1:" + hostPort);
  }

  @Test
  void uiHealthCheckAsksTheUiServersHealthEndpoint() {
    ComposeService ui = COMPOSE.service("temporal-ui");
    String port = ui.environment().get("TEMPORAL_UI_PORT");
    assertThat(ui.healthCheck().path("test").toString())
        .contains("\"http://127.0.0.1:" + port + "/healthz\"");
  }

  @Test
  void noServiceSetsTheDeprecatedCliAddressVariable() {
    for (ComposeService service : COMPOSE.services()) {
      assertThat(service.environment())
          .as(service.name())
          .doesNotContainKey("TEMPORAL_CLI_ADDRESS");
    }
    assertThat(COMPOSE.service("temporal-admin-tools").environment())
        .containsEntry("TEMPORAL_ADDRESS", "temporal:7233");
  }

  @Test
  void everyBindMountIsReadOnlyAndLabelledForSelinux() {
    List<String> bindMounts =
        COMPOSE.services().stream()
            .flatMap(
                service ->
                    service.volumeMounts().stream()
                        .filter(VolumeMount::isBindMount)
                        .peek(
                            mount -> {
                              assertThat(mount.isReadOnly())
                                  .as(service.name() + " " + mount)
                                  .isTrue();
                              assertThat(mount.hasSelinuxLabel())
                                  .as(service.name() + " " + mount)
                                  .isTrue();
                            })
                        .map(mount -> service.name() + " " + mount.source()))
            .toList();
    assertThat(bindMounts).as("the configuration folders the stack mounts").hasSize(4);
  }

  @Test
  void workerJvmExitsOnOutOfMemoryWithinALimitedContainer() throws IOException {
    String dockerfile = Files.readString(FILES.dockerfile());
    String entrypoint =
        Pattern.compile("(?m)^ENTRYPOINT\\s+(\\[.*])\\s*$")
            .matcher(dockerfile)
            .results()
            .map(match -> match.group(1))
            .reduce((first, last) -> last)
            .orElseThrow();
    List<String> command = new ArrayList<>();
    YamlFiles.parseJson(entrypoint).forEach(argument -> command.add(argument.asText()));
    assertThat(command.subList(0, command.indexOf("-jar")))
        .contains("-XX:+ExitOnOutOfMemoryError", "-XX:MaxRAMPercentage=75");

    String limit =
        COMPOSE
            .service("worker")
            .memoryLimit()
            .orElseThrow(() -> new AssertionError("the worker service has no mem_limit"));
    // The embedding model, Tika and the search index live in the worker now.
    assertThat(ComposeVariables.unset().resolve(limit)).isEqualTo("2g");
    assertThat(new ComposeVariables(Map.of("APEX_WORKER_MEMORY", "3g")).resolve(limit))
        .isEqualTo("3g");
  }

  @Test
  void ingestionStoreIsThePgvectorAppDatabaseOnItsOwnVolumeReachableOnlyByTheWorker() {
    ComposeService appDb = COMPOSE.service("app-db");
    assertThat(appDb.image().orElseThrow())
        .startsWith("pgvector/pgvector:")
        .doesNotEndWith(":latest");
    assertThat(appDb.volumeSourceFor("/var/lib/postgresql/data")).contains("app-db-data");
    assertThat(exposedContainerPorts("app-db")).isEmpty();
    ComposeService worker = COMPOSE.service("worker");
    assertThat(worker.dependsOn()).containsEntry("app-db", "service_healthy");
    assertThat(worker.environment())
        .containsEntry("APEX_STORE_JDBC_URL", "jdbc:postgresql://app-db:5432/apex")
        .containsEntry("APEX_STORE_USER", "apex")
        .containsEntry("APEX_DATA_DIR", "/var/lib/apex");
    assertThat(ComposeVariables.unset().resolve(worker.environment().get("APEX_STORE_PASSWORD")))
        .isEqualTo(ComposeVariables.unset().resolve(appDb.environment().get("POSTGRES_PASSWORD")));
  }

  @Test
  void dockerfileBuildsEveryModuleOfTheWorkersBuildFromItsSources() throws IOException {
    String dockerfile = Files.readString(FILES.dockerfile());
    MavenReactor reactor = MavenReactor.read(FILES.repositoryRoot());
    for (String module : reactor.modules()) {
      assertThat(dockerfile)
          .as("the parent lists " + module + ", so Maven reads its pom")
          .containsPattern("(?m)^COPY " + Pattern.quote(module + "/pom.xml") + " ");
    }
    Set<String> built = reactor.alsoMake("apex-worker");
    assertThat(built).contains("apex-worker", "apex-config", "apex-workflows", "apex-testkit");
    for (String module : built) {
      assertThat(dockerfile)
          .as(module + " is compiled for apex-worker (-am)")
          .containsPattern("(?m)^COPY " + Pattern.quote(module + "/src") + " ");
    }
  }

  @Test
  void workerIsBuiltFromTheRepositoryDockerfileAndTalksToTheComposeServer() throws IOException {
    ComposeService worker = COMPOSE.service("worker");
    assertThat(worker.isBuilt()).isTrue();
    assertThat(worker.build().path("context").asText()).isEqualTo("..");
    assertThat(worker.build().path("dockerfile").asText()).isEqualTo("Dockerfile");
    assertThat(worker.environment())
        .containsEntry("TEMPORAL_HOST", "temporal")
        .containsEntry("TEMPORAL_PORT", "7233")
        .containsEntry("TEMPORAL_METRICS_PORT", "8078")
        .containsEntry("TEMPORAL_EMBEDDED_SERVER", "never");
    assertThat(worker.healthCheck().path("test").toString())
        .contains("http://127.0.0.1:8078/readyz");

    String dockerfile = Files.readString(FILES.dockerfile());
    List<String> baseImages =
        Pattern.compile("(?m)^FROM\\s+(\\S+)")
            .matcher(dockerfile)
            .results()
            .map(match -> match.group(1))
            .toList();
    assertThat(baseImages).as("multi-stage: a Maven build, then a JRE").hasSize(2);
    assertThat(baseImages.get(0)).startsWith("maven:3.9.").contains("temurin-17");
    assertThat(baseImages.get(1)).startsWith("eclipse-temurin:17.").endsWith("-jre");
    baseImages.forEach(image -> assertThat(image).matches(PINNED_IMAGE));
    assertThat(dockerfile).contains("apex-worker/target/apex-worker-0.1.0-SNAPSHOT-all.jar");
    assertThat(dockerfile).contains("EXPOSE 8078");
  }

  @Test
  void scrapeJobsRunEvery15sWithA10sTimeout() {
    PrometheusConfig config = PrometheusConfig.read(FILES.prometheusConfig());
    assertThat(config.jobNames()).containsExactlyInAnyOrder("temporal-server", "apex-worker");
    for (ScrapeJob job : config.jobs()) {
      assertThat(job.interval()).as(job.name()).isEqualTo("15s");
      assertThat(job.timeout()).as(job.name()).isEqualTo("10s");
      assertThat(job.metricsPath()).as(job.name()).isEqualTo("/metrics");
    }
  }

  @Test
  void prometheusReachesTheWorkerAndTheServerByTheirComposeServiceNamesAndPorts() {
    PrometheusConfig config = PrometheusConfig.read(FILES.prometheusConfig());
    assertThat(config.job("apex-worker").orElseThrow().targets()).containsExactly("worker:8078");
    assertThat(config.job("temporal-server").orElseThrow().targets())
        .containsExactly("temporal:8077");
    assertThat(exposedContainerPorts("worker")).contains(8078);
    assertThat(exposedContainerPorts("temporal")).contains(8077);
    assertThat(COMPOSE.service("worker").environment())
        .containsEntry("TEMPORAL_METRICS_PORT", "8078")
        // The worker's endpoint listens on loopback unless told otherwise; in its container
        // Prometheus and the published port reach it from outside.
        .containsEntry("TEMPORAL_METRICS_BIND_ADDRESS", "0.0.0.0");
  }

  @Test
  void prometheusLoadsTheComposeConfigurationByDefaultFromTheMountedFolder() {
    ComposeService prometheus = COMPOSE.service("prometheus");
    assertThat(prometheus.volumeSourceFor("/etc/prometheus")).contains("./prometheus");
    assertThat(prometheus.command())
        .extracting(ComposeVariables.unset()::resolve)
        .contains("--config.file=/etc/prometheus/prometheus.yml");
    assertThat(prometheus.command())
        .extracting(
            new ComposeVariables(Map.of("PROMETHEUS_CONFIG", "prometheus.host.yml"))::resolve)
        .contains("--config.file=/etc/prometheus/prometheus.host.yml");
  }

  @Test
  void hostConfigurationDiffersOnlyInWhereTheWorkerIs() {
    PrometheusConfig compose = PrometheusConfig.read(FILES.prometheusConfig());
    PrometheusConfig host = PrometheusConfig.read(FILES.prometheusHostConfig());
    assertThat(host.global()).isEqualTo(compose.global());
    assertThat(host.ruleFiles()).isEqualTo(compose.ruleFiles());
    assertThat(host.jobs())
        .usingRecursiveFieldByFieldElementComparatorIgnoringFields("targets")
        .isEqualTo(compose.jobs());
    assertThat(host.job("temporal-server").orElseThrow().targets())
        .containsExactly("temporal:8077");
    assertThat(host.job("apex-worker").orElseThrow().targets())
        .containsExactly("host.docker.internal:8078");
    assertThat(COMPOSE.service("prometheus").definition().path("extra_hosts").toString())
        .contains("host.docker.internal:host-gateway");
  }

  @Test
  void grafanaIsProvisionedWithTheComposePrometheusAndTheDashboards() {
    ComposeService grafana = COMPOSE.service("grafana");
    assertThat(grafana.volumeSourceFor("/etc/grafana/provisioning"))
        .contains("./grafana/provisioning");
    JsonNode datasource = YamlFiles.readYaml(FILES.grafanaDatasources()).path("datasources").get(0);
    assertThat(datasource.path("type").asText()).isEqualTo("prometheus");
    assertThat(datasource.path("url").asText()).isEqualTo("http://prometheus:9090");
    assertThat(datasource.path("jsonData").path("timeInterval").asText()).isEqualTo("15s");

    JsonNode provider =
        YamlFiles.readYaml(FILES.grafanaDashboardProviders()).path("providers").get(0);
    String dashboardsPath = provider.path("options").path("path").asText();
    assertThat(grafana.volumeSourceFor(dashboardsPath)).contains("./grafana/dashboards");
    assertThat(FILES.dashboard("temporal-sdk.json")).exists();
    assertThat(FILES.dashboard("temporal-server.json")).exists();
    assertThat(grafana.environment().get("GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH"))
        .isEqualTo(dashboardsPath + "/temporal-sdk.json");
  }

  @Test
  void everyNamedVolumeIsDeclaredAndStateIsKeptInOne() {
    for (ComposeService service : COMPOSE.services()) {
      for (String volume : service.volumes()) {
        String source = ComposeVariables.unset().resolve(volume).split(":")[0];
        if (!source.startsWith(".") && !source.startsWith("/")) {
          assertThat(COMPOSE.namedVolumes()).as(service.name() + " " + volume).contains(source);
        }
      }
    }
    assertThat(COMPOSE.service("postgresql").volumeSourceFor("/var/lib/postgresql/data"))
        .contains("postgresql-data");
    assertThat(COMPOSE.service("prometheus").volumeSourceFor("/prometheus"))
        .contains("prometheus-data");
    assertThat(COMPOSE.service("grafana").volumeSourceFor("/var/lib/grafana"))
        .contains("grafana-data");
  }

  @Test
  void everyFileTheStackMountsExists() {
    for (ComposeService service : COMPOSE.services()) {
      for (String volume : service.volumes()) {
        String source = volume.split(":")[0];
        if (source.startsWith("./")) {
          assertThat(FILES.root().resolve(source))
              .as(service.name() + " mounts " + source)
              .exists();
        }
      }
    }
  }

  private static List<Integer> exposedContainerPorts(String service) {
    return COMPOSE.service(service).ports().stream()
        .map(port -> Integer.parseInt(port.substring(port.lastIndexOf(':') + 1)))
        .toList();
  }
}
