package io.apex.temporal.client;

/** The server could not be reached (or refused us) within the connect timeout. */
public final class TemporalUnreachableException extends Exception {
  private static final long serialVersionUID = 1L;

  public TemporalUnreachableException(String message, Throwable cause) {
    super(message, cause);
  }
}
