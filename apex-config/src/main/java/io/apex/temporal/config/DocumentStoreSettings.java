package io.apex.temporal.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where ingestion keeps its documents. Without a JDBC URL the worker runs an embedded PostgreSQL
 * with its data under {@code dataDirectory}, listening on loopback at {@code embeddedPort}; the
 * data directory also holds the search index either way.
 */
public record DocumentStoreSettings(
    Optional<String> jdbcUrl,
    String user,
    Optional<Secret> password,
    Path dataDirectory,
    int embeddedPort) {

  public boolean embedded() {
    return jdbcUrl.isEmpty();
  }

  /** For log lines: where the store is, never the password. */
  @Override
  public String toString() {
    return "DocumentStoreSettings["
        + (embedded() ? "embedded PostgreSQL on port " + embeddedPort : jdbcUrl.get())
        + (user.isEmpty() ? "" : ", user " + user)
        + ", data in "
        + dataDirectory
        + "]";
  }
}
