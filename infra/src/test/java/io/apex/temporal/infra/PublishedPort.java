package io.apex.temporal.infra;

/**
 * One entry of a service's {@code ports}, after interpolation, in the short syntax {@code
 * [host_ip:]host_port:container_port}; the host IP is empty when none is given, which Docker reads
 * as every interface.
 */
public record PublishedPort(String hostIp, int hostPort, int containerPort) {

  public static PublishedPort parse(String resolved) {
    int last = resolved.lastIndexOf(':');
    int middle = last < 0 ? -1 : resolved.lastIndexOf(':', last - 1);
    if (last < 0) {
      throw new IllegalArgumentException("not host:container: " + resolved);
    }
    String hostIp = middle < 0 ? "" : resolved.substring(0, middle);
    String hostPort = resolved.substring(middle + 1, last);
    return new PublishedPort(
        hostIp, Integer.parseInt(hostPort), Integer.parseInt(resolved.substring(last + 1)));
  }
}
