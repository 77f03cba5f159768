package io.apex.temporal.ingestion.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The embedded PostgreSQL superuser's password: generated once, kept in a file only its owner can
 * read ({@code rw-------}) in the store's data directory. Every process of ours on that data
 * directory reads it from there; a local user without it cannot log in.
 */
record StorePassword(Path file, String value) {
  static final String FILE_NAME = "postgres.password";
  private static final int RANDOM_BYTES = 32;

  @Override
  public String toString() {
    return "StorePassword[" + file + "]";
  }

  /** The password in the data directory, created (owner-only) when there is none yet. */
  static StorePassword readOrCreate(Path dataDirectory) {
    Path file = dataDirectory.resolve(FILE_NAME);
    try {
      Files.createDirectories(dataDirectory);
      if (!Files.exists(file)) {
        create(file);
      }
      return read(file);
    } catch (IOException e) {
      throw new UncheckedIOException("could not keep the store password in " + file, e);
    }
  }

  static StorePassword read(Path file) throws IOException {
    String value = Files.readString(file, StandardCharsets.UTF_8).strip();
    if (value.isEmpty()) {
      throw new IOException("the store password file " + file + " is empty");
    }
    return new StorePassword(file, value);
  }

  /**
   * Written under a temporary name, owner-only from its creation, then linked into place: another
   * process starting at the same moment sees either no file or the whole password, and the first
   * link wins.
   */
  private static void create(Path file) throws IOException {
    byte[] random = new byte[RANDOM_BYTES];
    new SecureRandom().nextBytes(random);
    String value = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    Path temporary =
        Files.createTempFile(
            file.getParent(),
            FILE_NAME,
            ".new",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    try {
      Files.writeString(temporary, value + "\n", StandardCharsets.UTF_8);
      Files.createLink(file, temporary);
    } catch (FileAlreadyExistsException e) {
      // Another process created it first: theirs is the password.
    } finally {
      Files.deleteIfExists(temporary);
    }
  }
}
