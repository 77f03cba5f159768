package io.apex.temporal.config;

import io.temporal.envconfig.ClientConfigProfile;
import io.temporal.envconfig.ClientConfigTLS;
import io.temporal.envconfig.LoadClientConfigProfileOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Temporal's own client configuration, the dialect that the {@code temporal} CLI and the SDKs
 * share: its environment variables ({@code TEMPORAL_ADDRESS}, {@code TEMPORAL_TLS_CLIENT_*}, ...)
 * and the profiles of its TOML file ({@code TEMPORAL_CONFIG_FILE}, {@code TEMPORAL_PROFILE}), read
 * through the SDK's {@code temporal-envconfig}. Each value is mapped onto one of our settings.
 */
final class TemporalClientDialect {
  static final String ADDRESS = "TEMPORAL_ADDRESS";
  static final String PROFILE = "TEMPORAL_PROFILE";
  static final String CONFIG_FILE = "TEMPORAL_CONFIG_FILE";

  /** Temporal's variables that name the same thing as one of ours under another name. */
  private static final Map<String, Setting> RENAMED =
      Map.of(
          "TEMPORAL_TLS_CLIENT_CERT_PATH", Setting.TLS_CERT_PATH,
          "TEMPORAL_TLS_CLIENT_KEY_PATH", Setting.TLS_KEY_PATH,
          "TEMPORAL_TLS_SERVER_CA_CERT_PATH", Setting.TLS_CA_PATH);

  /** Temporal's variables that this worker cannot honour; a set one is an error, not ignored. */
  private static final List<String> UNSUPPORTED =
      List.of(
          "TEMPORAL_TLS_CLIENT_CERT_DATA",
          "TEMPORAL_TLS_CLIENT_KEY_DATA",
          "TEMPORAL_TLS_SERVER_CA_CERT_DATA",
          "TEMPORAL_TLS_SERVER_NAME",
          "TEMPORAL_TLS_DISABLE_HOST_VERIFICATION");

  /** One value of the dialect: the setting it fills, the value, and where it was read. */
  record Value(Setting setting, String value, String origin, String variable) {}

  /** What the dialect gave: values from variables, values from the profile, and problems. */
  record Read(
      Map<Setting, Value> variables,
      Map<Setting, Value> profile,
      String profileDescription,
      List<ConfigProblem> problems) {}

  private final Map<String, String> environment;
  private final Optional<Path> defaultConfigFile;

  /**
   * {@code defaultConfigFile} is where the CLI keeps its profiles when {@code TEMPORAL_CONFIG_FILE}
   * is unset; empty where no default file may be read (tests).
   */
  TemporalClientDialect(Map<String, String> environment, Optional<Path> defaultConfigFile) {
    this.environment = environment;
    this.defaultConfigFile = defaultConfigFile;
  }

  /** The CLI's default file on Linux: {@code ~/.config/temporalio/temporal.toml}. */
  static Path defaultConfigFile() {
    return Path.of(System.getProperty("user.home", "."), ".config", "temporalio", "temporal.toml");
  }

  Read read() {
    List<ConfigProblem> problems = new ArrayList<>();
    Map<Setting, Value> variables = new EnumMap<>(Setting.class);
    String address = text(ADDRESS);
    if (!address.isEmpty()) {
      putAddress(variables, address, "Temporal variable " + ADDRESS, ADDRESS, problems);
    }
    RENAMED.forEach(
        (name, setting) -> {
          String value = text(name);
          if (!value.isEmpty()) {
            variables.put(setting, new Value(setting, value, "Temporal variable " + name, name));
          }
        });
    for (String name : UNSUPPORTED) {
      if (!text(name).isEmpty()) {
        problems.add(
            new ConfigProblem(
                name, "unset (not supported here: use the *_PATH variables)", Secret.MASK));
      }
    }
    Map<Setting, Value> profile = new EnumMap<>(Setting.class);
    String description = readProfile(profile, problems);
    return new Read(variables, profile, description, problems);
  }

  private String readProfile(Map<Setting, Value> values, List<ConfigProblem> problems) {
    String named = text(CONFIG_FILE);
    String profileName = text(PROFILE).isEmpty() ? "default" : text(PROFILE);
    if (named.isEmpty() && defaultConfigFile.isEmpty()) {
      if (!text(PROFILE).isEmpty()) {
        problems.add(new ConfigProblem(PROFILE, "unset when no profile file is read", profileName));
      }
      return "none";
    }
    Path file = named.isEmpty() ? defaultConfigFile.get() : Path.of(named);
    if (!Files.exists(file)) {
      if (!named.isEmpty()) {
        problems.add(new ConfigProblem(CONFIG_FILE, "an existing TOML file", named));
      } else if (!text(PROFILE).isEmpty()) {
        problems.add(
            new ConfigProblem(
                PROFILE, "a profile of " + file + ", which does not exist", profileName));
      }
      return "none (no file at " + file + ")";
    }
    ClientConfigProfile profile;
    try {
      profile =
          ClientConfigProfile.load(
              LoadClientConfigProfileOptions.newBuilder()
                  .setConfigFilePath(file.toString())
                  .setConfigFileProfile(profileName)
                  .setDisableEnv(true)
                  .build());
    } catch (IOException | RuntimeException e) {
      String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      if (reason.startsWith("Unable to find profile")) {
        problems.add(new ConfigProblem(PROFILE, "a profile of " + file, profileName));
      } else {
        problems.add(
            new ConfigProblem(CONFIG_FILE, "a readable TOML profile file", file.toString()));
      }
      return "unreadable: " + file;
    }
    String origin = "profile '" + profileName + "' in " + file;
    if (profile.getAddress() != null && !profile.getAddress().isBlank()) {
      putAddress(values, profile.getAddress().trim(), origin, origin, problems);
    }
    putIfSet(values, Setting.NAMESPACE, profile.getNamespace(), origin);
    putIfSet(values, Setting.API_KEY, profile.getApiKey(), origin);
    ClientConfigTLS tls = profile.getTls();
    if (tls != null) {
      putIfSet(values, Setting.TLS_CERT_PATH, tls.getClientCertPath(), origin);
      putIfSet(values, Setting.TLS_KEY_PATH, tls.getClientKeyPath(), origin);
      putIfSet(values, Setting.TLS_CA_PATH, tls.getServerCACertPath(), origin);
    }
    return origin;
  }

  private static void putIfSet(
      Map<Setting, Value> values, Setting setting, String value, String origin) {
    if (value != null && !value.isBlank()) {
      values.put(setting, new Value(setting, value.trim(), origin, origin));
    }
  }

  /** {@code host:port}, as Temporal writes an address; IPv6 hosts in brackets. */
  private static void putAddress(
      Map<Setting, Value> values,
      String address,
      String origin,
      String subject,
      List<ConfigProblem> problems) {
    int colon = address.lastIndexOf(':');
    if (colon <= 0 || colon == address.length() - 1) {
      problems.add(new ConfigProblem(subject, "host:port", address));
      return;
    }
    String host = address.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    values.put(Setting.HOST, new Value(Setting.HOST, host, origin, subject));
    values.put(
        Setting.PORT, new Value(Setting.PORT, address.substring(colon + 1), origin, subject));
  }

  private String text(String name) {
    return Optional.ofNullable(environment.get(name)).map(String::trim).orElse("");
  }
}
