package io.apex.temporal.ingestion.internal;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL: zonky's binaries, one fixed data directory that survives restarts, one
 * loopback port, a password (SCRAM) for every connection (see {@link ClientAuthentication} and
 * {@link StorePassword}). When a server of ours already listens on that port (another of our
 * processes started it, or a worker killed with -9 left it running), it is used and left running.
 */
final class EmbeddedPostgresServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
  static final String DATABASE = "apex";
  static final String USER = "postgres";
  private static final Duration START_WAIT = Duration.ofSeconds(60);

  private final Path dataDirectory;
  private final int port;
  private final StorePassword password;
  private final EmbeddedPostgres started;
  private final AdoptedServer adopted;

  private EmbeddedPostgresServer(
      Path dataDirectory,
      int port,
      StorePassword password,
      EmbeddedPostgres started,
      AdoptedServer adopted) {
    this.dataDirectory = dataDirectory;
    this.port = port;
    this.password = password;
    this.started = started;
    this.adopted = adopted;
  }

  /** Uses the server of ours on the port, or starts one; then makes sure our database exists. */
  static EmbeddedPostgresServer startOrJoin(Path dataDirectory, int port) {
    Path pgData = dataDirectory.resolve("postgres").toAbsolutePath().normalize();
    var password = StorePassword.readOrCreate(dataDirectory.toAbsolutePath().normalize());
    EmbeddedPostgres started = null;
    AdoptedServer adopted = null;
    if (runningServerIsOurs(pgData, port, password)) {
      adopted = AdoptedServer.ifOrphaned(pgData);
      log.info(
          "using the embedded PostgreSQL already running on 127.0.0.1:{}{}",
          port,
          adopted != null ? " (its starter is gone: this process stops it on close)" : "");
    } else {
      started = start(pgData, port, password);
    }
    var server = new EmbeddedPostgresServer(pgData, port, password, started, adopted);
    if (!ClientAuthentication.current(pgData)) {
      server.requirePassword();
    }
    server.createDatabaseIfMissing();
    return server;
  }

  String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
  }

  /** The superuser's password, which every connection to this server needs. */
  String password() {
    return password.value();
  }

  /** True when this process stops the server on close: it started or adopted it. */
  boolean ownedHere() {
    return started != null || adopted != null;
  }

  private static EmbeddedPostgres start(Path pgData, int port, StorePassword password) {
    try {
      boolean fresh = !Files.exists(pgData.resolve("postgresql.conf"));
      Files.createDirectories(pgData);
      log.info("starting embedded PostgreSQL on 127.0.0.1:{} with data in {}", port, pgData);
      var builder = EmbeddedPostgres.builder();
      if (fresh) {
        // zonky passes these to initdb as --name=value after its own "-A trust", so they win:
        // the new cluster's superuser has our password and no connection is trusted, ever.
        builder
            .setLocaleConfig("pwfile", password.file().toString())
            .setLocaleConfig("auth-host", "scram-sha-256")
            .setLocaleConfig("auth-local", "scram-sha-256");
      }
      return builder
          .setDataDirectory(pgData)
          .setCleanDataDirectory(false)
          .setPort(port)
          .setServerConfig("listen_addresses", "127.0.0.1")
          .setServerConfig("max_connections", "200")
          .setConnectConfig("password", password.value())
          .setPGStartupWait(START_WAIT)
          // Our close() stops it, bounded; a hook would stop it under a worker still draining.
          .setRegisterShutdownHook(false)
          .start();
    } catch (IOException | RuntimeException e) {
      // Another process of ours may have won the race to start it: use that one.
      long deadline = System.nanoTime() + START_WAIT.toNanos();
      while (System.nanoTime() < deadline) {
        if (runningServerIsOurs(pgData, port, password)) {
          log.info("embedded PostgreSQL on 127.0.0.1:{} was started by another process", port);
          return null;
        }
        pause(Duration.ofMillis(200));
      }
      throw new IllegalStateException(
          "could not start the embedded PostgreSQL on 127.0.0.1:"
              + port
              + " with data in "
              + pgData
              + ": "
              + e.getMessage(),
          e);
    }
  }

  /**
   * True when a PostgreSQL listens on the port and serves our data directory. A server on the port
   * with another data directory is an error: it is not ours to use.
   */
  private static boolean runningServerIsOurs(Path pgData, int port, StorePassword password) {
    try (Connection c = connect("jdbc:postgresql://127.0.0.1:" + port + "/postgres", password)) {
      try (var st = c.createStatement();
          var rs = st.executeQuery("SHOW data_directory")) {
        rs.next();
        Path served = Path.of(rs.getString(1)).toAbsolutePath().normalize();
        if (!served.equals(pgData)) {
          throw new IllegalStateException(
              "port "
                  + port
                  + " is taken by a PostgreSQL serving "
                  + served
                  + ", not the embedded store's "
                  + pgData
                  + "; choose another embedded port or set a JDBC URL");
        }
        return true;
      }
    } catch (SQLException e) {
      return false;
    }
  }

  /**
   * A data directory from before passwords (its rules trust every local user), or rules someone
   * edited: the superuser gets our password, the rules become ours, and the server reloads them.
   */
  private void requirePassword() {
    try (Connection c = connect("jdbc:postgresql://127.0.0.1:" + port + "/postgres", password)) {
      c.unwrap(PGConnection.class)
          .alterUserPassword(USER, password.value().toCharArray(), "scram-sha-256");
      ClientAuthentication.write(dataDirectory);
      try (var st = c.createStatement()) {
        st.execute("SELECT pg_reload_conf()");
      }
      log.info(
          "embedded PostgreSQL in {} now requires the password kept in {}",
          dataDirectory,
          password.file());
    } catch (SQLException e) {
      throw new IllegalStateException(
          "could not require a password on the embedded PostgreSQL in "
              + dataDirectory
              + ": "
              + e.getMessage(),
          e);
    }
  }

  private void createDatabaseIfMissing() {
    try (Connection c = connect("jdbc:postgresql://127.0.0.1:" + port + "/postgres", password)) {
      try (var st = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
        st.setString(1, DATABASE);
        if (st.executeQuery().next()) {
          return;
        }
      }
      try (var st = c.createStatement()) {
        st.execute("CREATE DATABASE " + DATABASE);
      } catch (SQLException e) {
        // 42P04: another process created it at the same time.
        if (!"42P04".equals(e.getSQLState())) {
          throw e;
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "could not create database " + DATABASE + " on 127.0.0.1:" + port + ": " + e.getMessage(),
          e);
    }
  }

  private static Connection connect(String url, StorePassword password) throws SQLException {
    var props = new Properties();
    props.setProperty("user", USER);
    props.setProperty("password", password.value());
    props.setProperty("connectTimeout", "2");
    props.setProperty("loginTimeout", "3");
    return DriverManager.getConnection(url, props);
  }

  private static void pause(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for PostgreSQL", e);
    }
  }

  /** Stops the server if this process started it; one that we joined stays up for its owner. */
  @Override
  public void close() {
    if (adopted != null) {
      adopted.stop();
      return;
    }
    if (started == null) {
      return;
    }
    try {
      log.info("stopping embedded PostgreSQL on 127.0.0.1:{} ({})", port, dataDirectory);
      started.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
