package io.apex.temporal.ingestion;

import io.apex.temporal.workflows.ingestion.IngestionFailures;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.sax.BodyContentHandler;

/**
 * Turns a document's bytes into plain text with Apache Tika (one parser instance, thread-safe).
 * Corrupt, truncated and binary files fail with an {@link InvalidDocumentException} naming what was
 * wrong; a parse that runs past its time limit is given up, so that a hostile file cannot hold an
 * activity thread (the parse runs on its own daemon thread, which Tika may not stop).
 */
final class DocumentParser implements AutoCloseable {
  /** Text beyond this is refused: about 50 MB of PDF rarely has more. */
  static final int MAX_CHARACTERS = 20_000_000;

  record ParsedText(String mediaType, String text) {}

  private final FormatDetector detector;
  private final Parser parser;
  private final Duration timeLimit;
  private final ExecutorService parseThreads;

  DocumentParser(TikaConfig tika, Duration timeLimit) {
    this.detector = new FormatDetector(tika);
    this.parser = new AutoDetectParser(tika);
    this.timeLimit = timeLimit;
    var counter = new AtomicInteger();
    this.parseThreads =
        Executors.newCachedThreadPool(
            r -> {
              var t = new Thread(r, "tika-parse-" + counter.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /** The format of the content, refusing binary and unknown formats. */
  MediaType detect(byte[] content, String fileName) {
    return detector.detect(content, fileName);
  }

  ParsedText parse(byte[] content, String fileName) {
    MediaType type = detector.detect(content, fileName);
    Duration limit = timeLimitFor(content.length);
    Future<String> text = parseThreads.submit(() -> extract(content, fileName, type));
    try {
      String result = text.get(limit.toMillis(), TimeUnit.MILLISECONDS);
      if (result.isBlank()) {
        throw invalid(fileName + " (" + type + ") has no text to ingest");
      }
      return new ParsedText(type.toString(), result);
    } catch (TimeoutException e) {
      text.cancel(true);
      throw invalid(
          fileName + " (" + type + ") could not be parsed within " + limit.toMillis() + " ms");
    } catch (InterruptedException e) {
      text.cancel(true);
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while parsing " + fileName, e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof InvalidDocumentException invalid) {
        throw invalid;
      }
      if (WriteLimitReachedException.isWriteLimitReached(cause)) {
        throw invalid(fileName + " has more than " + MAX_CHARACTERS + " characters of text");
      }
      // Tika's exceptions for a damaged file, and the runtime errors of its parsers on one, are
      // properties of the file: retrying cannot help.
      throw invalid(fileName + " is corrupt or truncated (" + type + "): " + rootMessage(cause));
    }
  }

  /** The base limit, plus 2 s per MiB: a large document may take longer, a hostile one not. */
  Duration timeLimitFor(long bytes) {
    return timeLimit.plusSeconds(2 * (bytes >> 20));
  }

  private String extract(byte[] content, String fileName, MediaType type) throws Exception {
    var handler = new BodyContentHandler(MAX_CHARACTERS);
    var metadata = new Metadata();
    metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
    metadata.set(Metadata.CONTENT_TYPE, type.toString());
    var context = new ParseContext();
    try (var in = TikaInputStream.get(new ByteArrayInputStream(content))) {
      parser.parse(in, handler, metadata, context);
    }
    return handler.toString();
  }

  private static String rootMessage(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  private static InvalidDocumentException invalid(String reason) {
    return new InvalidDocumentException(IngestionFailures.INVALID_DOCUMENT, reason);
  }

  @Override
  public void close() {
    parseThreads.shutdownNow();
  }
}
