package io.apex.temporal.ingestion;

import java.nio.file.Path;

/**
 * Where the system of record lives. With no {@code jdbcUrl} (null or blank) the embedded PostgreSQL
 * is used: its data is kept under {@code dataDirectory}, and it listens on loopback at {@code
 * embeddedPort}. {@code dataDirectory} also holds the search index in either case.
 */
public record StoreSettings(
    String jdbcUrl, String user, String password, Path dataDirectory, int embeddedPort) {

  /** The embedded PostgreSQL's default loopback port, away from PostgreSQL's usual 5432/5433. */
  public static final int DEFAULT_EMBEDDED_PORT = 54329;

  public StoreSettings {
    if (dataDirectory == null) {
      throw new IllegalArgumentException("dataDirectory is required");
    }
    if (embeddedPort < 1 || embeddedPort > 65535) {
      throw new IllegalArgumentException("embeddedPort must be 1-65535, got " + embeddedPort);
    }
  }

  /** The embedded PostgreSQL under {@code dataDirectory}, on the default port. */
  public static StoreSettings embedded(Path dataDirectory) {
    return new StoreSettings(null, null, null, dataDirectory, DEFAULT_EMBEDDED_PORT);
  }

  /** True when the embedded PostgreSQL is meant, that is when no JDBC URL is set. */
  public boolean embeddedDatabase() {
    return jdbcUrl == null || jdbcUrl.isBlank();
  }

  @Override
  public String toString() {
    // The password is never printed.
    return "StoreSettings[jdbcUrl="
        + (embeddedDatabase() ? "(embedded)" : jdbcUrl)
        + ", user="
        + user
        + ", dataDirectory="
        + dataDirectory
        + ", embeddedPort="
        + embeddedPort
        + "]";
  }
}
