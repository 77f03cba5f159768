package io.apex.temporal.config;

import static io.apex.temporal.config.Setting.*;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Validates raw settings and builds the typed {@link TemporalConfig}, or reports every problem. */
public final class TemporalConfigParser {
  private static final int MAX_PORT = 65535;

  /**
   * Beyond these a value is a typo, and could overflow a deadline or start thousands of threads.
   */
  static final Duration MAX_TIMEOUT = Duration.ofHours(1);

  static final int MAX_CONCURRENT_TASKS = 10_000;
  static final int MAX_POLLERS = 256;
  static final int MAX_WORKFLOW_CACHE = 100_000;

  private final RawSettings raw;

  public TemporalConfigParser(RawSettings raw) {
    this.raw = raw;
  }

  public ConfigLoadResult parse() {
    SettingReader reader = new SettingReader(raw);
    Connection connection =
        new Connection(
            reader.host(HOST),
            reader.integer(PORT, 1, MAX_PORT),
            reader.nonEmpty(NAMESPACE),
            tls(reader),
            reader.secret(API_KEY),
            reader.duration(CONNECT_TIMEOUT, MAX_TIMEOUT));
    WorkerRuntimeSettings runtime =
        new WorkerRuntimeSettings(
            reader.nonEmpty(TASK_QUEUE),
            reader.choice(EMBEDDED_SERVER, EmbeddedServerMode.class, EmbeddedServerMode.AUTO),
            configured(HOST) || configured(PORT),
            reader.integer(METRICS_PORT, 1, MAX_PORT),
            reader.ipAddress(METRICS_BIND_ADDRESS),
            reader.duration(DRAIN_TIMEOUT, MAX_TIMEOUT));
    WorkerLimits limits =
        new WorkerLimits(
            reader.integer(MAX_WORKFLOW_TASKS, 1, MAX_CONCURRENT_TASKS),
            reader.integer(MAX_ACTIVITIES, 1, MAX_CONCURRENT_TASKS),
            reader.integer(WORKFLOW_POLLERS, 1, MAX_POLLERS),
            reader.integer(ACTIVITY_POLLERS, 1, MAX_POLLERS),
            reader.integer(WORKFLOW_CACHE_SIZE, 0, MAX_WORKFLOW_CACHE));
    Versioning versioning =
        new Versioning(
            reader.bool(WORKER_VERSIONING),
            reader.nonEmpty(DEPLOYMENT_NAME),
            reader.nonEmpty(WORKER_BUILD_ID));
    Rollout rollout = new Rollout(reader.bool(ENABLED), reader.integer(ROLLOUT, 0, 100));
    Tracing tracing = tracing(reader);
    PayloadEncryption payloads = PayloadEncryptionReader.read(reader, raw);
    CodecEndpointSettings codecEndpoint = PayloadEncryptionReader.codecEndpoint(reader, raw);
    DocumentStoreSettings store = DocumentStoreSettingsReader.read(reader);
    ApiSettings api = api(reader);
    IngestRoots ingestRoots = IngestRootsReader.read(reader);
    IngestionTuning ingestion = DocumentStoreSettingsReader.tuning(reader);

    List<ConfigProblem> problems = reader.problems();
    if (!problems.isEmpty()) {
      return new ConfigLoadResult(raw, Optional.empty(), problems);
    }
    TemporalConfig config =
        new TemporalConfig(
            connection,
            runtime,
            limits,
            versioning,
            rollout,
            tracing,
            payloads,
            codecEndpoint,
            store,
            api,
            ingestRoots,
            ingestion);
    return new ConfigLoadResult(raw, Optional.of(config), List.of());
  }

  private static ApiSettings api(SettingReader reader) {
    return new ApiSettings(
        reader.bool(API_ENABLED),
        reader.ipAddress(API_BIND_ADDRESS),
        reader.integer(API_PORT, 1, MAX_PORT),
        reader.url(API_URL).orElse(ApiSettings.DEFAULT_URL),
        reader.secret(API_CLIENT_KEY),
        reader.longInteger(MAX_DOCUMENT_BYTES, 1, ApiSettings.MAX_DOCUMENT_BYTES_LIMIT));
  }

  /** Set by anything other than the defaults of {@code reference.conf}. */
  private boolean configured(Setting setting) {
    return raw.get(setting).map(value -> value.source() != Source.DEFAULT).orElse(false);
  }

  private static Optional<Tls> tls(SettingReader reader) {
    Optional<Path> cert = reader.readableFile(TLS_CERT_PATH);
    Optional<Path> key = reader.readableFile(TLS_KEY_PATH);
    Optional<Path> ca = reader.readableFile(TLS_CA_PATH);
    boolean certSet = reader.isSet(TLS_CERT_PATH);
    boolean keySet = reader.isSet(TLS_KEY_PATH);
    if (certSet && !keySet) {
      reader.reject(TLS_KEY_PATH, "set when " + TLS_CERT_PATH.envVar() + " is set");
    }
    if (keySet && !certSet) {
      reader.reject(TLS_CERT_PATH, "set when " + TLS_KEY_PATH.envVar() + " is set");
    }
    if (cert.isPresent() != key.isPresent()) {
      return Optional.empty();
    }
    if (cert.isEmpty() && ca.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Tls(cert, key, ca));
  }

  private static Tracing tracing(SettingReader reader) {
    boolean enabled = reader.bool(ENABLE_TRACING);
    var endpoint = reader.url(TRACING_ENDPOINT);
    if (enabled && !reader.isSet(TRACING_ENDPOINT)) {
      reader.reject(TRACING_ENDPOINT, "set when " + ENABLE_TRACING.envVar() + " is true");
    }
    return new Tracing(
        enabled,
        endpoint,
        reader.choice(TRACING_PROTOCOL, TracingProtocol.class, TracingProtocol.GRPC));
  }
}
