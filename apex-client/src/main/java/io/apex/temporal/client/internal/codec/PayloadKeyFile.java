package io.apex.temporal.client.internal.codec;

import io.apex.temporal.config.PayloadKey;
import io.apex.temporal.config.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The payload key of a machine that was given none: read from its file, or generated into it on
 * first use (readable by its owner only), so that the worker and the command line of one machine
 * share it and the embedded default runs without setup. Only the key ID is ever logged.
 */
public final class PayloadKeyFile {
  private static final Logger log = LoggerFactory.getLogger(PayloadKeyFile.class);
  private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final Set<PosixFilePermission> OWNER_ONLY_FILE =
      PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> OWNER_ONLY_DIR =
      PosixFilePermissions.fromString("rwx------");

  private final Path file;
  private final SecureRandom random = new SecureRandom();

  public PayloadKeyFile(Path file) {
    this.file = file;
  }

  /** The key in the file, generated there first when the file does not exist. */
  public PayloadKey loadOrCreate() throws IOException {
    if (!Files.exists(file)) {
      create();
    }
    return load();
  }

  /** The key in the file; never writes it. */
  public PayloadKey load() throws IOException {
    PayloadKey key = read();
    Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
    if (!OWNER_ONLY_FILE.containsAll(permissions)) {
      log.warn(
          "payload key file {} is readable by others ({}): chmod 600 it",
          file,
          PosixFilePermissions.toString(permissions));
    }
    return key;
  }

  private void create() throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    if (!Files.isDirectory(dir)) {
      Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
    }
    byte[] bytes = new byte[PayloadKey.KEY_BYTES];
    random.nextBytes(bytes);
    byte[] idBytes = new byte[4];
    random.nextBytes(idBytes);
    String id = "local-" + HexFormat.of().formatHex(idBytes);
    String line = id + ":" + Base64.getEncoder().encodeToString(bytes) + "\n";
    // Written whole to a private temporary file, then linked into place: a process that races
    // this one sees either no file or a complete one, and the first link wins.
    Path temporary =
        Files.createTempFile(
            dir, ".payload-key", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
    try {
      Files.writeString(temporary, line, StandardCharsets.US_ASCII);
      Files.createLink(file, temporary);
      log.info(
          "generated payload key {} into {} (owner-only); give it to every worker and client"
              + " of this namespace as APEX_PAYLOAD_KEY",
          id,
          file);
    } catch (FileAlreadyExistsException e) {
      // another process created it first: use that one
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  private PayloadKey read() throws IOException {
    String text = Files.readString(file, StandardCharsets.US_ASCII).trim();
    int colon = text.indexOf(':');
    if (colon > 0 && KEY_ID.matcher(text.substring(0, colon)).matches()) {
      String material = text.substring(colon + 1);
      try {
        if (Base64.getDecoder().decode(material).length == PayloadKey.KEY_BYTES) {
          return new PayloadKey(text.substring(0, colon), new Secret(material));
        }
      } catch (IllegalArgumentException e) {
        // reported below
      }
    }
    throw new IOException(
        "payload key file "
            + file
            + " must hold one line KEY_ID:BASE64 of "
            + PayloadKey.KEY_BYTES
            + " bytes");
  }
}
