package io.apex.temporal.api.internal;

import io.apex.temporal.ingestion.AccessKey;
import io.apex.temporal.ingestion.AccessKeys;
import java.net.InetSocketAddress;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

/**
 * Who may call a route. Until an API key exists, loopback clients only, as the codec endpoint; once
 * one does, every call needs {@code Authorization: Bearer KEY} of a scope that allows it.
 */
public final class AccessControl {
  private static final String BEARER = "Bearer ";

  private final AccessKeys keys;

  public AccessControl(AccessKeys keys) {
    this.keys = keys;
  }

  /** The caller's key, empty for a public route or a loopback caller while no key exists. */
  public Optional<AccessKey> authorize(Request request, Route.Access access) {
    if (access == Route.Access.PUBLIC) {
      return Optional.empty();
    }
    if (!keys.anyActive()) {
      if (!(request.getConnectionMetaData().getRemoteSocketAddress()
              instanceof InetSocketAddress remote)
          || remote.getAddress() == null
          || !remote.getAddress().isLoopbackAddress()) {
        throw new ApiProblem(
            403,
            "loopback-only",
            "Forbidden",
            "the API answers loopback clients only until an API key exists"
                + " (create one with: api-key create --scope read|write --name NAME)");
      }
      return Optional.empty();
    }
    String header = request.getHeaders().get(HttpHeader.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      throw new ApiProblem(
          401,
          "unauthorized",
          "Unauthorized",
          "this API needs an API key: send Authorization: Bearer KEY");
    }
    AccessKey key =
        keys.verify(header.substring(BEARER.length()).strip())
            .orElseThrow(
                () ->
                    new ApiProblem(
                        401,
                        "unauthorized",
                        "Unauthorized",
                        "the API key is not valid (unknown or revoked)"));
    String needed = access == Route.Access.WRITE ? AccessKey.WRITE : AccessKey.READ;
    if (!key.allows(needed)) {
      throw new ApiProblem(
          403,
          "insufficient-scope",
          "Forbidden",
          "the API key '"
              + key.name()
              + "' has scope "
              + key.scope()
              + "; this request needs "
              + needed);
    }
    return Optional.of(key);
  }
}
