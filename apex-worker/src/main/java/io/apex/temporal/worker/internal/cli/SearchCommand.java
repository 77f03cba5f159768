package io.apex.temporal.worker.internal.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.apex.temporal.config.ConfigLoadResult;
import io.apex.temporal.config.TemporalConfig;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The best chunks (or documents) for a query, through the memory service API. */
@Command(
    name = "search",
    description = "Search the ingested documents through the memory service API.")
final class SearchCommand extends ConfiguredCommand {
  private static final int SNIPPET_CHARACTERS = 300;
  static final int MAX_TOP = 1000;

  @Option(
      names = "--top",
      defaultValue = "5",
      description = "How many results, 1-" + MAX_TOP + " (default: ${DEFAULT-VALUE}).")
  int top;

  @Option(
      names = "--mode",
      defaultValue = "hybrid",
      description =
          "hybrid (keywords and vectors fused), semantic or keyword (default: ${DEFAULT-VALUE}).")
  String mode;

  @Option(
      names = "--by-document",
      description = "Each document once, with its best chunk: --top counts documents.")
  boolean byDocument;

  @Option(names = "--source", description = "Only documents of this source.")
  String source;

  @Option(
      names = "--json",
      description =
          "Print the API's JSON: {mode, results: [{document_id, source, file_name,"
              + " chunk_index, score, text}]}.")
  boolean json;

  @Parameters(arity = "1..*", paramLabel = "QUERY")
  List<String> query;

  SearchCommand(ConfigLoadResult settings) {
    super(settings);
  }

  @Override
  int run(TemporalConfig config) throws Exception {
    if (top < 1 || top > MAX_TOP) {
      err().println("--top must be an integer 1-" + MAX_TOP + ", got '" + top + "'");
      return ExitCodes.BAD_SETTINGS;
    }
    if (!List.of("hybrid", "semantic", "keyword").contains(mode)) {
      err().println("--mode must be hybrid, semantic or keyword, got '" + Printable.of(mode) + "'");
      return ExitCodes.BAD_SETTINGS;
    }
    String text = String.join(" ", query);
    if (text.isBlank()) {
      err().println("QUERY must be non-empty");
      return ExitCodes.BAD_SETTINGS;
    }
    MemoryServiceClient api = new MemoryServiceClient(config.api());
    ObjectNode request =
        api.json()
            .createObjectNode()
            .put("query", text)
            .put("top_k", top)
            .put("mode", mode)
            .put("by_document", byDocument);
    if (source != null) {
      request.put("source", source);
    }
    JsonNode reply;
    try {
      reply = api.search(request);
    } catch (MemoryServiceClient.ApiException e) {
      err().println("search failed: " + e.getMessage());
      return e.status() == 400 ? ExitCodes.BAD_SETTINGS : ExitCodes.FAILED;
    } catch (MemoryServiceClient.UnreachableException e) {
      err().println(e.getMessage());
      return ExitCodes.FAILED;
    }
    PrintWriter out = out();
    JsonNode results = reply.path("results");
    if (json) {
      out.println(api.json().writeValueAsString(reply));
    } else if (results.isEmpty()) {
      out.println("no documents found");
    } else {
      for (JsonNode hit : results) {
        out.println(
            String.format(
                Locale.ROOT,
                "%.4f %s #%d %s",
                hit.path("score").asDouble(),
                Printable.of(hit.path("file_name").asText()),
                hit.path("chunk_index").asInt(),
                hit.path("document_id").asText()));
        out.println("    " + Printable.of(snippet(hit.path("text").asText())));
      }
    }
    out.flush();
    return ExitCodes.OK;
  }

  private static String snippet(String text) {
    String flat = text.replaceAll("\\s+", " ").trim();
    return flat.length() <= SNIPPET_CHARACTERS ? flat : flat.substring(0, SNIPPET_CHARACTERS) + "…";
  }
}
