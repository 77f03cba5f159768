package io.apex.temporal.worker.internal.cli;

import io.apex.temporal.client.DocumentOutcome;
import io.apex.temporal.client.IngestionClient;
import io.apex.temporal.client.StartedIngestion;
import io.apex.temporal.config.ConfigLoadResult;
import io.apex.temporal.config.TemporalConfig;
import io.apex.temporal.worker.internal.ingestion.DocumentFiles;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Ingests files and folders (recursively): one DocumentIngestionWorkflow per file, then one line
 * per document and a summary. Exit 0 when none failed, 1 otherwise.
 */
@Command(
    name = "ingest",
    description = "Ingest files or folders (recursively), one workflow per file.")
final class IngestCommand extends ConfiguredCommand {
  @Option(
      names = "--source",
      defaultValue = "local",
      description =
          "Source label; with the absolute path it makes the document ID (default: ${DEFAULT-VALUE}).")
  String source;

  @Option(names = "--no-wait", description = "Start the workflows and return without waiting.")
  boolean noWait;

  @Option(
      names = "--timeout-seconds",
      defaultValue = "1800",
      description = "How long to wait for all documents (default: ${DEFAULT-VALUE}).")
  int timeoutSeconds;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or folders.")
  List<Path> paths;

  IngestCommand(ConfigLoadResult settings) {
    super(settings);
  }

  @Override
  int run(TemporalConfig config) throws Exception {
    if (source.isBlank()) {
      err().println("--source must be non-empty, got '" + source + "'");
      return ExitCodes.BAD_SETTINGS;
    }
    List<Path> files = DocumentFiles.collect(paths);
    PrintWriter out = out();
    try (ClientSession session = new ClientSession(config)) {
      IngestionClient ingestion =
          new IngestionClient(session.client(), config.runtime().taskQueue());
      List<StartedIngestion> started = new ArrayList<>();
      for (Path file : files) {
        started.add(ingestion.start(source, file));
      }
      if (noWait) {
        started.forEach(
            s ->
                out.println(
                    "STARTED "
                        + s.documentId()
                        + " "
                        + s.path()
                        + " "
                        + s.stub().getExecution().getWorkflowId()));
        out.println(started.size() + " documents started");
        out.flush();
        return ExitCodes.OK;
      }
      ProgressBar progress = ProgressBar.onTerminal(err(), started.size());
      List<CompletableFuture<DocumentOutcome>> outcomes = new ArrayList<>();
      for (StartedIngestion s : started) {
        outcomes.add(ingestion.outcome(s).whenComplete((outcome, e) -> progress.advance()));
      }
      try {
        CompletableFuture.allOf(outcomes.toArray(CompletableFuture[]::new))
            .get(timeoutSeconds, TimeUnit.SECONDS);
      } catch (TimeoutException e) {
        progress.clear();
        err().println(session.noWorkerMessage(timeoutSeconds));
        return ExitCodes.FAILED;
      }
      progress.clear();
      Map<DocumentOutcome.Kind, Integer> counts = new EnumMap<>(DocumentOutcome.Kind.class);
      for (CompletableFuture<DocumentOutcome> future : outcomes) {
        DocumentOutcome outcome = future.join();
        out.println(outcome.line());
        counts.merge(outcome.kind(), 1, Integer::sum);
      }
      int failed = counts.getOrDefault(DocumentOutcome.Kind.FAILED, 0);
      out.println(
          outcomes.size()
              + " documents: "
              + counts.getOrDefault(DocumentOutcome.Kind.OK, 0)
              + " ok, "
              + counts.getOrDefault(DocumentOutcome.Kind.UNCHANGED, 0)
              + " unchanged, "
              + failed
              + " failed");
      out.flush();
      return failed == 0 ? ExitCodes.OK : ExitCodes.FAILED;
    }
  }
}
