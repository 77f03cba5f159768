package io.apex.temporal.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Grafana dashboard files, read as Grafana's provisioning reads them")
class DashboardFilesTest {
  private static final InfraFiles FILES = InfraFiles.locate();
  private static final List<Dashboard> DASHBOARDS =
      List.of(
          Dashboard.read(FILES.dashboard("temporal-sdk.json")),
          Dashboard.read(FILES.dashboard("temporal-server.json")),
          Dashboard.read(FILES.dashboard("apex-ingestion.json")));

  @Test
  void dashboardsHaveFixedUidsSoLinksBetweenThemHold() {
    assertThat(DASHBOARDS)
        .extracting(Dashboard::uid)
        .containsExactly("apex-temporal-sdk", "apex-temporal-server", "apex-ingestion");
  }

  @Test
  void everyDashboardLinksToTheOtherTwo() {
    for (Dashboard dashboard : DASHBOARDS) {
      List<String> others =
          DASHBOARDS.stream()
              .filter(other -> other != dashboard)
              .map(other -> "/d/" + other.uid())
              .toList();
      List<String> links = new java.util.ArrayList<>();
      dashboard.tree().path("links").forEach(link -> links.add(link.path("url").asText()));
      assertThat(links).as(dashboard.title()).containsAll(others);
    }
  }

  @Test
  void everyDashboardOffersDataSourceNamespaceAndTaskQueueVariables() {
    for (Dashboard dashboard : DASHBOARDS) {
      assertThat(dashboard.variables())
          .as(dashboard.title())
          .extracting(TemplateVariable::name)
          .contains("datasource", "namespace", "task_queue");
      TemplateVariable datasource = dashboard.variables().get(0);
      assertThat(datasource.type()).isEqualTo("datasource");
      assertThat(dashboard.tree().path("templating").path("list").get(0).path("query").asText())
          .isEqualTo("prometheus");
    }
  }

  @Test
  void everyPanelQueriesTheSelectedDataSource() {
    for (Dashboard dashboard : DASHBOARDS) {
      for (Panel panel : dashboard.panels()) {
        assertThat(panel.datasourceUid()).as(panel.title()).isEqualTo("${datasource}");
      }
      dashboard
          .tree()
          .path("panels")
          .forEach(
              panel ->
                  panel
                      .path("targets")
                      .forEach(
                          target ->
                              assertThat(target.path("datasource").path("uid").asText())
                                  .as(panel.path("title").asText())
                                  .isEqualTo("${datasource}")));
    }
  }

  @Test
  void everyPanelHasATitleADescriptionAndAtLeastOneQuery() {
    for (Dashboard dashboard : DASHBOARDS) {
      for (Panel panel : dashboard.panels()) {
        assertThat(panel.title()).isNotBlank();
        assertThat(panel.queries())
            .as(panel.title())
            .isNotEmpty()
            .allSatisfy(query -> assertThat(query.expr()).isNotBlank());
      }
      dashboard
          .tree()
          .path("panels")
          .forEach(
              panel -> {
                if (!"row".equals(panel.path("type").asText())) {
                  assertThat(panel.path("description").asText())
                      .as(panel.path("title").asText())
                      .isNotBlank();
                }
              });
    }
  }

  @Test
  void panelIdsAndTitlesAreUniqueWithinADashboard() {
    for (Dashboard dashboard : DASHBOARDS) {
      Set<Integer> ids = new HashSet<>();
      Set<String> titles = new HashSet<>();
      for (Panel panel : dashboard.panels()) {
        assertThat(ids.add(panel.id())).as("id " + panel.id()).isTrue();
        assertThat(titles.add(panel.title())).as(panel.title()).isTrue();
      }
    }
  }

  @Test
  void sdkDashboardCoversWhatTheIssueAsksFor() {
    assertThat(DASHBOARDS.get(0).panels())
        .extracting(Panel::title)
        .contains(
            "Workflow outcomes",
            "Workflow end-to-end latency",
            "Workflow task schedule-to-start latency",
            "Workflow task execution latency",
            "Activity schedule-to-start latency",
            "Activity execution latency",
            "Activity throughput",
            "Activity failures",
            "Task slots used and available",
            "Pollers",
            "Sticky cache hits and forced evictions",
            "RPC failures");
  }

  @Test
  void serverDashboardCoversWhatTheIssueAsksFor() {
    assertThat(DASHBOARDS.get(1).panels())
        .extracting(Panel::title)
        .contains(
            "Requests by operation",
            "Errors by operation and type",
            "Request latency by operation",
            "Persistence latency by operation",
            "Workflows closed by outcome",
            "Polls that received a task",
            "Task schedule-to-start latency");
  }

  @Test
  void ingestionDashboardCoversWhatTheIssueAsksFor() {
    Dashboard ingestion = DASHBOARDS.get(2);
    assertThat(ingestion.title()).isEqualTo("Apex ingestion");
    assertThat(ingestion.variables())
        .extracting(TemplateVariable::name)
        .containsExactly("datasource", "namespace", "task_queue", "source", "instance");
    assertThat(ingestion.panels())
        .extracting(Panel::title)
        .containsExactly(
            "Documents by outcome",
            "Document failure ratio",
            "Failed documents by reason",
            "Document duration",
            "Compensations",
            "Documents in flight",
            "Chunks and entities per document",
            "Bytes ingested",
            "Embedding batches",
            "Step duration",
            "Step attempts by outcome",
            "Store write latency",
            "Store errors",
            "API requests by route and status",
            "API latency",
            "API refusals and failures");
  }
}
