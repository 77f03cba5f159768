package io.apex.temporal.perf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.io.file.PathUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A benchmark's working directory (its store, index and files): a temporary one is deleted when the
 * benchmark is done with it, so that runs do not leave hundreds of megabytes behind; one the caller
 * named is kept.
 */
public final class WorkDirectory implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(WorkDirectory.class);

  private final Path path;
  private final boolean temporary;

  private WorkDirectory(Path path, boolean temporary) {
    this.path = path;
    this.temporary = temporary;
  }

  /** A new temporary directory, deleted on {@link #close()}. */
  public static WorkDirectory temporary(String prefix) throws IOException {
    return new WorkDirectory(Files.createTempDirectory(prefix), true);
  }

  /** {@code path}, created if missing and kept after the run. */
  public static WorkDirectory kept(Path path) throws IOException {
    return new WorkDirectory(Files.createDirectories(path), false);
  }

  public Path path() {
    return path;
  }

  @Override
  public void close() {
    if (!temporary) {
      return;
    }
    try {
      PathUtils.deleteDirectory(path);
    } catch (IOException e) {
      log.warn("could not delete the benchmark's work directory {}: {}", path, e.toString());
    }
  }
}
