package io.apex.temporal.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Who can reach the compose stack: ports on loopback unless APEX_BIND_ADDRESS says otherwise, and
 * no start with a default password once it does. The exposure check's script runs here in a shell,
 * as its container would run it.
 */
@DisplayName(
    "Compose stack exposure: loopback ports, default passwords refused beyond them (no Docker engine needed)")
class ComposeExposureTest {
  private static final InfraFiles FILES = InfraFiles.locate();
  private static final ComposeFile COMPOSE = ComposeFile.read(FILES.compose());
  private static final ExposureCheck CHECK = ExposureCheck.of(COMPOSE);
  private static final String BIND = "APEX_BIND_ADDRESS";

  /**
   * Every port of the specification's port table, PostgreSQL's and the server metrics' included.
   */
  private static final int PUBLISHED_PORTS = 7;

  @Test
  void everyPortIsPublishedOnLoopbackWhenNothingIsSet() {
    List<PublishedPort> ports = allPublishedPorts(ComposeVariables.unset());
    assertThat(ports).hasSize(PUBLISHED_PORTS);
    assertThat(ports)
        .allSatisfy(
            port ->
                assertThat(port.hostIp())
                    .as("host IP of host port " + port.hostPort())
                    .isEqualTo("127.0.0.1"));
  }

  @Test
  void oneVariableOpensEveryPortWider() {
    for (String address : List.of("0.0.0.0", "192.168.1.20")) {
      List<PublishedPort> ports = allPublishedPorts(new ComposeVariables(Map.of(BIND, address)));
      assertThat(ports).hasSize(PUBLISHED_PORTS);
      assertThat(ports)
          .allSatisfy(
              port ->
                  assertThat(port.hostIp())
                      .as("host IP of host port " + port.hostPort())
                      .isEqualTo(address));
    }
  }

  @Test
  void exposureCheckJudgesTheAddressThePortsArePublishedOn() {
    String checked = CHECK.service().environment().get(BIND);
    for (ComposeVariables variables :
        List.of(ComposeVariables.unset(), new ComposeVariables(Map.of(BIND, "0.0.0.0")))) {
      Set<String> published = new TreeSet<>();
      allPublishedPorts(variables).forEach(port -> published.add(port.hostIp()));
      assertThat(published).containsExactly(variables.resolve(checked));
    }
  }

  @Test
  void everyServiceThatPublishesAPortStartsOnlyAfterTheExposureCheckSucceeded() {
    ComposeService check = CHECK.service();
    assertThat(check.ports()).isEmpty();
    assertThat(check.definition().path("restart").asText()).isEqualTo("no");
    assertThat(check.definition().path("network_mode").asText()).isEqualTo("none");
    for (ComposeService service : COMPOSE.services()) {
      if (!service.ports().isEmpty()) {
        assertThat(dependenciesOf(service.name()))
            .as(service.name() + " waits for")
            .contains(ExposureCheck.SERVICE);
      }
      if (service.dependsOn().containsKey(ExposureCheck.SERVICE)) {
        assertThat(service.dependsOn().get(ExposureCheck.SERVICE))
            .as(service.name())
            .isEqualTo("service_completed_successfully");
      }
    }
  }

  @Test
  void loopbackStackStartsWithTheDefaultPasswords() {
    ExposureCheck.Result result = CHECK.run(ComposeVariables.unset());
    assertThat(result.allowsStart()).as(result.output()).isTrue();
    assertThat(CHECK.run(new ComposeVariables(Map.of(BIND, "127.0.0.1"))).allowsStart()).isTrue();
  }

  @Test
  void widerBindingWithBothDefaultPasswordsIsRefusedNamingBoth() {
    ExposureCheck.Result result = CHECK.run(new ComposeVariables(Map.of(BIND, "0.0.0.0")));
    assertThat(result.allowsStart()).as(result.output()).isFalse();
    assertThat(result.output()).contains("POSTGRES_PASSWORD", "GRAFANA_ADMIN_PASSWORD", "0.0.0.0");
  }

  @Test
  void widerBindingIsRefusedWhileEitherPasswordIsTheDefault() {
    ExposureCheck.Result grafanaDefault =
        CHECK.run(
            new ComposeVariables(Map.of(BIND, "192.168.1.20", "POSTGRES_PASSWORD", "a-real-one")));
    assertThat(grafanaDefault.allowsStart()).as(grafanaDefault.output()).isFalse();
    assertThat(grafanaDefault.output())
        .contains("GRAFANA_ADMIN_PASSWORD")
        .doesNotContain("POSTGRES_PASSWORD");

    ExposureCheck.Result postgresDefault =
        CHECK.run(
            new ComposeVariables(
                Map.of(BIND, "192.168.1.20", "GRAFANA_ADMIN_PASSWORD", "a-real-one")));
    assertThat(postgresDefault.allowsStart()).as(postgresDefault.output()).isFalse();
    assertThat(postgresDefault.output())
        .contains("POSTGRES_PASSWORD")
        .doesNotContain("GRAFANA_ADMIN_PASSWORD");

    // The default typed out, or left empty (compose's :- then supplies it), is still the default.
    for (String postgres : List.of("temporal", "")) {
      ExposureCheck.Result result =
          CHECK.run(
              new ComposeVariables(
                  Map.of(
                      BIND,
                      "0.0.0.0",
                      "POSTGRES_PASSWORD",
                      postgres,
                      "GRAFANA_ADMIN_PASSWORD",
                      "a-real-one")));
      assertThat(result.allowsStart())
          .as("POSTGRES_PASSWORD='" + postgres + "': " + result.output())
          .isFalse();
    }
  }

  @Test
  void widerBindingStartsOnceBothPasswordsAreChanged() {
    ExposureCheck.Result result =
        CHECK.run(
            new ComposeVariables(
                Map.of(
                    BIND,
                    "0.0.0.0",
                    "POSTGRES_PASSWORD",
                    "pg-secret",
                    "GRAFANA_ADMIN_PASSWORD",
                    "gf-secret")));
    assertThat(result.allowsStart()).as(result.output()).isTrue();
  }

  @Test
  void checkRefusesExactlyTheDefaultsTheServicesFallBackTo() {
    Map<String, String> check = CHECK.service().environment();
    ComposeVariables unset = ComposeVariables.unset();
    String postgresDefault = unset.resolve(check.get("POSTGRES_PASSWORD"));
    String grafanaDefault = unset.resolve(check.get("GRAFANA_ADMIN_PASSWORD"));
    assertThat(unset.resolve(COMPOSE.service("postgresql").environment().get("POSTGRES_PASSWORD")))
        .isEqualTo(postgresDefault);
    assertThat(unset.resolve(COMPOSE.service("temporal").environment().get("POSTGRES_PWD")))
        .isEqualTo(postgresDefault);
    assertThat(
            unset.resolve(
                COMPOSE.service("grafana").environment().get("GF_SECURITY_ADMIN_PASSWORD")))
        .isEqualTo(grafanaDefault);
    assertThat(ComposeVariables.readsVariable(check.get("POSTGRES_PASSWORD"), "POSTGRES_PASSWORD"))
        .isTrue();
    assertThat(
            ComposeVariables.readsVariable(
                check.get("GRAFANA_ADMIN_PASSWORD"), "GRAFANA_ADMIN_PASSWORD"))
        .isTrue();
  }

  @Test
  void passwordFileBesideTheComposeFileIsIgnoredByGit() throws IOException {
    List<String> ignored =
        Files.readAllLines(FILES.repositoryRoot().resolve(".gitignore")).stream()
            .map(String::strip)
            .toList();
    assertThat(ignored).containsAnyOf("/infra/.env", "infra/.env");
  }

  private static List<PublishedPort> allPublishedPorts(ComposeVariables variables) {
    return COMPOSE.services().stream()
        .flatMap(service -> service.publishedPorts(variables).stream())
        .toList();
  }

  /** Every service the named one waits for, directly or through others. */
  private static Set<String> dependenciesOf(String name) {
    Set<String> seen = new TreeSet<>();
    Deque<String> pending = new ArrayDeque<>(List.of(name));
    Map<String, ComposeService> services = new HashMap<>();
    COMPOSE.services().forEach(service -> services.put(service.name(), service));
    while (!pending.isEmpty()) {
      for (String dependency : services.get(pending.pop()).dependsOn().keySet()) {
        if (seen.add(dependency)) {
          pending.push(dependency);
        }
      }
    }
    return seen;
  }
}
