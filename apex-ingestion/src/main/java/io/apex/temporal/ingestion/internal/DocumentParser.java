package io.apex.temporal.ingestion.internal;

import io.apex.temporal.workflows.ingestion.IngestionFailures;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.microsoft.OfficeParserConfig;
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

  /**
   * What a zip-based document may unpack to, all entries together: five times the largest document
   * we accept, well above real office files (mostly images, already compressed), far below what
   * takes a worker's heap (1.5 GiB in the shipped container).
   */
  static final long MAX_INFLATED_BYTES = 256L << 20;

  record ParsedText(String mediaType, String text) {}

  private final FormatDetector detector;
  private final ArchiveExpansion expansion;
  private final Parser parser;
  private final Duration timeLimit;
  private final ExecutorService parseThreads;

  DocumentParser(TikaConfig tika, Duration timeLimit) {
    this.detector = new FormatDetector(tika);
    this.expansion = new ArchiveExpansion(MAX_INFLATED_BYTES);
    this.parser = new AutoDetectParser(tika);
    // POI's own bound on each part it inflates, checked while the parser reads (Tika turns off
    // POI's ratio check, and its entry bound is 4 GB). POI keeps it in one global setting.
    ZipSecureFile.setMaxEntrySize(MAX_INFLATED_BYTES);
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

  ParsedText parse(byte[] stored, String fileName) {
    byte[] content = ByteOrderMark.asUtf8(stored);
    MediaType type = detector.detect(content, fileName);
    if (type.equals(MediaType.TEXT_PLAIN)) {
      Optional<String> utf8 = Utf8Text.decode(content);
      if (utf8.isPresent()) {
        return plainText(utf8.get(), fileName, type);
      }
    }
    expansion.check(content, fileName);
    Duration limit = timeLimitFor(content.length);
    Future<String> text = parseThreads.submit(() -> extract(content, fileName, type));
    try {
      String result = text.get(limit.toMillis(), TimeUnit.MILLISECONDS);
      if (WhiteSpace.blank(result)) {
        throw invalid(fileName + " (" + type + ") has no text to ingest (only white space)");
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
      if (isBomb(cause)) {
        throw invalid(expansion.reason(fileName, null));
      }
      // Tika's exceptions for a damaged file, and the runtime errors of its parsers on one, are
      // properties of the file: retrying cannot help.
      throw invalid(fileName + " is corrupt or truncated (" + type + "): " + rootMessage(cause));
    }
  }

  private static ParsedText plainText(String text, String fileName, MediaType type) {
    if (text.length() > MAX_CHARACTERS) {
      throw invalid(fileName + " has more than " + MAX_CHARACTERS + " characters of text");
    }
    if (WhiteSpace.blank(text)) {
      throw invalid(fileName + " (" + type + ") has no text to ingest (only white space)");
    }
    return new ParsedText(type.toString(), text);
  }

  /** The base limit, plus 2 s per MiB: a large document may take longer, a hostile one not. */
  Duration timeLimitFor(long bytes) {
    return timeLimit.plusSeconds(2 * (bytes >> 20));
  }

  /**
   * POI's "Zip bomb detected" (a part beyond its bound) and Tika's (output out of proportion to the
   * input, from its SecureContentHandler), anywhere in the chain.
   */
  private static boolean isBomb(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c.getMessage() != null && c.getMessage().toLowerCase(Locale.ROOT).contains("zip bomb")) {
        return true;
      }
    }
    return false;
  }

  private String extract(byte[] content, String fileName, MediaType type) throws Exception {
    var handler = new BodyContentHandler(MAX_CHARACTERS);
    var metadata = new Metadata();
    metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
    metadata.set(Metadata.CONTENT_TYPE, type.toString());
    var context = new ParseContext();
    // Stream DOCX and PPTX with SAX rather than building their whole XML as a tree in memory, so
    // the text limit above stops a parse before its memory grows.
    var office = new OfficeParserConfig();
    office.setUseSAXDocxExtractor(true);
    office.setUseSAXPptxExtractor(true);
    context.set(OfficeParserConfig.class, office);
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
