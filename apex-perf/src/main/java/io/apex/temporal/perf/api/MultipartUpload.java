package io.apex.temporal.perf.api;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A {@code multipart/form-data} body of one file and a {@code source}, as the command line and curl
 * send an upload. The JDK's HTTP client has no multipart body of its own.
 */
record MultipartUpload(String contentType, byte[] body) {

  static MultipartUpload of(String source, String fileName, byte[] content) {
    String boundary = "apex-perf-" + UUID.randomUUID();
    ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 512);
    write(out, "--" + boundary + "\r\n");
    write(out, "Content-Disposition: form-data; name=\"source\"\r\n\r\n" + source + "\r\n");
    write(out, "--" + boundary + "\r\n");
    write(
        out,
        "Content-Disposition: form-data; name=\"file\"; filename=\""
            + fileName
            + "\"\r\nContent-Type: text/plain\r\n\r\n");
    out.writeBytes(content);
    write(out, "\r\n--" + boundary + "--\r\n");
    return new MultipartUpload("multipart/form-data; boundary=" + boundary, out.toByteArray());
  }

  private static void write(ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }
}
