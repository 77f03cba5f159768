package io.apex.temporal.client.internal.connection;

import com.uber.m3.tally.Scope;
import io.apex.temporal.client.BadSettingException;
import io.apex.temporal.client.TemporalUnreachableException;
import io.apex.temporal.config.Connection;
import io.apex.temporal.workflows.internal.input.StrictInputDataConverter;
import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import io.temporal.api.workflowservice.v1.GetSystemInfoResponse;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.interceptors.WorkflowClientInterceptor;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gRPC connection to the Temporal frontend and the workflow client on top of it. The worker
 * runs it as one of its managed parts; a client starts it once and stops it when done.
 */
public final class TemporalConnection {
  private static final Logger log = LoggerFactory.getLogger(TemporalConnection.class);

  private final Connection settings;
  private final Scope metricsScope;
  private final Supplier<List<WorkflowClientInterceptor>> interceptors;
  private final Supplier<DataConverter> dataConverter;
  private final Supplier<Optional<ManagedChannel>> channel;
  private ManagedChannel ownChannel;
  private WorkflowServiceStubs stubs;
  private WorkflowClient client;
  private String serverVersion = "";
  private ConnectionWatch watch;
  private boolean pollsCompleteOnShutdown;

  /** A plain client connection, as the example commands and tests use. */
  public TemporalConnection(Connection settings, Scope metricsScope) {
    this(settings, metricsScope, List::of);
  }

  /**
   * @param interceptors asked for at start, once the parts that provide them (tracing) have started
   */
  public TemporalConnection(
      Connection settings,
      Scope metricsScope,
      Supplier<List<WorkflowClientInterceptor>> interceptors) {
    this(settings, metricsScope, interceptors, StrictInputDataConverter::standard);
  }

  /**
   * @param dataConverter asked for at start, once the payload codec has its key
   */
  public TemporalConnection(
      Connection settings,
      Scope metricsScope,
      Supplier<List<WorkflowClientInterceptor>> interceptors,
      Supplier<DataConverter> dataConverter) {
    this(settings, metricsScope, interceptors, dataConverter, Optional::empty);
  }

  /**
   * @param channel asked for at start: a channel to use instead of one to the settings' target (a
   *     server in this process); this connection shuts it down
   */
  public TemporalConnection(
      Connection settings,
      Scope metricsScope,
      Supplier<List<WorkflowClientInterceptor>> interceptors,
      Supplier<DataConverter> dataConverter,
      Supplier<Optional<ManagedChannel>> channel) {
    this.settings = settings;
    this.metricsScope = metricsScope;
    this.interceptors = interceptors;
    this.dataConverter = dataConverter;
    this.channel = channel;
  }

  public String name() {
    return "connection to " + settings.target();
  }

  public void start() throws TemporalUnreachableException, BadSettingException {
    WorkflowServiceStubsOptions options = ServiceStubsOptionsFactory.create(settings, metricsScope);
    ownChannel = channel.get().orElse(null);
    if (ownChannel != null) {
      options =
          WorkflowServiceStubsOptions.newBuilder(options)
              .setTarget(null)
              .setChannel(ownChannel)
              .build();
    }
    stubs = WorkflowServiceStubs.newServiceStubs(options);
    ServerReachability reachability =
        new ServerReachability(settings.target(), settings.connectTimeout());
    try {
      GetSystemInfoResponse info = reachability.await(stubs);
      pollsCompleteOnShutdown =
          reachability
              .checkNamespace(stubs, settings.namespace())
              .getNamespaceInfo()
              .getCapabilities()
              .getWorkerPollCompleteOnShutdown();
      serverVersion = info.getServerVersion();
      log.info(
          "connected to Temporal at {}{} (server {}), namespace {}",
          settings.target(),
          ownChannel == null ? "" : " (in-process channel)",
          info.getServerVersion().isEmpty() ? "version not reported" : info.getServerVersion(),
          settings.namespace());
    } catch (TemporalUnreachableException e) {
      stubs.shutdownNow();
      shutDownOwnChannel();
      throw e;
    }
    client =
        WorkflowClient.newInstance(
            stubs,
            WorkflowClientOptions.newBuilder()
                .setNamespace(settings.namespace())
                .setDataConverter(dataConverter.get())
                .setInterceptors(interceptors.get().toArray(WorkflowClientInterceptor[]::new))
                .build());
    watch = new ConnectionWatch(settings.target(), stubs.getRawChannel());
    watch.start();
  }

  public WorkflowClient client() {
    if (client == null) {
      throw new IllegalStateException("not connected");
    }
    return client;
  }

  /**
   * The version the server reported; empty for the Java test server, which is the one server that
   * reports none.
   */
  public String serverVersion() {
    return serverVersion;
  }

  /**
   * Whether the server completes a worker's polls when it shuts down, so that the SDK can wait for
   * them instead of cancelling them (and no task handed over at that moment is lost).
   */
  public boolean pollsCompleteOnShutdown() {
    return pollsCompleteOnShutdown;
  }

  /** True while the channel is connected or idle and able to reconnect at once. */
  public boolean healthy() {
    if (stubs == null || stubs.isShutdown()) {
      return false;
    }
    ConnectivityState state = stubs.getRawChannel().getState(false);
    return state == ConnectivityState.READY || state == ConnectivityState.IDLE;
  }

  /**
   * Drops the connection at once, without waiting for calls in flight: after this, nothing this
   * worker still sends reaches the server, as when its process dies.
   */
  public void cut() {
    if (stubs != null) {
      stubs.shutdownNow();
    }
    shutDownOwnChannel();
  }

  /** Stubs never shut down a channel they were given. */
  private void shutDownOwnChannel() {
    if (ownChannel != null) {
      ownChannel.shutdownNow();
    }
  }

  public void stop() {
    if (stubs == null) {
      return;
    }
    if (watch != null) {
      watch.stop();
    }
    stubs.shutdown();
    if (!stubs.awaitTermination(5, TimeUnit.SECONDS)) {
      stubs.shutdownNow();
    }
    shutDownOwnChannel();
  }
}
