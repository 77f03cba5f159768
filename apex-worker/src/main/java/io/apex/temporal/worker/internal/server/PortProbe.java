package io.apex.temporal.worker.internal.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/** Checks whether anything accepts TCP connections at a host and port. */
public final class PortProbe {
  private final Duration timeout;

  public PortProbe(Duration timeout) {
    this.timeout = timeout;
  }

  public boolean answers(String host, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
