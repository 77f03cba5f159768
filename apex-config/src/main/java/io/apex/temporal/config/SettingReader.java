package io.apex.temporal.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns raw setting values into typed ones. A bad value becomes a {@link ConfigProblem} and a
 * harmless stand-in, so that one pass finds every bad setting rather than stopping at the first.
 */
final class SettingReader {
  private static final Set<String> TRUE = Set.of("true", "yes", "on", "1");
  private static final Set<String> FALSE = Set.of("false", "no", "off", "0");
  private static final Pattern DURATION = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h)?");

  private final RawSettings raw;
  private final List<ConfigProblem> problems = new ArrayList<>();

  SettingReader(RawSettings raw) {
    this.raw = raw;
  }

  List<ConfigProblem> problems() {
    return List.copyOf(problems);
  }

  void reject(Setting setting, String rule) {
    problems.add(ConfigProblem.of(setting, rule, raw.text(setting)));
  }

  String nonEmpty(Setting setting) {
    String text = raw.text(setting);
    if (text.isEmpty()) {
      reject(setting, "non-empty");
    }
    return text;
  }

  /** An integer from {@code min} to {@code max}; {@code Integer.MAX_VALUE} means no upper bound. */
  int integer(Setting setting, int min, int max) {
    String rule =
        max == Integer.MAX_VALUE ? "an integer >= " + min : "an integer " + min + "-" + max;
    try {
      int value = Integer.parseInt(raw.text(setting));
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below, the same as an out-of-range number
    }
    reject(setting, rule);
    return min;
  }

  boolean bool(Setting setting) {
    String text = raw.text(setting).toLowerCase(Locale.ROOT);
    if (TRUE.contains(text)) {
      return true;
    }
    if (!FALSE.contains(text)) {
      reject(setting, "a boolean (true or false)");
    }
    return false;
  }

  /** A duration such as {@code 500ms}, {@code 30s}, {@code 2m} or {@code 1h}; a bare number is seconds. */
  Duration duration(Setting setting) {
    Matcher matcher = DURATION.matcher(raw.text(setting).toLowerCase(Locale.ROOT));
    if (!matcher.matches()) {
      reject(setting, "a duration such as 500ms, 30s or 2m");
      return Duration.ZERO;
    }
    long amount = Long.parseLong(matcher.group(1));
    String unit = matcher.group(2) == null ? "s" : matcher.group(2);
    return switch (unit) {
      case "ms" -> Duration.ofMillis(amount);
      case "m" -> Duration.ofMinutes(amount);
      case "h" -> Duration.ofHours(amount);
      default -> Duration.ofSeconds(amount);
    };
  }

  <E extends Enum<E>> E choice(Setting setting, Class<E> type, E fallback) {
    String text = raw.text(setting).toUpperCase(Locale.ROOT);
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(text)) {
        return constant;
      }
    }
    List<String> names = new ArrayList<>();
    for (E constant : type.getEnumConstants()) {
      names.add(constant.name().toLowerCase(Locale.ROOT));
    }
    reject(setting, "one of " + String.join(", ", names));
    return fallback;
  }

  /** Absent when unset; a problem when set to something that is not a readable file. */
  Optional<Path> readableFile(Setting setting) {
    String text = raw.text(setting);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    Path path = Path.of(text);
    if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
      reject(setting, "a readable file");
      return Optional.empty();
    }
    return Optional.of(path);
  }

  /** Absent when unset; a problem when set to something that is not an absolute URL. */
  Optional<URI> url(Setting setting) {
    String text = raw.text(setting);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      URI uri = new URI(text);
      if (uri.isAbsolute() && uri.getHost() != null) {
        return Optional.of(uri);
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    reject(setting, "an absolute URL such as http://localhost:4317");
    return Optional.empty();
  }

  Optional<Secret> secret(Setting setting) {
    String text = raw.text(setting);
    return text.isEmpty() ? Optional.empty() : Optional.of(new Secret(text));
  }

  /** The trimmed raw value, empty when unset. */
  String text(Setting setting) {
    return raw.text(setting);
  }

  boolean isSet(Setting setting) {
    return !raw.text(setting).isEmpty();
  }
}
