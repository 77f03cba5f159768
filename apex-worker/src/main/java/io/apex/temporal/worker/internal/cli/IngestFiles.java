package io.apex.temporal.worker.internal.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files an {@code ingest} of some paths covers: each file as given, each folder's regular files
 * recursively (hidden ones too, sorted), as absolute normalised paths, each once. A path that
 * cannot be ingested is kept with the reason, so that its line says why: it does not exist, cannot
 * be read, or is a link inside a folder that points outside it (never followed).
 */
final class IngestFiles {
  /** A file to upload, or the reason it cannot be. */
  record Candidate(Path path, String problem) {}

  private IngestFiles() {}

  static List<Candidate> collect(List<Path> given) {
    Map<Path, Candidate> out = new LinkedHashMap<>();
    for (Path one : given) {
      Path path = one.toAbsolutePath().normalize();
      if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS) || Files.isDirectory(path)) {
        walk(path, out);
      } else {
        out.putIfAbsent(path, new Candidate(path, problem(path)));
      }
    }
    return new ArrayList<>(out.values());
  }

  private static void walk(Path folder, Map<Path, Candidate> out) {
    Path realFolder;
    try {
      realFolder = folder.toRealPath();
    } catch (IOException e) {
      out.putIfAbsent(folder, new Candidate(folder, unreadable(folder, e)));
      return;
    }
    List<Candidate> found = new ArrayList<>();
    try {
      Files.walkFileTree(
          folder,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
              Path normal = file.normalize();
              if (attributes.isSymbolicLink()) {
                found.add(new Candidate(normal, linkProblem(normal, realFolder)));
              } else if (attributes.isRegularFile()) {
                found.add(new Candidate(normal, null));
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              found.add(new Candidate(file.normalize(), unreadable(file, e)));
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      out.putIfAbsent(folder, new Candidate(folder, unreadable(folder, e)));
      return;
    }
    found.stream()
        .sorted(java.util.Comparator.comparing(Candidate::path))
        .forEach(c -> out.putIfAbsent(c.path(), c));
  }

  /** A link to a file inside the folder is ingested; one that leads outside it is not. */
  private static String linkProblem(Path link, Path realFolder) {
    try {
      Path target = link.toRealPath();
      if (!target.startsWith(realFolder)) {
        return link + " is a link to a file outside the folder (not followed)";
      }
      return Files.isRegularFile(target) ? null : link + " is a link to something not a file";
    } catch (IOException e) {
      return link + " is a broken link";
    }
  }

  private static String problem(Path path) {
    if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
      return path + " does not exist";
    }
    if (!Files.isRegularFile(path)) {
      return path + " is not a regular file";
    }
    if (!Files.isReadable(path)) {
      return path + " cannot be read (permission denied)";
    }
    return null;
  }

  private static String unreadable(Path path, IOException e) {
    if (e instanceof AccessDeniedException) {
      return path + " cannot be read (permission denied)";
    }
    if (e instanceof NoSuchFileException) {
      return path + " does not exist";
    }
    return path + " cannot be read: " + e.getMessage();
  }
}
