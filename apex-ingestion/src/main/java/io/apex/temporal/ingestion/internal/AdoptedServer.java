package io.apex.temporal.ingestion.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded PostgreSQL whose starter died without stopping it (a worker killed with -9): the
 * starter's lock on the data directory is free, so this process takes it and stops the server on
 * close, as the starter would have.
 */
final class AdoptedServer {
  private static final Logger log = LoggerFactory.getLogger(AdoptedServer.class);

  /** The lock file zonky's starter holds for the server's life. */
  private static final String LOCK_FILE = "epg-lock";

  private final Path pgData;
  private final FileChannel channel;
  private final FileLock lock;

  private AdoptedServer(Path pgData, FileChannel channel, FileLock lock) {
    this.pgData = pgData;
    this.channel = channel;
    this.lock = lock;
  }

  /** The server, adopted, when no live process holds its starter's lock; else null. */
  static AdoptedServer ifOrphaned(Path pgData) {
    FileChannel channel = null;
    try {
      channel =
          FileChannel.open(
              pgData.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = channel.tryLock();
      if (lock == null) {
        channel.close();
        return null;
      }
      return new AdoptedServer(pgData, channel, lock);
    } catch (OverlappingFileLockException e) {
      // This JVM started it: its starter is alive.
      closeQuietly(channel);
      return null;
    } catch (IOException e) {
      closeQuietly(channel);
      log.warn(
          "cannot tell whether the embedded PostgreSQL in {} has an owner: {}",
          pgData,
          e.toString());
      return null;
    }
  }

  /** Asks the postmaster for a fast shutdown and waits for it, bounded. */
  void stop() {
    try {
      var pidFile = pgData.resolve("postmaster.pid");
      if (Files.exists(pidFile)) {
        long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
        var handle = ProcessHandle.of(pid);
        if (handle.isPresent()) {
          log.info("stopping the adopted embedded PostgreSQL (pid {}) in {}", pid, pgData);
          // SIGINT is PostgreSQL's fast shutdown: clients are disconnected, data is flushed.
          new ProcessBuilder("kill", "-INT", Long.toString(pid)).inheritIO().start().waitFor();
          handle.get().onExit().get(30, TimeUnit.SECONDS);
        }
      }
    } catch (Exception e) {
      log.warn("stopping the adopted embedded PostgreSQL in {} failed: {}", pgData, e.toString());
    } finally {
      try {
        lock.release();
      } catch (IOException e) {
        log.debug("releasing {} failed", LOCK_FILE, e);
      }
      closeQuietly(channel);
    }
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        log.debug("closing the lock file failed", e);
      }
    }
  }
}
