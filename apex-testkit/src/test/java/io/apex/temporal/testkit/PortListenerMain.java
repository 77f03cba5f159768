package io.apex.temporal.testkit;

import java.net.InetAddress;
import java.net.ServerSocket;

/** A child JVM that listens on the port given, until it is stopped. */
public final class PortListenerMain {
  private PortListenerMain() {}

  public static void main(String[] args) throws Exception {
    try (ServerSocket socket =
        new ServerSocket(Integer.parseInt(args[0]), 50, InetAddress.getLoopbackAddress())) {
      while (true) {
        socket.accept().close();
      }
    }
  }
}
