package io.apex.temporal.config;

import static io.apex.temporal.config.Setting.CHUNK_CHARACTERS;
import static io.apex.temporal.config.Setting.CHUNK_OVERLAP;
import static io.apex.temporal.config.Setting.DATA_DIR;
import static io.apex.temporal.config.Setting.EMBEDDING_BATCH_SIZE;
import static io.apex.temporal.config.Setting.STORE_JDBC_URL;
import static io.apex.temporal.config.Setting.STORE_PASSWORD;
import static io.apex.temporal.config.Setting.STORE_PORT;
import static io.apex.temporal.config.Setting.STORE_USER;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads ingestion's settings (its store, its chunking and batching); a bad value becomes a problem
 * like any other setting's.
 */
final class DocumentStoreSettingsReader {
  private static final String JDBC_PREFIX = "jdbc:postgresql:";
  private static final int MIN_CHUNK_CHARACTERS = 100;
  private static final int MAX_CHUNK_CHARACTERS = 20_000;
  private static final int MAX_EMBEDDING_BATCH = 1024;

  private DocumentStoreSettingsReader() {}

  static DocumentStoreSettings read(SettingReader reader) {
    Optional<String> jdbcUrl = Optional.empty();
    if (reader.isSet(STORE_JDBC_URL)) {
      String url = reader.text(STORE_JDBC_URL);
      if (url.startsWith(JDBC_PREFIX)) {
        jdbcUrl = Optional.of(url);
      } else {
        reader.reject(
            STORE_JDBC_URL,
            "empty (the embedded PostgreSQL) or a PostgreSQL JDBC URL"
                + " such as jdbc:postgresql://localhost:5432/apex");
      }
    }
    return new DocumentStoreSettings(
        jdbcUrl,
        reader.text(STORE_USER),
        reader.secret(STORE_PASSWORD),
        dataDirectory(reader),
        reader.integer(STORE_PORT, 1, 65535));
  }

  static IngestionTuning tuning(SettingReader reader) {
    int problemsBefore = reader.problems().size();
    int characters = reader.integer(CHUNK_CHARACTERS, MIN_CHUNK_CHARACTERS, MAX_CHUNK_CHARACTERS);
    boolean charactersValid = reader.problems().size() == problemsBefore;
    int overlap = reader.integer(CHUNK_OVERLAP, 0, MAX_CHUNK_CHARACTERS / 2 - 1);
    // Half a chunk or more of overlap would let the chunker step back as far as it moves on.
    if (charactersValid && overlap >= characters / 2) {
      reader.reject(
          CHUNK_OVERLAP,
          "an integer from 0 to less than half of "
              + CHUNK_CHARACTERS.envVar()
              + " ("
              + characters
              + ")");
    }
    return new IngestionTuning(
        characters, overlap, reader.integer(EMBEDDING_BATCH_SIZE, 1, MAX_EMBEDDING_BATCH));
  }

  /** {@code ~} at the start stands for the user's home directory. */
  private static Path dataDirectory(SettingReader reader) {
    String text = reader.text(DATA_DIR);
    if (text.isEmpty()) {
      reader.reject(DATA_DIR, "a directory path");
      return Path.of("");
    }
    try {
      Path path =
          text.equals("~") || text.startsWith("~/")
              ? Path.of(System.getProperty("user.home"), text.substring(1).replaceFirst("^/", ""))
              : Path.of(text);
      Path absolute = path.toAbsolutePath().normalize();
      if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
        reader.reject(DATA_DIR, "a directory path (it names a file)");
      }
      return absolute;
    } catch (InvalidPathException e) {
      reader.reject(DATA_DIR, "a directory path");
      return Path.of("");
    }
  }
}
