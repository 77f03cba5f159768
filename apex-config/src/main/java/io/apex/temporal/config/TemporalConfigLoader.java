package io.apex.temporal.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Layers the sources of the settings, highest first: our own settings (the real environment, the
 * {@code .env.temporal} file, {@code application.conf}), then Temporal's client variables ({@code
 * TEMPORAL_ADDRESS}, ...), then the profile of Temporal's configuration file, then the defaults of
 * {@code reference.conf}. Where one of our variables and one of Temporal's name the same thing with
 * different values, neither wins: that is a problem naming both. It then hands the raw values to
 * {@link TemporalConfigParser}.
 */
public final class TemporalConfigLoader {
  /** Names another env file than {@code .env.temporal} in the working directory. */
  public static final String ENV_FILE_VARIABLE = "TEMPORAL_ENV_FILE";

  static final Path DEFAULT_ENV_FILE = Path.of(".env.temporal");

  /** Stands for an env file name that is no path at all (a NUL in it, say). */
  private static final Path INVALID_PATH = Path.of("(invalid path)");

  private final Map<String, String> environment;
  private final Optional<Path> defaultEnvFile;
  private final Config applicationConf;
  private final Config referenceConf;
  private final Optional<ConfigProblem> applicationConfProblem;
  private final Optional<Path> defaultTemporalConfigFile;

  /** Reads Temporal's profile file only where {@code TEMPORAL_CONFIG_FILE} names one. */
  public TemporalConfigLoader(
      Map<String, String> environment, Optional<Path> defaultEnvFile, Config applicationConf) {
    this(environment, defaultEnvFile, applicationConf, Optional.empty(), Optional.empty());
  }

  /**
   * Reads the profile file {@code defaultTemporalConfigFile} unless TEMPORAL_CONFIG_FILE names one.
   */
  public TemporalConfigLoader(
      Map<String, String> environment,
      Optional<Path> defaultEnvFile,
      Config applicationConf,
      Optional<Path> defaultTemporalConfigFile) {
    this(environment, defaultEnvFile, applicationConf, Optional.empty(), defaultTemporalConfigFile);
  }

  private TemporalConfigLoader(
      Map<String, String> environment,
      Optional<Path> defaultEnvFile,
      Config applicationConf,
      Optional<ConfigProblem> applicationConfProblem,
      Optional<Path> defaultTemporalConfigFile) {
    this.environment = Map.copyOf(environment);
    this.defaultEnvFile = defaultEnvFile;
    this.applicationConf = applicationConf;
    this.applicationConfProblem = applicationConfProblem;
    this.referenceConf =
        ConfigFactory.parseResources(TemporalConfigLoader.class, "/reference.conf");
    this.defaultTemporalConfigFile = defaultTemporalConfigFile;
  }

  /**
   * The process's real environment, {@code .env.temporal}, the classpath's config files, and
   * Temporal's profile file where the CLI keeps it.
   */
  public static TemporalConfigLoader fromProcess() {
    Config applicationConf;
    Optional<ConfigProblem> unreadable = Optional.empty();
    try {
      applicationConf =
          ConfigFactory.parseResources(TemporalConfigLoader.class, "/application.conf");
    } catch (ConfigException e) {
      applicationConf = ConfigFactory.empty();
      unreadable = Optional.of(hoconProblem(e));
    }
    return new TemporalConfigLoader(
        System.getenv(),
        Optional.of(DEFAULT_ENV_FILE),
        applicationConf,
        unreadable,
        Optional.of(TemporalClientDialect.defaultConfigFile()));
  }

  /** The parser's own message may quote the file's text, secrets included: only the line. */
  private static ConfigProblem hoconProblem(ConfigException e) {
    String where =
        e.origin() == null || e.origin().lineNumber() < 0
            ? "an error"
            : "an error at line " + e.origin().lineNumber();
    return new ConfigProblem("application.conf", "valid HOCON", where);
  }

  /**
   * Settings from these variables alone, as if they were the whole environment: no env file, no
   * application.conf, no profile file. Tests and benchmarks build their settings this way.
   */
  public static TemporalConfigLoader fromVariables(Map<String, String> variables) {
    return new TemporalConfigLoader(variables, Optional.empty(), ConfigFactory.empty());
  }

  /** No environment and no env file: the classpath's config files only. */
  public static TemporalConfigLoader withoutEnvironment() {
    return new TemporalConfigLoader(Map.of(), Optional.empty(), ConfigFactory.empty());
  }

  public ConfigLoadResult load() {
    List<ConfigProblem> problems = new ArrayList<>();
    applicationConfProblem.ifPresent(problems::add);
    Map<String, String> envFile = readEnvFile(problems);
    RawSettings raw;
    try {
      raw = layer(envFile, problems);
    } catch (ConfigException e) {
      problems.add(hoconProblem(e));
      return new ConfigLoadResult(new RawSettings(Map.of()), Optional.empty(), problems);
    }
    ConfigLoadResult parsed = new TemporalConfigParser(raw).parse();
    if (problems.isEmpty()) {
      return parsed;
    }
    problems.addAll(parsed.problems());
    return new ConfigLoadResult(raw, Optional.empty(), problems);
  }

  private RawSettings layer(Map<String, String> envFile, List<ConfigProblem> problems) {
    Config fromEnvironment =
        ConfigFactory.parseMap(byPath(environment), Source.ENVIRONMENT.label());
    Config fromEnvFile = ConfigFactory.parseMap(byPath(envFile), Source.ENV_FILE.label());
    Map<String, String> variables = new HashMap<>(envFile);
    variables.putAll(environment);
    TemporalClientDialect.Read dialect =
        new TemporalClientDialect(variables, defaultTemporalConfigFile).read();
    problems.addAll(dialect.problems());
    problems.addAll(disagreements(dialect, variables));
    Config merged =
        fromEnvironment
            .withFallback(fromEnvFile)
            .withFallback(applicationConf)
            .withFallback(
                ConfigFactory.parseMap(dialectByPath(dialect.variables()), "Temporal variables"))
            .withFallback(
                ConfigFactory.parseMap(dialectByPath(dialect.profile()), "Temporal profile"))
            .withFallback(referenceConf)
            .resolve();
    Map<Setting, RawValue> values = new EnumMap<>(Setting.class);
    for (Setting setting : Setting.values()) {
      if (merged.hasPath(setting.path())) {
        String value = String.valueOf(merged.getValue(setting.path()).unwrapped());
        values.put(setting, rawValue(setting, value, fromEnvironment, fromEnvFile, dialect));
      }
    }
    return new RawSettings(
        values,
        envFile().map(Path::toString).orElse(Source.ENV_FILE.label()),
        dialect.profileDescription());
  }

  private RawValue rawValue(
      Setting setting,
      String value,
      Config fromEnvironment,
      Config fromEnvFile,
      TemporalClientDialect.Read dialect) {
    if (fromEnvironment.hasPath(setting.path())) {
      return new RawValue(value, Source.ENVIRONMENT);
    }
    if (fromEnvFile.hasPath(setting.path())) {
      return new RawValue(value, Source.ENV_FILE);
    }
    if (applicationConf.hasPath(setting.path())) {
      return new RawValue(value, Source.APPLICATION_CONF);
    }
    if (dialect.variables().containsKey(setting)) {
      return new RawValue(
          value, Source.TEMPORAL_VARIABLE, dialect.variables().get(setting).origin());
    }
    if (dialect.profile().containsKey(setting)) {
      return new RawValue(value, Source.TEMPORAL_PROFILE, dialect.profile().get(setting).origin());
    }
    return new RawValue(value, Source.DEFAULT);
  }

  /**
   * One of our variables and one of Temporal's set to different values for the same thing: a person
   * meant one of them, and guessing which would reach the wrong server.
   */
  private static List<ConfigProblem> disagreements(
      TemporalClientDialect.Read dialect, Map<String, String> variables) {
    List<ConfigProblem> problems = new ArrayList<>();
    Map<String, List<String>> reported = new HashMap<>();
    for (TemporalClientDialect.Value theirs : dialect.variables().values()) {
      String ours = variables.getOrDefault(theirs.setting().envVar(), "").trim();
      if (!ours.isEmpty() && !ours.equals(theirs.value())) {
        reported
            .computeIfAbsent(theirs.variable(), v -> new ArrayList<>())
            .add(theirs.setting().envVar() + "='" + ours + "'");
      }
    }
    reported.forEach(
        (variable, ours) ->
            problems.add(
                new ConfigProblem(
                    variable,
                    "unset or agree with " + String.join(" and ", ours) + " (set one of them)",
                    variables.get(variable).trim())));
    return problems;
  }

  private static Map<String, String> dialectByPath(
      Map<Setting, TemporalClientDialect.Value> values) {
    Map<String, String> byPath = new HashMap<>();
    values.forEach((setting, value) -> byPath.put(setting.path(), value.value()));
    return byPath;
  }

  private static Map<String, String> byPath(Map<String, String> variables) {
    Map<String, String> byPath = new HashMap<>();
    variables.forEach(
        (name, value) -> Setting.byEnvVar(name).ifPresent(s -> byPath.put(s.path(), value)));
    return byPath;
  }

  private Optional<Path> envFile() {
    String named = environment.getOrDefault(ENV_FILE_VARIABLE, "").trim();
    Optional<Path> file;
    try {
      file = named.isEmpty() ? defaultEnvFile : Optional.of(Path.of(named));
    } catch (InvalidPathException e) {
      // Reported by readEnvFile, which finds the same name unusable.
      return Optional.of(INVALID_PATH);
    }
    if (file.isEmpty() || (named.isEmpty() && !Files.exists(file.get()))) {
      return Optional.empty();
    }
    return file;
  }

  private Map<String, String> readEnvFile(List<ConfigProblem> problems) {
    Optional<Path> file = envFile();
    if (file.isEmpty()) {
      return Map.of();
    }
    if (file.get() == INVALID_PATH) {
      problems.add(
          new ConfigProblem(
              ENV_FILE_VARIABLE, "a readable file", environment.get(ENV_FILE_VARIABLE).trim()));
      return Map.of();
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file.get());
    } catch (IOException e) {
      problems.add(new ConfigProblem(ENV_FILE_VARIABLE, "a readable file", file.get().toString()));
      return Map.of();
    }
    List<String> lines = new ArrayList<>();
    String name = file.get().toString();
    int start = 0;
    for (int i = 0; i <= bytes.length; i++) {
      if (i == bytes.length || bytes[i] == '\n') {
        if (i == bytes.length && start == i) {
          break;
        }
        try {
          lines.add(UTF_8_STRICT.get().decode(ByteBuffer.wrap(bytes, start, i - start)).toString());
        } catch (CharacterCodingException e) {
          // Reported without the line's bytes, which may hold a secret; the others still count.
          problems.add(
              new ConfigProblem(
                  name + " line " + (lines.size() + 1), "UTF-8 text", "bytes that are not UTF-8"));
          lines.add("");
        }
        start = i + 1;
      }
    }
    EnvFileParser.Parsed parsed = new EnvFileParser(name).parse(lines);
    problems.addAll(parsed.problems());
    return parsed.variables();
  }

  private static final ThreadLocal<CharsetDecoder> UTF_8_STRICT =
      ThreadLocal.withInitial(
          () ->
              StandardCharsets.UTF_8
                  .newDecoder()
                  .onMalformedInput(CodingErrorAction.REPORT)
                  .onUnmappableCharacter(CodingErrorAction.REPORT));
}
