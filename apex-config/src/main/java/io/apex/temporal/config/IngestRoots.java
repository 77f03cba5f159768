package io.apex.temporal.config;

import java.nio.file.Path;
import java.util.List;

/**
 * The directories under which a worker may read a file named by path in an ingestion request; none
 * by default, so that a request naming any path on the worker's disk (say /etc/passwd) reads
 * nothing.
 */
public record IngestRoots(List<Path> directories) {
  public IngestRoots {
    directories = List.copyOf(directories);
  }

  public static IngestRoots none() {
    return new IngestRoots(List.of());
  }
}
