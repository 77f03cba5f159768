package io.apex.temporal.it.support;

import io.apex.temporal.testkit.FreePorts;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A PostgreSQL that several worker processes share by JDBC URL, run from the test's JVM (zonky's
 * binaries, as the worker's embedded default) so that killing any worker leaves the store up. Its
 * database is {@code apex}, user {@code postgres}, so {@link StoreRows} counts its rows.
 */
public final class SharedPostgres implements AutoCloseable {
  private static final String DATABASE = "apex";
  private final EmbeddedPostgres server;

  private SharedPostgres(EmbeddedPostgres server) {
    this.server = server;
  }

  public static SharedPostgres start() {
    try {
      EmbeddedPostgres server =
          EmbeddedPostgres.builder()
              .setPort(FreePorts.next())
              .setServerConfig("listen_addresses", "127.0.0.1")
              // Each worker's pool holds up to 16 connections.
              .setServerConfig("max_connections", "200")
              .setPGStartupWait(Duration.ofSeconds(60))
              .start();
      try (Connection connection = server.getPostgresDatabase().getConnection();
          Statement statement = connection.createStatement()) {
        statement.execute("CREATE DATABASE " + DATABASE);
      }
      return new SharedPostgres(server);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the shared PostgreSQL", e);
    } catch (SQLException e) {
      throw new IllegalStateException("could not create database " + DATABASE, e);
    }
  }

  public int port() {
    return server.getPort();
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port() + "/" + DATABASE;
  }

  public String user() {
    return "postgres";
  }

  public StoreRows rows() {
    return new StoreRows(jdbcUrl(), "");
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
