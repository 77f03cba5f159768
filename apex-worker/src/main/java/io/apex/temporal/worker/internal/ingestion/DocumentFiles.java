package io.apex.temporal.worker.internal.ingestion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The files that an ingest of some paths covers: each file as given, each directory's regular files
 * recursively (hidden ones too; sorted), all as absolute normalised paths, each once. A path that
 * does not exist is kept, so that its ingestion reports it as not found.
 */
public final class DocumentFiles {
  private DocumentFiles() {}

  public static List<Path> collect(List<Path> paths) {
    Set<Path> files = new LinkedHashSet<>();
    for (Path given : paths) {
      Path path = given.toAbsolutePath().normalize();
      if (Files.isDirectory(path)) {
        try (Stream<Path> walk = Files.walk(path)) {
          walk.filter(Files::isRegularFile).map(Path::normalize).sorted().forEach(files::add);
        } catch (IOException e) {
          throw new UncheckedIOException("could not list " + path + ": " + e.getMessage(), e);
        }
      } else {
        files.add(path);
      }
    }
    return new ArrayList<>(files);
  }
}
