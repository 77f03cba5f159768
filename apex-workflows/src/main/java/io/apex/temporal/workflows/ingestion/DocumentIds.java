package io.apex.temporal.workflows.ingestion;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Stable document IDs: the same source and absolute path always give the same ID. */
public final class DocumentIds {
  private DocumentIds() {}

  /** The first 128 bits of SHA-256 over {@code source}, a NUL, and the path, in hex. */
  public static String of(String source, String absolutePath) {
    try {
      var digest = MessageDigest.getInstance("SHA-256");
      digest.update(source.getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      digest.update(absolutePath.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest.digest(), 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
