package io.apex.temporal.worker.internal.polling;

import io.temporal.common.converter.EncodedValues;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import io.temporal.common.interceptors.WorkflowInboundCallsInterceptor;
import io.temporal.common.interceptors.WorkflowInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkflowOutboundCallsInterceptor;
import io.temporal.workflow.DynamicQueryHandler;

/**
 * Answers a query no workflow handler knows with one line naming it. Without this the SDK answers
 * with the worker's whole Java stack trace, which the caller then prints; a dynamic query handler
 * is the SDK's one place to catch unknown names before that.
 */
public final class UnknownQueryRefusal extends WorkerInterceptorBase {

  /** An unknown query; no stack trace, since the SDK sends the printed trace to the caller. */
  static final class UnknownQueryException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    UnknownQueryException(String queryType) {
      super("unknown query type '" + queryType + "'");
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
      return this;
    }
  }

  @Override
  public WorkflowInboundCallsInterceptor interceptWorkflow(WorkflowInboundCallsInterceptor next) {
    return new WorkflowInboundCallsInterceptorBase(next) {
      @Override
      public void init(WorkflowOutboundCallsInterceptor outboundCalls) {
        super.init(outboundCalls);
        DynamicQueryHandler refuse =
            (String queryType, EncodedValues args) -> {
              throw new UnknownQueryException(queryType);
            };
        outboundCalls.registerDynamicQueryHandler(
            new WorkflowOutboundCallsInterceptor.RegisterDynamicQueryHandlerInput(refuse));
      }
    };
  }
}
