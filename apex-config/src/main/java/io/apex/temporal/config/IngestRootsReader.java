package io.apex.temporal.config;

import static io.apex.temporal.config.Setting.INGEST_ROOTS;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Reads {@code APEX_INGEST_ROOTS}: absolute directories separated as in PATH. */
final class IngestRootsReader {
  static final String RULE =
      "absolute directory paths separated by '"
          + File.pathSeparator
          + "', such as /srv/documents"
          + File.pathSeparator
          + "/home/me/papers, or empty (no path may be read)";

  private IngestRootsReader() {}

  static IngestRoots read(SettingReader reader) {
    String text = reader.text(INGEST_ROOTS).strip();
    if (text.isEmpty()) {
      return IngestRoots.none();
    }
    List<Path> roots = new ArrayList<>();
    for (String part : text.split(Pattern.quote(File.pathSeparator))) {
      String entry = part.strip();
      if (entry.isEmpty()) {
        continue;
      }
      try {
        Path root = Path.of(entry);
        if (!root.isAbsolute() || (Files.exists(root) && !Files.isDirectory(root))) {
          reader.reject(INGEST_ROOTS, RULE);
          return IngestRoots.none();
        }
        roots.add(root.normalize());
      } catch (InvalidPathException e) {
        reader.reject(INGEST_ROOTS, RULE);
        return IngestRoots.none();
      }
    }
    return new IngestRoots(roots);
  }
}
