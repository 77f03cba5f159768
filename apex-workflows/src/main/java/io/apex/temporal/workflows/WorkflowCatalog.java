package io.apex.temporal.workflows;

import io.apex.temporal.workflows.ingestion.DocumentIngestionActivities;
import io.apex.temporal.workflows.internal.greeting.GreetingActivitiesImpl;
import io.apex.temporal.workflows.internal.greeting.GreetingWorkflowImpl;
import io.apex.temporal.workflows.internal.ingestion.DocumentDeletionWorkflowImpl;
import io.apex.temporal.workflows.internal.ingestion.DocumentIngestionWorkflowImpl;
import io.apex.temporal.workflows.internal.input.StrictInputDataConverter;
import io.temporal.common.converter.DataConverterException;
import io.temporal.common.metadata.POJOActivityImplMetadata;
import io.temporal.common.metadata.POJOActivityMethodMetadata;
import io.temporal.common.metadata.POJOWorkflowImplMetadata;
import io.temporal.common.metadata.POJOWorkflowMethodMetadata;
import io.temporal.worker.WorkflowImplementationOptions;
import java.util.List;

/**
 * What a worker registers: every workflow implementation type and every activity implementation. A
 * new workflow is added here, and every worker picks it up.
 */
public record WorkflowCatalog(List<Class<?>> workflowTypes, List<Object> activities) {

  public WorkflowCatalog {
    workflowTypes = List.copyOf(workflowTypes);
    activities = List.copyOf(activities);
  }

  public static WorkflowCatalog standard() {
    return new WorkflowCatalog(
        List.of(GreetingWorkflowImpl.class), List.of(new GreetingActivitiesImpl()));
  }

  /**
   * How every workflow of the catalog is registered. A payload that cannot be converted (an
   * activity result, a signal) fails the workflow rather than its workflow task, which the server
   * would retry forever; {@link StrictInputDataConverter} already turns bad workflow arguments into
   * a non-retryable failure that names the expected type.
   */
  public WorkflowImplementationOptions implementationOptions() {
    return WorkflowImplementationOptions.newBuilder()
        .setFailWorkflowExceptionTypes(DataConverterException.class)
        .build();
  }

  /**
   * The standard workflows and document ingestion, whose activities (with their heavy dependencies)
   * the caller supplies: apex-workflows does not hold them.
   */
  public static WorkflowCatalog withIngestion(DocumentIngestionActivities ingestion) {
    return new WorkflowCatalog(
        List.of(
            GreetingWorkflowImpl.class,
            DocumentIngestionWorkflowImpl.class,
            DocumentDeletionWorkflowImpl.class),
        List.of(new GreetingActivitiesImpl(), ingestion));
  }

  /** The same workflows with other activity implementations, as a test or benchmark needs. */
  public WorkflowCatalog withActivities(Object... replacements) {
    return new WorkflowCatalog(workflowTypes, List.of(replacements));
  }

  /** The workflow type names the worker will serve, as the server sees them. */
  public List<String> workflowTypeNames() {
    return workflowTypes.stream()
        .flatMap(type -> POJOWorkflowImplMetadata.newInstance(type).getWorkflowMethods().stream())
        .map(POJOWorkflowMethodMetadata::getName)
        .distinct()
        .toList();
  }

  /** The activity type names the worker will serve, as the server sees them. */
  public List<String> activityTypeNames() {
    return activities.stream()
        .flatMap(
            activity ->
                POJOActivityImplMetadata.newInstance(activity.getClass())
                    .getActivityMethods()
                    .stream())
        .map(POJOActivityMethodMetadata::getActivityTypeName)
        .distinct()
        .toList();
  }
}
