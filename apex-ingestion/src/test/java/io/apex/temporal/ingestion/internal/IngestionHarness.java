package io.apex.temporal.ingestion.internal;

import io.apex.temporal.workflows.ingestion.DocumentIds;
import io.apex.temporal.workflows.ingestion.IngestionRequest;
import io.apex.temporal.workflows.ingestion.ParsedDocument;
import io.apex.temporal.workflows.ingestion.StagedDocument;
import io.apex.temporal.workflows.ingestion.WrittenDocument;
import java.nio.file.Path;

/** Runs the activities in the workflow's order, as a test of the components needs them. */
final class IngestionHarness {
  record Run(StagedDocument staged, ParsedDocument parsed, int entities, WrittenDocument written) {}

  private final IngestionParts components;

  IngestionHarness(IngestionParts components) {
    this.components = components;
  }

  static String idOf(Path file) {
    return DocumentIds.of("test", file.toAbsolutePath().toString());
  }

  StagedDocument stage(Path file) {
    return stage(file, "test");
  }

  private StagedDocument stage(Path file, String source) {
    String path = file.toAbsolutePath().toString();
    return components
        .activities()
        .stage(new IngestionRequest(DocumentIds.of(source, path), source, path));
  }

  /** Every step, cleanup included; an unchanged document stops after staging. */
  Run ingest(Path file) {
    return ingest(file, "test");
  }

  /** As {@link #ingest(Path)}, from the named source. */
  Run ingest(Path file, String source) {
    var a = components.activities();
    var staged = stage(file, source);
    if (staged.unchanged()) {
      return new Run(staged, null, staged.storedEntities(), null);
    }
    var parsed = a.parse(staged);
    int entities = a.extractEntities(staged);
    a.generateEmbeddings(staged);
    var written = a.write(staged);
    a.cleanup(staged);
    return new Run(staged, parsed, entities, written);
  }

  /** The text the parser staged for the document, its chunks joined. */
  String stagedText(StagedDocument staged) {
    var chunks = new StagingTables(components.transactions()).chunks(staged.stagingKey(), false);
    var out = new StringBuilder();
    for (var c : chunks) {
      out.append(c.text()).append('\n');
    }
    return out.toString();
  }
}
