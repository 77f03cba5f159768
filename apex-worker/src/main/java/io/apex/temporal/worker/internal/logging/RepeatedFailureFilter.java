package io.apex.temporal.worker.internal.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

/**
 * Lets through one WARN or ERROR with a stack trace per logger, message and exception type in each
 * window, and counts the rest. While the server is down, every SDK poller logs the same stack trace
 * on every retry (hundreds of traces a minute); one per window says the same. The next one let
 * through is preceded by a line saying how many were held back. Logback's own {@code
 * DuplicateMessageFilter} counts repeats for ever, not per window, so it cannot do this.
 */
public final class RepeatedFailureFilter extends TurboFilter {
  private static final org.slf4j.Logger log = LoggerFactory.getLogger(RepeatedFailureFilter.class);

  private List<String> loggerPrefixes = List.of("io.temporal", "io.grpc");
  private long windowNanos = TimeUnit.SECONDS.toNanos(60);
  private final Map<String, Window> windows = new ConcurrentHashMap<>();

  private static final class Window {
    final long startedAt;
    final AtomicLong held = new AtomicLong();

    Window(long startedAt) {
      this.startedAt = startedAt;
    }
  }

  /** Comma-separated logger name prefixes whose repeated failures are held back. */
  public void setLoggerPrefixes(String prefixes) {
    loggerPrefixes =
        Arrays.stream(prefixes.split(","))
            .map(String::trim)
            .filter(prefix -> !prefix.isEmpty())
            .toList();
  }

  public void setWindowSeconds(int seconds) {
    windowNanos = TimeUnit.SECONDS.toNanos(seconds);
  }

  @Override
  public FilterReply decide(
      Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    if (level == null || !level.isGreaterOrEqual(Level.WARN) || format == null) {
      return FilterReply.NEUTRAL;
    }
    Throwable thrown = t != null ? t : lastThrowable(params);
    if (thrown == null || loggerPrefixes.stream().noneMatch(logger.getName()::startsWith)) {
      return FilterReply.NEUTRAL;
    }
    String key = logger.getName() + '|' + format + '|' + thrown.getClass().getName();
    long now = System.nanoTime();
    Window window = windows.get(key);
    if (window != null && now - window.startedAt < windowNanos) {
      window.held.incrementAndGet();
      return FilterReply.DENY;
    }
    windows.put(key, new Window(now));
    if (window != null && window.held.get() > 0) {
      log.warn(
          "{} more like the next one from {} held back in the last {} s",
          window.held.get(),
          logger.getName(),
          TimeUnit.NANOSECONDS.toSeconds(now - window.startedAt));
    }
    return FilterReply.NEUTRAL;
  }

  private static Throwable lastThrowable(Object[] params) {
    if (params == null || params.length == 0) {
      return null;
    }
    return params[params.length - 1] instanceof Throwable thrown ? thrown : null;
  }
}
