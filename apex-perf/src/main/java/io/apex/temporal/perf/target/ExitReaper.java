package io.apex.temporal.perf.target;

/**
 * Stops a server this benchmark started if the JVM exits before the benchmark stops it itself
 * (Ctrl-C during a run), so that no server outlives the run and holds its ports.
 */
final class ExitReaper {
  private final Thread hook;

  private ExitReaper(Thread hook) {
    this.hook = hook;
  }

  static ExitReaper register(String name, Runnable stop) {
    Thread hook = new Thread(stop, name);
    Runtime.getRuntime().addShutdownHook(hook);
    return new ExitReaper(hook);
  }

  /** The benchmark stops the server itself from here on. */
  void cancel() {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // The JVM is already shutting down, and the hook will run.
    }
  }
}
