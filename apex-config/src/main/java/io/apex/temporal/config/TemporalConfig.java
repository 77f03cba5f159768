package io.apex.temporal.config;

/**
 * The platform's settings, read once and validated once. Each concern is its own value so that a
 * reader finds a setting by what it is about and a test builds just the part it needs.
 */
public record TemporalConfig(
    Connection connection,
    WorkerRuntimeSettings runtime,
    WorkerLimits limits,
    Versioning versioning,
    Rollout rollout,
    Tracing tracing,
    PayloadEncryption payloads,
    CodecEndpointSettings codecEndpoint,
    DocumentStoreSettings store,
    ApiSettings api,
    IngestRoots ingestRoots,
    IngestionTuning ingestion) {

  /** The defaults of {@code reference.conf}, with nothing from the environment. */
  public static TemporalConfig defaults() {
    return TemporalConfigLoader.withoutEnvironment().load().config().orElseThrow();
  }
}
