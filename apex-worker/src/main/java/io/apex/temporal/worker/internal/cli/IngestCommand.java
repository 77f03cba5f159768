package io.apex.temporal.worker.internal.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.apex.temporal.config.ConfigLoadResult;
import io.apex.temporal.config.TemporalConfig;
import io.apex.temporal.workflows.ingestion.DocumentIds;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Ingests files and folders (recursively) through the memory service API: each file's content is
 * uploaded, so this works from any machine that reaches the API; then one line per document and a
 * summary. Exit 0 when none failed, 1 otherwise, also when it had to give up waiting.
 */
@Command(
    name = "ingest",
    description = "Ingest files or folders (recursively) through the memory service API.")
final class IngestCommand extends ConfiguredCommand {
  private static final Duration FIRST_POLL = Duration.ofMillis(100);
  private static final Duration LONGEST_POLL = Duration.ofSeconds(1);
  private static final Duration WORKER_CHECK = Duration.ofSeconds(5);

  @Option(
      names = "--source",
      defaultValue = "local",
      description =
          "Source label; with the absolute path it makes the document ID (default: ${DEFAULT-VALUE}).")
  String source;

  @Option(names = "--no-wait", description = "Upload and return without waiting.")
  boolean noWait;

  @Option(
      names = "--timeout-seconds",
      defaultValue = "1800",
      description = "How long to wait for all documents (default: ${DEFAULT-VALUE}).")
  int timeoutSeconds;

  @Option(
      names = "--no-worker-seconds",
      defaultValue = "60",
      description =
          "Give up when no worker has polled the task queue for this long, or the API has not"
              + " answered for this long (default: ${DEFAULT-VALUE}).")
  int noWorkerSeconds;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or folders.")
  List<Path> paths;

  IngestCommand(ConfigLoadResult settings) {
    super(settings);
  }

  /** A document uploaded whose ingestion has not ended yet. */
  private record Pending(String documentId, String path) {}

  @Override
  int run(TemporalConfig config) throws Exception {
    if (!source.matches("[A-Za-z0-9._:/@+-]{1,128}")) {
      err()
          .println(
              "--source must be 1-128 letters, digits or . _ : / @ + -, got '"
                  + Printable.of(source)
                  + "'");
      return ExitCodes.BAD_SETTINGS;
    }
    if (timeoutSeconds < 1 || noWorkerSeconds < 1) {
      err().println("--timeout-seconds and --no-worker-seconds must be >= 1");
      return ExitCodes.BAD_SETTINGS;
    }
    MemoryServiceClient api = new MemoryServiceClient(config.api());
    PrintWriter out = out();
    Map<String, IngestLine> ended = new LinkedHashMap<>();
    List<String> order = new ArrayList<>();
    Map<String, Pending> pending = new LinkedHashMap<>();
    try {
      for (IngestFiles.Candidate candidate : IngestFiles.collect(paths)) {
        String path = candidate.path().toString();
        String documentId = DocumentIds.of(source, path);
        order.add(documentId);
        if (candidate.problem() != null) {
          ended.put(documentId, IngestLine.failed(documentId, path, candidate.problem()));
          continue;
        }
        upload(api, candidate.path(), documentId, ended, pending);
      }
    } catch (MemoryServiceClient.UnreachableException e) {
      err().println(e.getMessage());
      return ExitCodes.FAILED;
    }
    if (noWait) {
      pending
          .values()
          .forEach(
              p ->
                  out.println(
                      "STARTED "
                          + p.documentId()
                          + " "
                          + Printable.of(p.path())
                          + " ingest-"
                          + p.documentId()));
      ended.values().forEach(line -> out.println(line.line()));
      out.println(pending.size() + " documents started, " + ended.size() + " ended at once");
      out.flush();
      return ended.values().stream().anyMatch(l -> l.kind() == IngestLine.Kind.FAILED)
          ? ExitCodes.FAILED
          : ExitCodes.OK;
    }
    ProgressBar progress = ProgressBar.onTerminal(err(), order.size());
    ended.keySet().forEach(id -> progress.advance());
    Optional<String> gaveUp = await(api, pending, ended, progress);
    progress.clear();
    Map<IngestLine.Kind, Integer> counts = new EnumMap<>(IngestLine.Kind.class);
    for (String id : order) {
      IngestLine line = ended.get(id);
      if (line != null) {
        out.println(line.line());
        counts.merge(line.kind(), 1, Integer::sum);
      }
    }
    int failed = counts.getOrDefault(IngestLine.Kind.FAILED, 0);
    out.println(
        order.size()
            + " documents: "
            + counts.getOrDefault(IngestLine.Kind.OK, 0)
            + " ok, "
            + counts.getOrDefault(IngestLine.Kind.UNCHANGED, 0)
            + " unchanged, "
            + failed
            + " failed"
            + (pending.isEmpty() ? "" : ", " + pending.size() + " not finished"));
    out.flush();
    if (gaveUp.isPresent()) {
      err().println(gaveUp.get());
      pending
          .values()
          .forEach(
              p -> err().println("not finished: " + p.documentId() + " " + Printable.of(p.path())));
      err().flush();
      return ExitCodes.FAILED;
    }
    return failed == 0 ? ExitCodes.OK : ExitCodes.FAILED;
  }

  private void upload(
      MemoryServiceClient api,
      Path file,
      String documentId,
      Map<String, IngestLine> ended,
      Map<String, Pending> pending)
      throws Exception {
    String path = file.toString();
    Path name = file.getFileName();
    try {
      MemoryServiceClient.Answer answer =
          api.upload(file, name == null ? path : name.toString(), source, documentId);
      if (answer.status() == 200) {
        JsonNode view = api.document(documentId).orElse(null);
        ended.put(
            documentId,
            new IngestLine(
                IngestLine.Kind.UNCHANGED,
                documentId,
                path,
                view == null ? 0 : view.path("chunks").asInt(),
                view == null ? 0 : view.path("entities").asInt(),
                null));
      } else {
        pending.put(documentId, new Pending(documentId, path));
      }
    } catch (MemoryServiceClient.ApiException e) {
      ended.put(documentId, IngestLine.failed(documentId, path, e.getMessage()));
    } catch (java.nio.file.NoSuchFileException e) {
      ended.put(documentId, IngestLine.failed(documentId, path, path + " does not exist"));
    } catch (java.nio.file.AccessDeniedException e) {
      ended.put(
          documentId,
          IngestLine.failed(documentId, path, path + " cannot be read (permission denied)"));
    }
  }

  /**
   * Follows the pending documents until each has ended; gives up (with the reason) at the timeout,
   * when no worker polls the task queue for {@code --no-worker-seconds}, or when the API stops
   * answering for as long.
   */
  private Optional<String> await(
      MemoryServiceClient api,
      Map<String, Pending> pending,
      Map<String, IngestLine> ended,
      ProgressBar progress)
      throws InterruptedException, java.io.IOException {
    long deadline = System.nanoTime() + Duration.ofSeconds(timeoutSeconds).toNanos();
    long patience = Duration.ofSeconds(noWorkerSeconds).toNanos();
    long lastWorkerSeen = System.nanoTime();
    long lastAnswer = System.nanoTime();
    long nextWorkerCheck = System.nanoTime();
    Duration pause = FIRST_POLL;
    while (!pending.isEmpty()) {
      long now = System.nanoTime();
      if (now > deadline) {
        return Optional.of(
            "gave up after "
                + timeoutSeconds
                + " s (--timeout-seconds): "
                + pending.size()
                + " documents did not finish");
      }
      try {
        for (var it = pending.values().iterator(); it.hasNext(); ) {
          Pending p = it.next();
          Optional<JsonNode> view = api.document(p.documentId());
          IngestLine line = ended(p, view);
          if (line != null) {
            ended.put(p.documentId(), line);
            it.remove();
            progress.advance();
            pause = FIRST_POLL;
          }
        }
        lastAnswer = System.nanoTime();
        if (!pending.isEmpty() && System.nanoTime() >= nextWorkerCheck) {
          nextWorkerCheck = System.nanoTime() + WORKER_CHECK.toNanos();
          Optional<Integer> workers = api.workersPolling();
          if (workers.isEmpty() || workers.get() > 0) {
            lastWorkerSeen = System.nanoTime();
          } else if (System.nanoTime() - lastWorkerSeen > patience) {
            return Optional.of(
                "gave up: no worker has polled task queue of "
                    + api.base()
                    + " for "
                    + noWorkerSeconds
                    + " s; start a worker, then run the same ingest again");
          }
        }
      } catch (MemoryServiceClient.UnreachableException | MemoryServiceClient.ApiException e) {
        if (System.nanoTime() - lastAnswer > patience) {
          return Optional.of(
              "gave up: the memory service API has not answered for "
                  + noWorkerSeconds
                  + " s ("
                  + e.getMessage()
                  + ")");
        }
      }
      if (!pending.isEmpty()) {
        Thread.sleep(pause.toMillis());
        pause =
            pause.multipliedBy(2).compareTo(LONGEST_POLL) > 0
                ? LONGEST_POLL
                : pause.multipliedBy(2);
      }
    }
    return Optional.empty();
  }

  /** The line of a document whose ingestion ended, or null while it runs. */
  private static IngestLine ended(Pending p, Optional<JsonNode> view) {
    if (view.isEmpty()) {
      return IngestLine.failed(p.documentId(), p.path(), "the document was deleted meanwhile");
    }
    JsonNode v = view.get();
    String stage = v.path("stage").asText();
    if (stage.equals("completed")) {
      return new IngestLine(
          IngestLine.Kind.OK,
          p.documentId(),
          p.path(),
          v.path("chunks").asInt(),
          v.path("entities").asInt(),
          null);
    }
    if (stage.equals("failed")) {
      return IngestLine.failed(p.documentId(), p.path(), v.path("reason").asText());
    }
    return null;
  }
}
