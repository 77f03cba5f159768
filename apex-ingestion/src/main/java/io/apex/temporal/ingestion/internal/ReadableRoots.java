package io.apex.temporal.ingestion.internal;

import io.apex.temporal.workflows.ingestion.IngestionFailures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The directories under which a worker reads a file named by path. A request naming any other path,
 * or one that leaves a root through {@code ..} or a directory link, is invalid input and reads
 * nothing: anyone who can start a workflow could otherwise have the worker read any file its user
 * can (and then find its text by search).
 */
final class ReadableRoots {
  private final List<Path> roots;

  ReadableRoots(List<Path> roots) {
    this.roots = List.copyOf(roots);
  }

  /**
   * Where the file really is: its directory with every link and {@code ..} resolved, and its own
   * name (a link there is not followed, and is refused when the file is opened). Fails as an
   * invalid request when that is under no root; a directory under a root that does not exist or
   * cannot be searched is the {@link IOException} that says so.
   */
  Path locate(Path requested) throws IOException {
    Path normalized = requested.normalize();
    Path parent = normalized.getParent();
    Path name = normalized.getFileName();
    if (parent == null || name == null) {
      throw outside(requested);
    }
    Path located;
    try {
      located = parent.toRealPath().resolve(name);
    } catch (IOException e) {
      // Its directory does not exist or cannot be searched: that is the answer only inside a root.
      if (!under(normalized, lexicalRoots())) {
        throw outside(requested);
      }
      throw e;
    }
    if (!under(located, realRoots())) {
      throw outside(requested);
    }
    return located;
  }

  private static boolean under(Path path, List<Path> directories) {
    return directories.stream().anyMatch(path::startsWith);
  }

  private List<Path> lexicalRoots() {
    return roots.stream().map(Path::normalize).toList();
  }

  /** The roots as they are on disk now (a root that is a link counts as where it points). */
  private List<Path> realRoots() {
    List<Path> real = new ArrayList<>();
    for (Path root : roots) {
      try {
        real.add(root.toRealPath());
      } catch (IOException e) {
        // A root that does not exist holds no file.
      }
    }
    return real;
  }

  private InvalidDocumentException outside(Path requested) {
    return new InvalidDocumentException(
        IngestionFailures.INVALID_REQUEST,
        "path "
            + requested
            + " is outside the directories this worker may read (APEX_INGEST_ROOTS: "
            + (roots.isEmpty() ? "none" : roots)
            + ")");
  }
}
