package io.apex.temporal.config;

import java.net.URI;
import java.util.Optional;

/**
 * The memory service's HTTP API: whether this process serves it, where it listens, the largest
 * upload it accepts, and for the command line (a client of the API) where it is and the key to
 * send. Without API keys in the store the API answers loopback clients only.
 */
public record ApiSettings(
    boolean enabled,
    String bindAddress,
    int port,
    URI url,
    Optional<Secret> clientKey,
    long maxDocumentBytes) {

  public static final URI DEFAULT_URL = URI.create("http://127.0.0.1:8080");

  /** Beyond this an upload is a typo: it would not fit a PostgreSQL bytea value (1 GB). */
  public static final long MAX_DOCUMENT_BYTES_LIMIT = 512L * 1024 * 1024;
}
