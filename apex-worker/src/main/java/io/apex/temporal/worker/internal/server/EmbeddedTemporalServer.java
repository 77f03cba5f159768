package io.apex.temporal.worker.internal.server;

import io.apex.temporal.worker.runtime.Managed;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.temporal.internal.testservice.GRPCServerHelper;
import io.temporal.internal.testservice.TestServicesStarter;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Java test server in this process, listening on the loopback address only (it has no
 * credentials), with time skipping off so that it keeps real time like a production server. It
 * keeps every history in memory, so it is for development and tests, not for data that must survive
 * the process.
 *
 * <p>Why the SDK's internal test services and not its public API: {@code
 * TestServer.createPortBoundServer} binds every network interface and takes no address, and a
 * server without credentials must listen on loopback only. This class is the one place that uses
 * them.
 */
public final class EmbeddedTemporalServer implements Managed {
  private static final Logger log = LoggerFactory.getLogger(EmbeddedTemporalServer.class);

  private final int port;
  private final String reason;
  private final boolean useExistingIfPortTaken;
  private TestServicesStarter services;
  private Server server;
  private Server inProcess;
  private String inProcessName;

  /**
   * @param useExistingIfPortTaken when another process binds the port between our check and our
   *     start (two workers starting at once), use that server rather than fail
   */
  public EmbeddedTemporalServer(int port, String reason, boolean useExistingIfPortTaken) {
    this.port = port;
    this.reason = reason;
    this.useExistingIfPortTaken = useExistingIfPortTaken;
  }

  @Override
  public String name() {
    return "embedded Temporal server";
  }

  @Override
  public void start() {
    services = new TestServicesStarter(true, 0);
    NettyServerBuilder builder =
        NettyServerBuilder.forAddress(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    GRPCServerHelper.registerServicesAndHealthChecks(services.getServices(), builder);
    try {
      server = builder.build().start();
    } catch (IOException e) {
      services.close();
      services = null;
      if (useExistingIfPortTaken
          && (e instanceof BindException || e.getCause() instanceof BindException)) {
        log.info(
            "port {} was taken while starting the embedded server; using the server there", port);
        return;
      }
      throw new IllegalStateException(
          "could not start the embedded Temporal server on port " + port + ": " + e.getMessage(),
          e);
    }
    inProcessName = "apex-embedded-temporal-" + UUID.randomUUID();
    InProcessServerBuilder local = InProcessServerBuilder.forName(inProcessName);
    GRPCServerHelper.registerServicesAndHealthChecks(services.getServices(), local);
    try {
      inProcess = local.build().start();
    } catch (IOException e) {
      stop();
      throw new IllegalStateException("could not serve the embedded Temporal server in-process", e);
    }
    log.info(
        "{}: started the embedded Java test server at {} (in-process, loopback only, time"
            + " skipping off, histories in memory only and lost when the worker stops)",
        reason,
        address());
  }

  /** Where the server listens; the loopback address and the port. */
  public InetSocketAddress address() {
    return (InetSocketAddress) server.getListenSockets().get(0);
  }

  /**
   * A new channel to this server without a socket, for a connection in this process; empty when
   * another process's server took the port and is used instead. The caller shuts the channel down.
   */
  public Optional<ManagedChannel> inProcessChannel() {
    return inProcess == null
        ? Optional.empty()
        : Optional.of(InProcessChannelBuilder.forName(inProcessName).build());
  }

  @Override
  public void stop() {
    if (inProcess != null) {
      inProcess.shutdownNow();
    }
    if (server != null) {
      server.shutdownNow();
      try {
        server.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (services != null) {
      services.close();
    }
  }
}
