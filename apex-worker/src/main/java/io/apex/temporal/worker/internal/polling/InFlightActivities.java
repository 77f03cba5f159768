package io.apex.temporal.worker.internal.polling;

import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts activities executing in this worker, so that a drain can say how many it waits for. */
public final class InFlightActivities extends WorkerInterceptorBase {
  private final AtomicInteger running = new AtomicInteger();

  public int count() {
    return running.get();
  }

  @Override
  public ActivityInboundCallsInterceptor interceptActivity(ActivityInboundCallsInterceptor next) {
    return new ActivityInboundCallsInterceptorBase(next) {
      @Override
      public ActivityOutput execute(ActivityInput input) {
        running.incrementAndGet();
        try {
          return super.execute(input);
        } finally {
          running.decrementAndGet();
        }
      }
    };
  }
}
