package io.apex.temporal.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * How we run {@code temporal server start-dev}: the dynamic configuration and search attributes of
 * {@code infra/temporal/dev-server.properties}, the file {@code scripts/dev-server.sh} reads too
 * (the testkit's build copies it onto the class path). {@link #untuned()} keeps the search
 * attributes and drops the dynamic configuration, so that the server's defaults can be measured.
 */
public record DevServerSettings(
    boolean isTuned,
    Map<String, String> dynamicConfig,
    Map<String, String> searchAttributes,
    Map<String, String> sqlitePragmas) {
  static final String RESOURCE = "dev-server.properties";
  private static final String DYNAMIC_CONFIG = "dynamic-config.";
  private static final String SEARCH_ATTRIBUTE = "search-attribute.";
  private static final String SQLITE_PRAGMA = "sqlite-pragma.";

  public DevServerSettings {
    dynamicConfig = Map.copyOf(new TreeMap<>(dynamicConfig));
    searchAttributes = Map.copyOf(new TreeMap<>(searchAttributes));
    sqlitePragmas = Map.copyOf(new TreeMap<>(sqlitePragmas));
  }

  /** The project's tuned server: every line of the settings file. */
  public static DevServerSettings tuned() {
    try (InputStream in = DevServerSettings.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            RESOURCE
                + " is missing from the test kit's class path"
                + " (the build copies it from infra/temporal)");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("could not read " + RESOURCE + ": " + e.getMessage(), e);
    }
  }

  /** The server's own defaults: the same search attributes, no dynamic config or pragmas. */
  public static DevServerSettings untuned() {
    return new DevServerSettings(false, Map.of(), tuned().searchAttributes(), Map.of());
  }

  /** Reads the settings file's text; an unknown key is an error, not a silent no-op. */
  static DevServerSettings parse(String text) {
    Properties properties = new Properties();
    try {
      properties.load(new StringReader(text));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    Map<String, String> dynamic = new TreeMap<>();
    Map<String, String> attributes = new TreeMap<>();
    Map<String, String> pragmas = new TreeMap<>();
    for (String key : properties.stringPropertyNames()) {
      String value = properties.getProperty(key).trim();
      if (key.startsWith(DYNAMIC_CONFIG)) {
        dynamic.put(key.substring(DYNAMIC_CONFIG.length()), value);
      } else if (key.startsWith(SEARCH_ATTRIBUTE)) {
        attributes.put(key.substring(SEARCH_ATTRIBUTE.length()), value);
      } else if (key.startsWith(SQLITE_PRAGMA)) {
        pragmas.put(key.substring(SQLITE_PRAGMA.length()), value);
      } else {
        throw new IllegalStateException(
            RESOURCE
                + ": unknown key '"
                + key
                + "' (keys start with "
                + DYNAMIC_CONFIG
                + ", "
                + SEARCH_ATTRIBUTE
                + " or "
                + SQLITE_PRAGMA
                + ")");
      }
    }
    return new DevServerSettings(true, dynamic, attributes, pragmas);
  }

  /**
   * The {@code start-dev} arguments these settings stand for; the SQLite pragmas only with a
   * database file, since a server in memory has none.
   */
  public List<String> arguments(boolean withDatabaseFile) {
    List<String> arguments = new ArrayList<>();
    if (withDatabaseFile) {
      new TreeMap<>(sqlitePragmas)
          .forEach(
              (name, value) -> arguments.addAll(List.of("--sqlite-pragma", name + "=" + value)));
    }
    new TreeMap<>(dynamicConfig)
        .forEach(
            (key, value) -> arguments.addAll(List.of("--dynamic-config-value", key + "=" + value)));
    new TreeMap<>(searchAttributes)
        .forEach(
            (name, type) -> arguments.addAll(List.of("--search-attribute", name + "=" + type)));
    return arguments;
  }

  /** One line for logs and reports: which tuning, and each key with its value. */
  public String describe() {
    if (!isTuned) {
      return "untuned: the server's defaults";
    }
    List<String> entries = new ArrayList<>();
    new TreeMap<>(dynamicConfig).forEach((key, value) -> entries.add(key + "=" + value));
    new TreeMap<>(sqlitePragmas)
        .forEach(
            (name, value) ->
                entries.add("SQLite " + name + "=" + value + " (with a database file)"));
    return "tuned: " + String.join(", ", entries);
  }
}
