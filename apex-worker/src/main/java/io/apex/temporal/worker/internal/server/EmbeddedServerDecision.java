package io.apex.temporal.worker.internal.server;

import io.apex.temporal.config.Connection;
import io.apex.temporal.config.EmbeddedServerMode;

/**
 * Whether this process starts the embedded Java test server, and why. {@code auto} starts it only
 * when no server address was configured at all (neither TEMPORAL_HOST nor TEMPORAL_PORT) and
 * nothing answers at the default one: a configured address names a real server, and an embedded one
 * in its place would take its port and lose the work sent to it. {@code always} and {@code never}
 * force the choice.
 */
public record EmbeddedServerDecision(boolean startEmbedded, String reason) {

  /**
   * @param addressConfigured whether TEMPORAL_HOST or TEMPORAL_PORT was set by any source
   */
  public static EmbeddedServerDecision decide(
      EmbeddedServerMode mode, Connection connection, boolean addressConfigured, PortProbe probe) {
    String target = connection.target();
    return switch (mode) {
      case NEVER -> new EmbeddedServerDecision(false, "TEMPORAL_EMBEDDED_SERVER=never");
      case ALWAYS -> {
        if (!LocalAddresses.isLoopback(connection.host())) {
          throw new IllegalArgumentException(
              "TEMPORAL_EMBEDDED_SERVER=always needs TEMPORAL_HOST to be a loopback address"
                  + " (localhost, 127.0.0.1), got '"
                  + connection.host()
                  + "'");
        }
        yield new EmbeddedServerDecision(true, "TEMPORAL_EMBEDDED_SERVER=always");
      }
      case AUTO -> {
        if (addressConfigured) {
          yield new EmbeddedServerDecision(
              false,
              "TEMPORAL_HOST or TEMPORAL_PORT is set, so "
                  + target
                  + " is a real server and the embedded one is never started in its place");
        }
        if (probe.answers(connection.host(), connection.port())) {
          yield new EmbeddedServerDecision(false, "a server already listens at " + target);
        }
        yield new EmbeddedServerDecision(
            true,
            "no server address is configured and none" + " answered at the default " + target);
      }
    };
  }
}
