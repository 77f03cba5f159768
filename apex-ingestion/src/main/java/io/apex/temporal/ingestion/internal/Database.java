package io.apex.temporal.ingestion.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The connection pool to the store, migrated to the current schema when opened. */
final class Database implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Database.class);

  private final HikariDataSource dataSource;

  private Database(HikariDataSource dataSource) {
    this.dataSource = dataSource;
  }

  static Database open(String jdbcUrl, String user, String password) {
    var config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    if (user != null && !user.isBlank()) {
      config.setUsername(user);
    }
    if (password != null && !password.isEmpty()) {
      config.setPassword(password);
    }
    config.setPoolName("apex-ingestion");
    config.setMaximumPoolSize(16);
    config.setMinimumIdle(2);
    config.setConnectionTimeout(30_000);
    // Batched inserts become multi-row statements on the wire.
    config.addDataSourceProperty("reWriteBatchedInserts", "true");
    var dataSource = new HikariDataSource(config);
    try {
      var result =
          Flyway.configure()
              .dataSource(dataSource)
              .locations("classpath:db/migration")
              .load()
              .migrate();
      log.info(
          "store schema at version {} ({} migrations applied) on {}",
          result.targetSchemaVersion,
          result.migrationsExecuted,
          jdbcUrl);
    } catch (RuntimeException e) {
      dataSource.close();
      throw e;
    }
    return new Database(dataSource);
  }

  DataSource dataSource() {
    return dataSource;
  }

  @Override
  public void close() {
    dataSource.close();
  }
}
