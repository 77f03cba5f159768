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
  private static final Pattern DURATION = Pattern.compile("([0-9]{1,9})\\s*(ms|s|m|h)?");
  private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,18}");

  private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
  private static final Pattern IPV4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");
  private static final String LABEL = "[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?";
  private static final Pattern HOST_NAME = Pattern.compile(LABEL + "(\\." + LABEL + ")*\\.?");
  private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

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

  /** An integer from {@code min} to {@code max}, in ASCII digits with an optional minus sign. */
  int integer(Setting setting, int min, int max) {
    String text = raw.text(setting);
    // Integer.parseInt also takes a leading '+' and any script's digits ('١٧٢٣٣'): not here.
    if (INTEGER.matcher(text).matches()) {
      long value = Long.parseLong(text);
      if (value >= min && value <= max) {
        return (int) value;
      }
    }
    reject(setting, "an integer " + min + "-" + max);
    return min;
  }

  /** As {@link #integer}, for values beyond an int (sizes in bytes). */
  long longInteger(Setting setting, long min, long max) {
    String text = raw.text(setting);
    if (INTEGER.matcher(text).matches() && text.length() <= 18) {
      long value = Long.parseLong(text);
      if (value >= min && value <= max) {
        return value;
      }
    }
    reject(setting, "an integer " + min + "-" + max);
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

  /**
   * A duration such as {@code 500ms}, {@code 30s}, {@code 2m} or {@code 1h}, from zero to {@code
   * max}; a bare number is seconds.
   */
  Duration duration(Setting setting, Duration max) {
    Matcher matcher = DURATION.matcher(raw.text(setting).toLowerCase(Locale.ROOT));
    Duration value = null;
    if (matcher.matches()) {
      long amount = Long.parseLong(matcher.group(1));
      String unit = matcher.group(2) == null ? "s" : matcher.group(2);
      value =
          switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofSeconds(amount);
          };
    }
    if (value == null || value.compareTo(max) > 0) {
      reject(setting, "a duration from 0s to " + shown(max) + ", such as 500ms, 30s or 2m");
      return Duration.ZERO;
    }
    return value;
  }

  private static String shown(Duration duration) {
    if (duration.toSeconds() % 3600 == 0) {
      return duration.toHours() + "h";
    }
    return duration.toSeconds() % 60 == 0 ? duration.toMinutes() + "m" : duration.toSeconds() + "s";
  }

  /**
   * A host name (letters, digits, '-' and '_' in dot-separated labels), an IPv4 address, or an IPv6
   * address in brackets: what goes before {@code :port} in a gRPC target.
   */
  String host(Setting setting) {
    String text = nonEmpty(setting);
    if (text.isEmpty()) {
      return text;
    }
    boolean ipv6 =
        text.startsWith("[")
            && text.endsWith("]")
            && IPV6_CHARS.matcher(text.substring(1, text.length() - 1)).matches()
            && isIpv6Literal(text.substring(1, text.length() - 1));
    if (!ipv6 && (text.length() > 253 || !HOST_NAME.matcher(text).matches())) {
      reject(setting, "a host name or IP address (no scheme, port or spaces)");
    }
    return text;
  }

  /** An IPv4 or IPv6 address literal, such as {@code 127.0.0.1}, {@code 0.0.0.0} or {@code ::1}. */
  String ipAddress(Setting setting) {
    String text = raw.text(setting);
    if (IPV4.matcher(text).matches()
        || (text.contains(":") && IPV6_CHARS.matcher(text).matches() && isIpv6Literal(text))) {
      return text;
    }
    reject(setting, "an IP address such as 127.0.0.1 or 0.0.0.0");
    return "127.0.0.1";
  }

  private static boolean isIpv6Literal(String text) {
    try {
      // Only hex digits, colons and dots reach here, so this parses a literal and never looks up
      // DNS.
      return java.net.InetAddress.getByName(text) instanceof java.net.Inet6Address;
    } catch (java.net.UnknownHostException e) {
      return false;
    }
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
