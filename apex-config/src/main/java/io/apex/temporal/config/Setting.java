package io.apex.temporal.config;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every setting the platform reads: its environment variable, its path in Typesafe Config ({@code
 * reference.conf} holds the defaults), and whether its value is a secret.
 */
public enum Setting {
  HOST("TEMPORAL_HOST", "temporal.host"),
  PORT("TEMPORAL_PORT", "temporal.port"),
  NAMESPACE("TEMPORAL_NAMESPACE", "temporal.namespace"),
  TASK_QUEUE("TEMPORAL_TASK_QUEUE", "temporal.task-queue"),
  WORKER_BUILD_ID("TEMPORAL_WORKER_BUILD_ID", "temporal.versioning.build-id"),
  DEPLOYMENT_NAME("TEMPORAL_DEPLOYMENT_NAME", "temporal.versioning.deployment-name"),
  WORKER_VERSIONING("TEMPORAL_WORKER_VERSIONING", "temporal.versioning.enabled"),
  MAX_WORKFLOW_TASKS("TEMPORAL_MAX_WORKFLOW_TASKS", "temporal.worker.max-workflow-tasks"),
  MAX_ACTIVITIES("TEMPORAL_MAX_ACTIVITIES", "temporal.worker.max-activities"),
  WORKFLOW_POLLERS("TEMPORAL_WORKFLOW_POLLERS", "temporal.worker.workflow-pollers"),
  ACTIVITY_POLLERS("TEMPORAL_ACTIVITY_POLLERS", "temporal.worker.activity-pollers"),
  WORKFLOW_CACHE_SIZE("TEMPORAL_WORKFLOW_CACHE_SIZE", "temporal.worker.workflow-cache-size"),
  DRAIN_TIMEOUT("TEMPORAL_DRAIN_TIMEOUT", "temporal.worker.drain-timeout"),
  METRICS_PORT("TEMPORAL_METRICS_PORT", "temporal.metrics.port"),
  METRICS_BIND_ADDRESS("TEMPORAL_METRICS_BIND_ADDRESS", "temporal.metrics.bind-address"),
  ENABLED("TEMPORAL_ENABLED", "temporal.rollout.enabled"),
  ROLLOUT("TEMPORAL_ROLLOUT", "temporal.rollout.percentage"),
  ENABLE_TRACING("TEMPORAL_ENABLE_TRACING", "temporal.tracing.enabled"),
  TRACING_ENDPOINT("TEMPORAL_TRACING_ENDPOINT", "temporal.tracing.endpoint"),
  TRACING_PROTOCOL("TEMPORAL_TRACING_PROTOCOL", "temporal.tracing.protocol"),
  TLS_CERT_PATH("TEMPORAL_TLS_CERT_PATH", "temporal.tls.cert-path"),
  TLS_KEY_PATH("TEMPORAL_TLS_KEY_PATH", "temporal.tls.key-path"),
  TLS_CA_PATH("TEMPORAL_TLS_CA_PATH", "temporal.tls.ca-path"),
  API_KEY("TEMPORAL_API_KEY", "temporal.api-key", true),
  CONNECT_TIMEOUT("TEMPORAL_CONNECT_TIMEOUT", "temporal.connect-timeout"),
  EMBEDDED_SERVER("TEMPORAL_EMBEDDED_SERVER", "temporal.embedded-server"),
  PAYLOAD_KEY("APEX_PAYLOAD_KEY", "apex.payload.key", true),
  PAYLOAD_DECRYPT_KEYS("APEX_PAYLOAD_DECRYPT_KEYS", "apex.payload.decrypt-keys", true),
  PAYLOAD_KEY_FILE("APEX_PAYLOAD_KEY_FILE", "apex.payload.key-file"),
  PAYLOAD_ENCRYPT("APEX_PAYLOAD_ENCRYPT", "apex.payload.encrypt"),
  CODEC_ENDPOINT("APEX_CODEC_ENDPOINT", "apex.codec.enabled"),
  CODEC_TOKEN("APEX_CODEC_TOKEN", "apex.codec.token", true),
  CODEC_CORS_ORIGINS("APEX_CODEC_CORS_ORIGINS", "apex.codec.cors-origins"),
  STORE_JDBC_URL("APEX_STORE_JDBC_URL", "apex.store.jdbc-url"),
  STORE_USER("APEX_STORE_USER", "apex.store.user"),
  STORE_PASSWORD("APEX_STORE_PASSWORD", "apex.store.password", true),
  STORE_PORT("APEX_STORE_PORT", "apex.store.embedded-port"),
  DATA_DIR("APEX_DATA_DIR", "apex.data-dir"),
  MAX_DOCUMENT_BYTES("APEX_MAX_DOCUMENT_BYTES", "apex.max-document-bytes"),
  API_ENABLED("APEX_API_ENABLED", "apex.api.enabled"),
  API_PORT("APEX_API_PORT", "apex.api.port"),
  API_BIND_ADDRESS("APEX_API_BIND_ADDRESS", "apex.api.bind-address"),
  API_URL("APEX_API_URL", "apex.api.url"),
  API_CLIENT_KEY("APEX_API_KEY", "apex.api.key", true),
  INGEST_ROOTS("APEX_INGEST_ROOTS", "apex.ingest-roots"),
  CHUNK_CHARACTERS("APEX_CHUNK_CHARACTERS", "apex.ingestion.chunk-characters"),
  CHUNK_OVERLAP("APEX_CHUNK_OVERLAP", "apex.ingestion.chunk-overlap"),
  EMBEDDING_BATCH_SIZE("APEX_EMBEDDING_BATCH_SIZE", "apex.ingestion.embedding-batch-size");

  private final String envVar;
  private final String path;
  private final boolean secret;

  Setting(String envVar, String path) {
    this(envVar, path, false);
  }

  Setting(String envVar, String path, boolean secret) {
    this.envVar = envVar;
    this.path = path;
    this.secret = secret;
  }

  public String envVar() {
    return envVar;
  }

  public String path() {
    return path;
  }

  public boolean secret() {
    return secret;
  }

  /** The value as it may be shown to a person: secrets are masked whatever their content. */
  public String shown(String value) {
    return secret && !value.isEmpty() ? Secret.MASK : value;
  }

  public static Optional<Setting> byEnvVar(String name) {
    return Arrays.stream(values()).filter(s -> s.envVar.equals(name)).findFirst();
  }
}
