package io.apex.temporal.api.internal;

/**
 * A request the API refuses, as an RFC 9457 problem: its status, a short type slug and title, and a
 * detail naming what was wrong.
 */
public final class ApiProblem extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String slug;
  private final String title;

  public ApiProblem(int status, String slug, String title, String detail) {
    super(detail, null, false, false);
    this.status = status;
    this.slug = slug;
    this.title = title;
  }

  public int status() {
    return status;
  }

  /** The problem's type URI. */
  public String type() {
    return "urn:apex:problem:" + slug;
  }

  public String title() {
    return title;
  }

  public String detail() {
    return getMessage();
  }

  public static ApiProblem badRequest(String detail) {
    return new ApiProblem(400, "bad-request", "Bad request", detail);
  }

  public static ApiProblem notFound(String detail) {
    return new ApiProblem(404, "not-found", "Not found", detail);
  }

  public static ApiProblem conflict(String detail) {
    return new ApiProblem(409, "conflict", "Conflict", detail);
  }

  public static ApiProblem tooLarge(String detail) {
    return new ApiProblem(413, "too-large", "Content too large", detail);
  }

  public static ApiProblem unsupportedMediaType(String detail) {
    return new ApiProblem(415, "unsupported-media-type", "Unsupported media type", detail);
  }

  public static ApiProblem unavailable(String detail) {
    return new ApiProblem(503, "unavailable", "Service unavailable", detail);
  }
}
