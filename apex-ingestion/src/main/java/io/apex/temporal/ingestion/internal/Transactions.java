package io.apex.temporal.ingestion.internal;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Runs a unit of work in one transaction on a pooled connection. */
final class Transactions {
  @FunctionalInterface
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private final DataSource dataSource;

  Transactions(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  DataSource dataSource() {
    return dataSource;
  }

  <T> T inTransaction(Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException(e);
    }
  }

  <T> T read(Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      return work.run(c);
    } catch (SQLException e) {
      throw new StoreException(e);
    }
  }

  /** A failure of the store (retryable unless it is a constraint violation). */
  static final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StoreException(SQLException cause) {
      super("store: " + cause.getMessage() + " (SQLState " + cause.getSQLState() + ")", cause);
    }

    /** SQLState class 23: the data broke a constraint, so retrying the same data cannot help. */
    boolean isConstraintViolation() {
      return getCause() instanceof SQLException sql
          && sql.getSQLState() != null
          && sql.getSQLState().startsWith("23");
    }
  }
}
