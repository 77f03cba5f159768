package io.apex.temporal.perf.ingestion;

/** The document sizes the ingestion benchmark measures separately. */
public enum SizeClass {
  ONE_PAGE("one page (~3 KB text)"),
  TEN_PAGES("~10 pages (~30 KB text)"),
  LARGE_TEXT("300 KB text");

  private final String label;

  SizeClass(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
