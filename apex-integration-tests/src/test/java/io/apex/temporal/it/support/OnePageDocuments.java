package io.apex.temporal.it.support;

import io.apex.temporal.testkit.SampleDocuments;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Small one-page text documents of distinct content, each naming its own email address and amount
 * so that every document has entities of its own.
 */
public final class OnePageDocuments {
  private OnePageDocuments() {}

  /** {@code count} documents {@code doc-<first>.txt} ... in {@code dir}. */
  public static List<Path> write(Path dir, int first, int count) {
    List<Path> files = new ArrayList<>();
    for (int i = first; i < first + count; i++) {
      String text =
          SampleDocuments.pages("fleet topic " + i, 1, i)
              + "Questions go to owner"
              + i
              + "@example.com about the invoice of "
              + (100 + i)
              + ".50 EUR.\n";
      files.add(
          SampleDocuments.write(dir.resolve("doc-" + i + ".txt"), SampleDocuments.text(text)));
    }
    return files;
  }
}
