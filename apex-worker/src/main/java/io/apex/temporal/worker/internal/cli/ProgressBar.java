package io.apex.temporal.worker.internal.cli;

import java.io.PrintWriter;

/** A one-line progress bar redrawn in place; drawn only when the output is a terminal. */
final class ProgressBar {
  private static final int WIDTH = 30;

  private final PrintWriter terminal;
  private final int total;
  private int done;

  private ProgressBar(PrintWriter terminal, int total) {
    this.terminal = terminal;
    this.total = total;
  }

  /** A bar on {@code err} when this process has a terminal; otherwise one that draws nothing. */
  static ProgressBar onTerminal(PrintWriter err, int total) {
    return new ProgressBar(System.console() == null ? null : err, total);
  }

  synchronized void advance() {
    done++;
    if (terminal == null) {
      return;
    }
    int filled = total == 0 ? WIDTH : done * WIDTH / total;
    terminal.print(
        "\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + done + "/" + total);
    terminal.flush();
  }

  /** Clears the bar so the lines printed after it start on a clean line. */
  synchronized void clear() {
    if (terminal != null) {
      terminal.print("\r" + " ".repeat(WIDTH + 24) + "\r");
      terminal.flush();
    }
  }
}
