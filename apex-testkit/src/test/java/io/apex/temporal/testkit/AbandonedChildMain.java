package io.apex.temporal.testkit;

import java.util.List;

/** A JVM that starts a long-running child, prints its pid, and exits without stopping it. */
public final class AbandonedChildMain {
  private AbandonedChildMain() {}

  public static void main(String[] args) {
    ChildProcess child = ChildProcess.command("abandoned", List.of("sleep", "120")).start();
    System.out.println("pid " + child.pid());
    System.exit(0);
  }
}
