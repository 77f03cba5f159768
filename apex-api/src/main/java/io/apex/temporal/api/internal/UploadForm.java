package io.apex.temporal.api.internal;

import io.apex.temporal.workflows.ingestion.DocumentIds;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.http.MultiPartConfig;
import org.eclipse.jetty.http.MultiPartFormData;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/**
 * One upload, read from a {@code multipart/form-data} body: the {@code file} part (its content and
 * file name) and the optional {@code source} and {@code document_id} parts. A body larger than the
 * limit is refused from its declared length before it is read, or as soon as it passes the limit.
 */
record UploadForm(String documentId, String source, String fileName, byte[] content) {
  static final String DEFAULT_SOURCE = "api";

  /** Room for the form's boundaries, headers and small parts beside the file. */
  private static final long FORM_OVERHEAD = 64 * 1024;

  private static final int MAX_TEXT_PART = 1024;

  static UploadForm read(Request request, long maxDocumentBytes, Path spoolDirectory) {
    String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
    if (type == null
        || !type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")
        || !type.toLowerCase(Locale.ROOT).contains("boundary=")) {
      throw ApiProblem.unsupportedMediaType(
          "an upload must be multipart/form-data with a boundary, got "
              + (type == null ? "no Content-Type" : type));
    }
    long declared = request.getLength();
    if (declared > maxDocumentBytes + FORM_OVERHEAD) {
      throw tooLarge(maxDocumentBytes, declared + " bytes");
    }
    MultiPartConfig config =
        new MultiPartConfig.Builder()
            .location(spoolDirectory)
            .maxParts(8)
            .maxPartSize(maxDocumentBytes)
            .maxSize(maxDocumentBytes + FORM_OVERHEAD)
            .maxMemoryPartSize(256 * 1024)
            .maxHeadersSize(8 * 1024)
            .build();
    MultiPartFormData.Parts parts;
    try {
      parts = MultiPartFormData.getParts(request, request, type, config);
    } catch (RuntimeException e) {
      throw refused(e, maxDocumentBytes);
    }
    try (parts) {
      MultiPart.Part file = parts.getFirst("file");
      if (file == null || file.getFileName() == null) {
        throw ApiProblem.badRequest(
            "the form has no file: send the document as a part named 'file' with a filename");
      }
      String source = text(parts, "source", DEFAULT_SOURCE);
      if (!source.matches("[A-Za-z0-9._:/@+-]{1,128}")) {
        throw ApiProblem.badRequest(
            "source must be 1-128 letters, digits or . _ : / @ + -, got '"
                + ApiHandler.printable(source)
                + "'");
      }
      String fileName = fileName(file.getFileName());
      String documentId = text(parts, "document_id", null);
      if (documentId == null) {
        documentId = DocumentIds.of(source, fileName);
      } else if (!DocumentRoutes.validId(documentId)) {
        throw ApiProblem.badRequest(
            "document_id must be 1-128 letters, digits, '.', '_', ':' or '-', got '"
                + ApiHandler.printable(documentId)
                + "'");
      }
      byte[] content;
      try (InputStream in = Content.Source.asInputStream(file.createContentSource())) {
        content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxDocumentBytes + 1));
      } catch (IOException e) {
        throw ApiProblem.badRequest("the file part could not be read: " + e.getMessage());
      }
      if (content.length > maxDocumentBytes) {
        throw tooLarge(maxDocumentBytes, "more");
      }
      if (content.length == 0) {
        throw ApiProblem.badRequest("the file '" + fileName + "' is empty");
      }
      return new UploadForm(documentId, source, fileName, content);
    }
  }

  private static String text(MultiPartFormData.Parts parts, String name, String defaultValue) {
    MultiPart.Part part = parts.getFirst(name);
    if (part == null) {
      return defaultValue;
    }
    if (part.getLength() > MAX_TEXT_PART) {
      throw ApiProblem.badRequest("the form field '" + name + "' is longer than " + MAX_TEXT_PART);
    }
    // Not stripped: a value is used as sent, so " " is refused rather than read as absent.
    String value = part.getContentAsString(StandardCharsets.UTF_8);
    return value.isEmpty() ? defaultValue : value;
  }

  /** The name without any directory, without control characters, at most 255 characters. */
  static String fileName(String given) {
    String name = given.substring(Math.max(given.lastIndexOf('/'), given.lastIndexOf('\\')) + 1);
    var out = new StringBuilder();
    name.codePoints()
        .filter(c -> !Character.isISOControl(c))
        .limit(255)
        .forEach(out::appendCodePoint);
    String clean = out.toString().strip();
    return clean.isEmpty() || clean.equals(".") || clean.equals("..") ? "upload" : clean;
  }

  private static ApiProblem refused(RuntimeException e, long maxDocumentBytes) {
    Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    String message = String.valueOf(cause.getMessage());
    String lower = message.toLowerCase(Locale.ROOT);
    if (lower.contains("max") && (lower.contains("size") || lower.contains("length"))) {
      return tooLarge(maxDocumentBytes, "more");
    }
    return ApiProblem.badRequest("the multipart body is not valid: " + message);
  }

  private static ApiProblem tooLarge(long maxDocumentBytes, String got) {
    return ApiProblem.tooLarge(
        "a document may have at most "
            + maxDocumentBytes
            + " bytes (APEX_MAX_DOCUMENT_BYTES), this upload has "
            + got);
  }
}
