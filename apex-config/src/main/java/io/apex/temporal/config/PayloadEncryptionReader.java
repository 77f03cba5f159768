package io.apex.temporal.config;

import static io.apex.temporal.config.Setting.CODEC_CORS_ORIGINS;
import static io.apex.temporal.config.Setting.CODEC_ENDPOINT;
import static io.apex.temporal.config.Setting.CODEC_TOKEN;
import static io.apex.temporal.config.Setting.PAYLOAD_DECRYPT_KEYS;
import static io.apex.temporal.config.Setting.PAYLOAD_ENCRYPT;
import static io.apex.temporal.config.Setting.PAYLOAD_KEY;
import static io.apex.temporal.config.Setting.PAYLOAD_KEY_FILE;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the payload encryption and codec endpoint settings; a bad value becomes a problem like any
 * other setting's, and a key's value never appears in one.
 */
final class PayloadEncryptionReader {
  private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final Pattern PREFIX = Pattern.compile("[^\\s,*]+");
  static final String KEY_FORMAT =
      "KEY_ID:BASE64 (an ID of at most 64 letters, digits, '.', '_' or '-', a colon, then "
          + PayloadKey.KEY_BYTES
          + " random bytes in base64, e.g. from 'openssl rand -base64 32')";
  private static final int MIN_TOKEN_CHARS = 16;

  private PayloadEncryptionReader() {}

  static PayloadEncryption read(SettingReader reader, RawSettings raw) {
    Optional<PayloadKey> key = Optional.empty();
    if (reader.isSet(PAYLOAD_KEY)) {
      key = key(reader, PAYLOAD_KEY, raw.text(PAYLOAD_KEY));
    }
    List<PayloadKey> decryptOnly = new ArrayList<>();
    for (String entry : raw.text(PAYLOAD_DECRYPT_KEYS).split(",")) {
      if (!entry.isBlank()) {
        key(reader, PAYLOAD_DECRYPT_KEYS, entry.trim()).ifPresent(decryptOnly::add);
      }
    }
    Set<String> ids = new HashSet<>();
    key.ifPresent(k -> ids.add(k.id()));
    for (PayloadKey old : decryptOnly) {
      if (!ids.add(old.id())) {
        reader.reject(
            PAYLOAD_DECRYPT_KEYS,
            "keys with distinct IDs (key ID '"
                + old.id()
                + "' is given twice, here or in "
                + PAYLOAD_KEY.envVar()
                + ")");
      }
    }
    return new PayloadEncryption(
        key, decryptOnly, keyFile(reader, raw), rule(reader, raw.text(PAYLOAD_ENCRYPT)));
  }

  static CodecEndpointSettings codecEndpoint(SettingReader reader, RawSettings raw) {
    boolean enabled = reader.bool(CODEC_ENDPOINT);
    Optional<Secret> token = reader.secret(CODEC_TOKEN);
    if (token.isPresent() && token.get().reveal().length() < MIN_TOKEN_CHARS) {
      reader.reject(CODEC_TOKEN, "at least " + MIN_TOKEN_CHARS + " characters");
    }
    List<String> origins = new ArrayList<>();
    for (String origin : raw.text(CODEC_CORS_ORIGINS).split("[\\s,]+")) {
      if (origin.isEmpty()) {
        continue;
      }
      if (isOrigin(origin)) {
        origins.add(origin);
      } else {
        reader.reject(
            CODEC_CORS_ORIGINS,
            "space-separated origins such as http://localhost:8088 (scheme, host and port only)");
        break;
      }
    }
    return new CodecEndpointSettings(enabled, token, origins);
  }

  private static Optional<PayloadKey> key(SettingReader reader, Setting setting, String text) {
    int colon = text.indexOf(':');
    if (colon < 0) {
      reader.reject(setting, KEY_FORMAT + "; the colon after the key ID is missing");
      return Optional.empty();
    }
    String id = text.substring(0, colon);
    String material = text.substring(colon + 1);
    if (!KEY_ID.matcher(id).matches()) {
      reader.reject(setting, KEY_FORMAT + "; the key ID is not of that form");
      return Optional.empty();
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(material);
    } catch (IllegalArgumentException e) {
      reader.reject(setting, KEY_FORMAT + "; the key of '" + id + "' is not base64");
      return Optional.empty();
    }
    if (bytes.length != PayloadKey.KEY_BYTES) {
      reader.reject(
          setting, KEY_FORMAT + "; the key of '" + id + "' is " + bytes.length + " bytes");
      return Optional.empty();
    }
    return Optional.of(new PayloadKey(id, new Secret(material)));
  }

  /** {@code ~} at the start stands for the user's home directory. */
  private static Path keyFile(SettingReader reader, RawSettings raw) {
    String text = raw.text(PAYLOAD_KEY_FILE);
    try {
      if (!text.isEmpty()) {
        Path path =
            text.equals("~") || text.startsWith("~/")
                ? Path.of(System.getProperty("user.home"), text.substring(1).replaceFirst("^/", ""))
                : Path.of(text);
        Path absolute = path.toAbsolutePath().normalize();
        if (!Files.isDirectory(absolute)) {
          return absolute;
        }
      }
    } catch (InvalidPathException e) {
      // reported below
    }
    reader.reject(PAYLOAD_KEY_FILE, "a file path (the file is created when missing)");
    return Path.of("");
  }

  private static EncryptionRule rule(SettingReader reader, String text) {
    String rule =
        "'none', '*' (every workflow) or comma-separated workflow ID prefixes such as" + " ingest-";
    if (text.equals("*")) {
      return EncryptionRule.all();
    }
    if (text.equalsIgnoreCase("none")) {
      return EncryptionRule.none();
    }
    List<String> prefixes = new ArrayList<>();
    for (String entry : text.split(",", -1)) {
      String prefix = entry.trim();
      if (!PREFIX.matcher(prefix).matches() || prefix.equalsIgnoreCase("none")) {
        reader.reject(PAYLOAD_ENCRYPT, rule);
        return EncryptionRule.all();
      }
      prefixes.add(prefix);
    }
    return new EncryptionRule(false, prefixes);
  }

  private static boolean isOrigin(String text) {
    try {
      URI uri = new URI(text);
      return (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null
          && (uri.getRawPath() == null || uri.getRawPath().isEmpty())
          && uri.getRawQuery() == null
          && uri.getRawFragment() == null
          && uri.getRawUserInfo() == null);
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
