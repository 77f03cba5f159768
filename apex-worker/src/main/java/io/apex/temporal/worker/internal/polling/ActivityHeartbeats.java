package io.apex.temporal.worker.internal.polling;

import io.temporal.activity.ActivityExecutionContext;
import io.temporal.client.ActivityCompletionException;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Heartbeats for every activity that was given a heartbeat timeout, for as long as it runs. A
 * worker that dies (kill -9) then loses its attempts after the heartbeat timeout instead of the
 * start-to-close timeout (minutes for an ingestion write), while an activity that is alive but slow
 * (a large document) keeps its attempt. The SDK heartbeats only where activity code calls it, and a
 * parse or a model call has no place to, hence this ticker.
 */
final class ActivityHeartbeats extends WorkerInterceptorBase implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ActivityHeartbeats.class);

  private final Consumer<ActivityExecutionContext> heartbeat;
  private final ScheduledExecutorService ticker =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "activity-heartbeats");
            thread.setDaemon(true);
            return thread;
          });

  ActivityHeartbeats() {
    this(context -> context.heartbeat(null));
  }

  /** With the beat itself given, so that a test can make one fail. */
  ActivityHeartbeats(Consumer<ActivityExecutionContext> heartbeat) {
    this.heartbeat = heartbeat;
  }

  @Override
  public ActivityInboundCallsInterceptor interceptActivity(ActivityInboundCallsInterceptor next) {
    return new ActivityInboundCallsInterceptorBase(next) {
      private ActivityExecutionContext context;

      @Override
      public void init(ActivityExecutionContext context) {
        this.context = context;
        super.init(context);
      }

      @Override
      public ActivityOutput execute(ActivityInput input) {
        Duration timeout = context.getInfo().getHeartbeatTimeout();
        if (context.getInfo().isLocal() || timeout.isZero()) {
          return super.execute(input);
        }
        // Three beats per timeout, so that one delayed beat never costs the attempt.
        long every = Math.max(100, timeout.toMillis() / 3);
        ScheduledFuture<?> beats =
            ticker.scheduleAtFixedRate(() -> beat(context), every, every, TimeUnit.MILLISECONDS);
        try {
          return super.execute(input);
        } finally {
          beats.cancel(false);
        }
      }
    };
  }

  /**
   * One beat. Nothing may escape it: an exception would end the scheduled task, the beats would
   * stop, and the attempt would be lost to the heartbeat timeout with no trace.
   */
  private void beat(ActivityExecutionContext context) {
    try {
      heartbeat.accept(context);
    } catch (ActivityCompletionException e) {
      // Cancelled or timed out: the activity learns it from its own outcome, not from the ticker.
    } catch (RuntimeException e) {
      var info = context.getInfo();
      log.warn(
          "heartbeat of activity {} ({}) of workflow {} failed, the next beat tries again",
          info.getActivityId(),
          info.getActivityType(),
          info.getWorkflowId(),
          e);
    }
  }

  @Override
  public void close() {
    ticker.shutdownNow();
  }
}
