package io.apex.temporal.testkit;

import io.apex.temporal.config.ConfigLoadResult;
import io.apex.temporal.config.ConfigProblem;
import io.apex.temporal.config.TemporalConfig;
import io.apex.temporal.config.TemporalConfigLoader;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A worker's settings as environment variables, and nothing else: handed to a worker process, or
 * loaded here into a {@link TemporalConfig} as the worker would load them.
 */
public record SettingsMap(Map<String, String> variables) {

  public SettingsMap {
    variables = Map.copyOf(variables);
  }

  /** Exactly these variables. */
  public static SettingsMap of(Map<String, String> variables) {
    return new SettingsMap(variables);
  }

  /**
   * A worker or client of the server at {@code host:port}: no embedded server, and free metrics and
   * API ports so that it never collides with another worker of the test or a developer's.
   */
  public static SettingsMap forServer(String host, int port) {
    return of(
        Map.of(
            "TEMPORAL_HOST",
            host,
            "TEMPORAL_PORT",
            String.valueOf(port),
            "TEMPORAL_METRICS_PORT",
            String.valueOf(FreePorts.next()),
            "TEMPORAL_EMBEDDED_SERVER",
            "never",
            "APEX_API_PORT",
            String.valueOf(FreePorts.next())));
  }

  /**
   * A worker that runs its own embedded server on {@code port} of 127.0.0.1 ({@code auto} never
   * takes a configured port, hence {@code always}), with a free metrics port.
   */
  public static SettingsMap ownEmbeddedServer(int port) {
    return forServer("127.0.0.1", port).with("TEMPORAL_EMBEDDED_SERVER", "always");
  }

  /** As {@link #ownEmbeddedServer(int)} on a free port. */
  public static SettingsMap ownEmbeddedServer() {
    return ownEmbeddedServer(FreePorts.next());
  }

  /** A worker or client of this server. */
  public static SettingsMap forServer(TemporalTarget server) {
    return forServer(server.host(), server.port());
  }

  /** These settings with one variable set (replaced if present). */
  public SettingsMap with(String variable, String value) {
    return with(Map.of(variable, value));
  }

  /** These settings with the given variables set (replacing those present). */
  public SettingsMap with(Map<String, String> overrides) {
    Map<String, String> merged = new LinkedHashMap<>(variables);
    merged.putAll(overrides);
    return new SettingsMap(merged);
  }

  /** The settings as the worker loads them, valid or with every problem. */
  public ConfigLoadResult load() {
    return TemporalConfigLoader.fromVariables(variables).load();
  }

  /** The valid configuration; fails naming every problem when the settings are not valid. */
  public TemporalConfig config() {
    ConfigLoadResult result = load();
    return result
        .config()
        .orElseThrow(
            () ->
                new AssertionError(
                    "invalid test settings: "
                        + result.problems().stream().map(ConfigProblem::message).toList()));
  }
}
