package io.apex.temporal.worker.internal.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.apex.temporal.config.ConfigLoadResult;
import io.apex.temporal.config.TemporalConfig;
import io.apex.temporal.ingestion.IngestionComponents;
import io.apex.temporal.ingestion.IngestionSettings;
import io.apex.temporal.ingestion.SearchHit;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The stored chunks nearest to a query, best first, with their document's path and score. */
@Command(
    name = "search",
    description = "Search the ingested documents: the nearest chunks to QUERY.")
final class SearchCommand extends ConfiguredCommand {
  private static final int SNIPPET_CHARACTERS = 300;

  @Option(
      names = "--top",
      defaultValue = "5",
      description = "How many chunks (default: ${DEFAULT-VALUE}).")
  int top;

  @Option(
      names = "--json",
      description = "Print a JSON array of {document_id, path, chunk_index, score, text}.")
  boolean json;

  @Parameters(arity = "1..*", paramLabel = "QUERY")
  List<String> query;

  SearchCommand(ConfigLoadResult settings) {
    super(settings);
  }

  @Override
  int run(TemporalConfig config) throws Exception {
    if (top < 1) {
      err().println("--top must be an integer >= 1, got '" + top + "'");
      return ExitCodes.BAD_SETTINGS;
    }
    String text = String.join(" ", query);
    if (text.isBlank()) {
      err().println("QUERY must be non-empty");
      return ExitCodes.BAD_SETTINGS;
    }
    List<SearchHit> hits;
    try (IngestionComponents components = IngestionComponents.start(IngestionSettings.of(config))) {
      hits = components.search().search(text, top);
    }
    PrintWriter out = out();
    if (json) {
      out.println(toJson(hits));
    } else if (hits.isEmpty()) {
      out.println("no documents found");
    } else {
      for (SearchHit hit : hits) {
        out.println(
            String.format(
                Locale.ROOT,
                "%.4f %s #%d %s",
                hit.score(),
                hit.path(),
                hit.chunkIndex(),
                hit.documentId()));
        out.println("    " + snippet(hit.text()));
      }
    }
    out.flush();
    return ExitCodes.OK;
  }

  static String toJson(List<SearchHit> hits) throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    ArrayNode array = mapper.createArrayNode();
    for (SearchHit hit : hits) {
      array
          .addObject()
          .put("document_id", hit.documentId())
          .put("path", hit.path())
          .put("chunk_index", hit.chunkIndex())
          .put("score", hit.score())
          .put("text", hit.text());
    }
    return mapper.writeValueAsString(array);
  }

  private static String snippet(String text) {
    String flat = text.replaceAll("\\s+", " ").trim();
    return flat.length() <= SNIPPET_CHARACTERS ? flat : flat.substring(0, SNIPPET_CHARACTERS) + "…";
  }
}
