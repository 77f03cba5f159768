package io.apex.temporal.worker.internal.server;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Whether a host name points only at this machine's loopback interface. */
public final class LocalAddresses {
  private LocalAddresses() {}

  /** True when every address of the host is a loopback address. */
  public static boolean isLoopback(String host) {
    try {
      InetAddress[] addresses = InetAddress.getAllByName(host);
      for (InetAddress address : addresses) {
        if (!address.isLoopbackAddress()) {
          return false;
        }
      }
      return addresses.length > 0;
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
