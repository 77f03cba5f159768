package io.apex.temporal.worker.server;

import io.apex.temporal.worker.runtime.Managed;
import io.temporal.testserver.TestServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Java test server bound to a real port in this process, with time skipping off so that it
 * keeps real time like a production server. It keeps every history in memory, so it is for
 * development and tests, not for data that must survive the process.
 */
public final class EmbeddedTemporalServer implements Managed {
  private static final Logger log = LoggerFactory.getLogger(EmbeddedTemporalServer.class);

  private final int port;
  private final String reason;
  private final boolean useExistingIfPortTaken;
  private TestServer.PortBoundTestServer server;

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
    try {
      server = TestServer.createPortBoundServer(port, true);
    } catch (RuntimeException e) {
      if (useExistingIfPortTaken && e.getCause() instanceof java.net.BindException) {
        log.info("port {} was taken while starting the embedded server; using the server there",
            port);
        return;
      }
      throw new IllegalStateException(
          "could not start the embedded Temporal server on port " + port + ": " + e.getMessage(),
          e);
    }
    log.info(
        "{}: started the embedded Java test server on port {} (in-process, time skipping off,"
            + " histories in memory only)",
        reason,
        port);
  }

  @Override
  public void stop() {
    if (server != null) {
      server.close();
    }
  }
}
