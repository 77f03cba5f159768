package io.apex.temporal.perf.load;

/** A workflow completed but returned something other than the specified greeting. */
public final class WrongResultException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public WrongResultException(String workflowId, String expected, String actual) {
    super("workflow " + workflowId + " returned '" + actual + "', expected '" + expected + "'");
  }
}
