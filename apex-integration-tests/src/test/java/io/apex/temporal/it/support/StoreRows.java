package io.apex.temporal.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Counts rows in the embedded PostgreSQL of a worker, straight through JDBC, with the password the
 * worker keeps in its data directory.
 */
public final class StoreRows {
  private final String url;
  private final String password;

  StoreRows(String url, String password) {
    this.url = url;
    this.password = password;
  }

  /** The store of a worker whose {@code APEX_DATA_DIR} is {@code dataDirectory}. */
  public static StoreRows ofWorker(int embeddedPort, Path dataDirectory) {
    Path file = dataDirectory.resolve("postgres.password");
    try {
      return new StoreRows(
          "jdbc:postgresql://127.0.0.1:" + embeddedPort + "/apex", Files.readString(file).strip());
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the store password " + file, e);
    }
  }

  public long count(String sql, Object... parameters) {
    try (Connection connection = DriverManager.getConnection(url, "postgres", password);
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "could not query the store at " + url + ": " + e.getMessage(), e);
    }
  }

  /** The first column's text mapped to the second's number, for a query of two columns. */
  public Map<String, Long> countsByKey(String sql) {
    try (Connection connection = DriverManager.getConnection(url, "postgres", password);
        PreparedStatement statement = connection.prepareStatement(sql);
        ResultSet rows = statement.executeQuery()) {
      Map<String, Long> counts = new HashMap<>();
      while (rows.next()) {
        counts.put(rows.getString(1), rows.getLong(2));
      }
      return counts;
    } catch (SQLException e) {
      throw new IllegalStateException(
          "could not query the store at " + url + ": " + e.getMessage(), e);
    }
  }

  /** 0 while the store cannot be reached or has no schema yet. */
  public long countOrZero(String sql, Object... parameters) {
    try {
      return count(sql, parameters);
    } catch (IllegalStateException e) {
      return 0;
    }
  }
}
