package io.apex.temporal.worker.server;

import io.apex.temporal.config.Connection;
import io.apex.temporal.config.EmbeddedServerMode;

/**
 * Whether this process starts the embedded Java test server, and why. {@code auto} starts it only
 * when the target is on this machine and nothing answers there; {@code always} and {@code never}
 * force the choice.
 */
public record EmbeddedServerDecision(boolean startEmbedded, String reason) {

  public static EmbeddedServerDecision decide(
      EmbeddedServerMode mode, Connection connection, PortProbe probe) {
    String target = connection.target();
    boolean local = LocalAddresses.isLocal(connection.host());
    return switch (mode) {
      case NEVER -> new EmbeddedServerDecision(false, "TEMPORAL_EMBEDDED_SERVER=never");
      case ALWAYS -> {
        if (!local) {
          throw new IllegalArgumentException(
              "TEMPORAL_EMBEDDED_SERVER=always needs TEMPORAL_HOST on this machine, got '"
                  + connection.host() + "'");
        }
        yield new EmbeddedServerDecision(true, "TEMPORAL_EMBEDDED_SERVER=always");
      }
      case AUTO -> {
        if (!local) {
          yield new EmbeddedServerDecision(false, target + " is not on this machine");
        }
        if (probe.answers(connection.host(), connection.port())) {
          yield new EmbeddedServerDecision(false, "a server already listens at " + target);
        }
        yield new EmbeddedServerDecision(true, "no Temporal server answered at " + target);
      }
    };
  }
}
