package io.apex.temporal.testkit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/** Whether anything accepts TCP connections at a port: how tests see that a server is up. */
public final class PortProbe {
  private static final int CONNECT_TIMEOUT_MILLIS = 300;

  private PortProbe() {}

  /** Something accepts connections on the loopback address {@code 127.0.0.1} at this port. */
  public static boolean listening(int port) {
    return listening("127.0.0.1", port);
  }

  public static boolean listening(String host, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Waits until nothing accepts connections at the loopback port; false if something still does.
   */
  public static boolean awaitClosed(int port, Duration timeout) {
    return Deadline.await(timeout, () -> !listening(port));
  }
}
