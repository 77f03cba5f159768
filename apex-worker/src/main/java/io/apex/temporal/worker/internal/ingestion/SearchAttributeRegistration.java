package io.apex.temporal.worker.internal.ingestion;

import io.apex.temporal.client.internal.connection.TemporalConnection;
import io.apex.temporal.worker.runtime.Managed;
import io.apex.temporal.workflows.ingestion.IngestionSearchAttributes;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.operatorservice.v1.AddSearchAttributesRequest;
import io.temporal.api.operatorservice.v1.ListSearchAttributesRequest;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure the server knows the ingestion search attributes ({@code DocumentId}, {@code Source},
 * {@code IngestionStatus}, all Keyword) before the worker polls: a workflow that upserts an unknown
 * attribute fails its workflow task on a real server. It registers the missing ones through the
 * operator API, which the embedded Java test server, {@code temporal server start-dev} and a
 * self-hosted server all offer. Where the server refuses (Temporal Cloud registers attributes
 * through its own API), it logs what an operator has to do and the worker starts anyway.
 */
public final class SearchAttributeRegistration implements Managed {
  private static final Logger log = LoggerFactory.getLogger(SearchAttributeRegistration.class);
  private static final long DEADLINE_SECONDS = 10;

  private final TemporalConnection connection;
  private final String namespace;

  public SearchAttributeRegistration(TemporalConnection connection, String namespace) {
    this.connection = connection;
    this.namespace = namespace;
  }

  /** The attributes with their types, as the server stores them. */
  public static Map<String, IndexedValueType> attributes() {
    Map<String, IndexedValueType> attributes = new LinkedHashMap<>();
    IngestionSearchAttributes.ALL.forEach(
        key -> attributes.put(key.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD));
    return attributes;
  }

  @Override
  public String name() {
    return "search attribute registration";
  }

  @Override
  public void start() {
    OperatorServiceStubs operator =
        OperatorServiceStubs.newServiceStubs(
            OperatorServiceStubsOptions.newBuilder()
                .setChannel(connection.client().getWorkflowServiceStubs().getRawChannel())
                .validateAndBuildWithDefaults());
    try {
      Map<String, IndexedValueType> missing = missing(operator);
      if (missing.isEmpty()) {
        log.info(
            "search attributes {} are registered in namespace {}",
            attributes().keySet(),
            namespace);
        return;
      }
      operator
          .blockingStub()
          .withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS)
          .addSearchAttributes(
              AddSearchAttributesRequest.newBuilder()
                  .setNamespace(namespace)
                  .putAllSearchAttributes(missing)
                  .build());
      log.info(
          "registered search attributes {} (Keyword) in namespace {}", missing.keySet(), namespace);
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.ALREADY_EXISTS) {
        log.info(
            "search attributes {} are registered in namespace {}",
            attributes().keySet(),
            namespace);
        return;
      }
      log.warn(
          "could not register search attributes {} in namespace {} ({}): ingestion"
              + " workflows cannot record their status until they exist; register them with"
              + " 'temporal operator search-attribute create --namespace {} --name DocumentId"
              + " --type Keyword' (and Source, IngestionStatus)",
          attributes().keySet(),
          namespace,
          e.getStatus(),
          namespace);
    } finally {
      operator.shutdown();
    }
  }

  /** Those not yet registered; all of them when the server cannot list its attributes. */
  private Map<String, IndexedValueType> missing(OperatorServiceStubs operator) {
    Map<String, IndexedValueType> missing = new LinkedHashMap<>(attributes());
    try {
      var existing =
          operator
              .blockingStub()
              .withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS)
              .listSearchAttributes(
                  ListSearchAttributesRequest.newBuilder().setNamespace(namespace).build());
      missing.keySet().removeAll(existing.getCustomAttributesMap().keySet());
      missing.keySet().removeAll(existing.getSystemAttributesMap().keySet());
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() != Status.Code.UNIMPLEMENTED) {
        throw e;
      }
    }
    return missing;
  }

  @Override
  public void stop() {}
}
