package io.apex.temporal.worker.internal.runtime;

import io.apex.temporal.worker.internal.cli.ExitCodes;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * Turns SIGINT and SIGTERM into a request to stop, so that the worker drains and exits with its own
 * status (0 after a clean drain) instead of the JVM's 130 or 143. A signal during start-up
 * interrupts it; a second signal stops the process at once.
 */
public final class ShutdownSignals {
  private static final Logger log = LoggerFactory.getLogger(ShutdownSignals.class);
  // A wrapper (timeout, a process supervisor) may pass on the same Ctrl-C that the terminal also
  // delivered; a second signal counts only when it comes this long after the first.
  private static final long DUPLICATE_WINDOW_NANOS =
      java.util.concurrent.TimeUnit.SECONDS.toNanos(1);

  private final CountDownLatch requested = new CountDownLatch(1);
  private final AtomicBoolean starting = new AtomicBoolean(true);
  private final Thread mainThread;
  private volatile String received = "";
  private volatile long firstSignalAt;

  private ShutdownSignals(Thread mainThread) {
    this.mainThread = mainThread;
  }

  /** Installs the handlers for the calling thread, which runs the worker. */
  public static ShutdownSignals install() {
    ShutdownSignals signals = new ShutdownSignals(Thread.currentThread());
    Signal.handle(new Signal("INT"), signals::onSignal);
    Signal.handle(new Signal("TERM"), signals::onSignal);
    return signals;
  }

  private void onSignal(Signal signal) {
    if (requested.getCount() == 0) {
      if (System.nanoTime() - firstSignalAt < DUPLICATE_WINDOW_NANOS) {
        return;
      }
      log.warn("second SIG{}: stopping at once without draining", signal.getName());
      Runtime.getRuntime().halt(ExitCodes.SECOND_SIGNAL);
    }
    firstSignalAt = System.nanoTime();
    received = "SIG" + signal.getName();
    requested.countDown();
    if (starting.get()) {
      mainThread.interrupt();
    }
  }

  /** Start-up is over: from now on a signal only asks the waiting thread to stop. */
  public void started() {
    starting.set(false);
    Thread.interrupted();
  }

  public boolean stopRequested() {
    return requested.getCount() == 0;
  }

  /** Blocks until a signal arrives and returns its name. */
  public String await() throws InterruptedException {
    requested.await();
    return received;
  }
}
