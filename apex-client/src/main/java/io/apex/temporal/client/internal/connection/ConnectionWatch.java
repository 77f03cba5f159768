package io.apex.temporal.client.internal.connection;

import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says in one WARN line when the connection to the server is lost and in one INFO line when it is
 * back, with how long it was down. It follows the gRPC channel's own state rather than polling:
 * lost is the first connection failure after being connected, back is connected again.
 */
final class ConnectionWatch {
  private static final Logger log = LoggerFactory.getLogger(ConnectionWatch.class);

  private final String target;
  private final ManagedChannel channel;
  private volatile boolean stopped;
  private long lostAt = -1;

  ConnectionWatch(String target, ManagedChannel channel) {
    this.target = target;
    this.channel = channel;
  }

  void start() {
    watchFrom(channel.getState(false));
  }

  void stop() {
    stopped = true;
  }

  private void watchFrom(ConnectivityState seen) {
    if (stopped || seen == ConnectivityState.SHUTDOWN) {
      return;
    }
    channel.notifyWhenStateChanged(
        seen,
        () -> {
          ConnectivityState now = channel.getState(false);
          changed(now);
          watchFrom(now);
        });
  }

  private synchronized void changed(ConnectivityState state) {
    if (stopped) {
      return;
    }
    if (state == ConnectivityState.TRANSIENT_FAILURE && lostAt < 0) {
      lostAt = System.nanoTime();
      log.warn(
          "lost the connection to Temporal at {}: not ready until it is back; the worker"
              + " keeps retrying",
          target);
    } else if (state == ConnectivityState.READY && lostAt >= 0) {
      log.info(
          "connection to Temporal at {} is back after {} ms",
          target,
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lostAt));
      lostAt = -1;
    }
  }
}
