package io.apex.temporal.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import io.apex.temporal.workflows.greeting.GreetingActivities;
import io.apex.temporal.workflows.ingestion.DocumentIngestionActivities;
import io.apex.temporal.workflows.ingestion.ScriptedActivities;
import org.junit.jupiter.api.Test;

class WorkflowCatalogTest {

  @Test
  void standardCatalogServesTheGreetingWorkflowAndActivityByTheirPythonTypeNames() {
    WorkflowCatalog catalog = WorkflowCatalog.standard();
    assertThat(catalog.workflowTypeNames()).containsExactly("GreetingWorkflow");
    assertThat(catalog.activityTypeNames()).containsExactly("greet_activity");
  }

  @Test
  void replacingActivitiesKeepsTheWorkflows() {
    GreetingActivities slow = name -> "slow " + name;
    WorkflowCatalog catalog = WorkflowCatalog.standard().withActivities(slow);
    assertThat(catalog.workflowTypes()).isEqualTo(WorkflowCatalog.standard().workflowTypes());
    assertThat(catalog.activities()).containsExactly(slow);
    assertThat(catalog.activityTypeNames()).containsExactly("greet_activity");
  }

  @Test
  void ingestionCatalogAddsTheIngestionAndDeletionWorkflowsAndTheGivenActivities() {
    DocumentIngestionActivities ingestion = new ScriptedActivities();
    WorkflowCatalog catalog = WorkflowCatalog.withIngestion(ingestion);
    assertThat(catalog.workflowTypeNames())
        .containsExactly(
            "GreetingWorkflow", "DocumentIngestionWorkflow", "DocumentDeletionWorkflow");
    assertThat(catalog.activityTypeNames())
        .containsExactlyInAnyOrder(
            "greet_activity",
            "stage_document",
            "parse_document",
            "extract_entities",
            "generate_embeddings",
            "write_document",
            "delete_written_version",
            "delete_document",
            "cleanup_staging");
  }
}
