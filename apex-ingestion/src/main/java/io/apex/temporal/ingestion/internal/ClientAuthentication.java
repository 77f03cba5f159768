package io.apex.temporal.ingestion.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The embedded PostgreSQL's {@code pg_hba.conf}: a password (SCRAM) for every connection, over
 * loopback or the local socket, and no {@code trust} line. Without it any local user could log in
 * as the superuser, read every document and run {@code COPY ... TO PROGRAM} as the worker's user.
 */
final class ClientAuthentication {
  static final String FILE_NAME = "pg_hba.conf";

  static final String CONTENT =
      """
      # Written by Apex on every start: every connection needs the password (SCRAM).
      # TYPE  DATABASE  USER  ADDRESS       METHOD
      local   all       all                 scram-sha-256
      host    all       all   127.0.0.1/32  scram-sha-256
      host    all       all   ::1/128       scram-sha-256
      """;

  private ClientAuthentication() {}

  /** True when the data directory's rules are ours already. */
  static boolean current(Path pgData) {
    try {
      Path file = pgData.resolve(FILE_NAME);
      return Files.exists(file) && Files.readString(file, StandardCharsets.UTF_8).equals(CONTENT);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + pgData.resolve(FILE_NAME), e);
    }
  }

  static void write(Path pgData) {
    Path file = pgData.resolve(FILE_NAME);
    try {
      Files.writeString(file, CONTENT, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + file, e);
    }
  }
}
