package io.apex.temporal.ingestion.internal;

import java.nio.file.Path;

/** A child process that starts the embedded PostgreSQL, says so, and waits to be killed. */
public final class EmbeddedServerHolder {
  private EmbeddedServerHolder() {}

  public static void main(String[] args) throws Exception {
    EmbeddedPostgresServer.startOrJoin(Path.of(args[0]), Integer.parseInt(args[1]));
    System.out.println("READY");
    System.out.flush();
    Thread.sleep(120_000);
  }
}
