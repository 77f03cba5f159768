package io.apex.temporal.it.support;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A {@code multipart/form-data} body built part by part, as a browser or curl sends one. */
public final class MultipartBody {
  private final String boundary = "apex-" + UUID.randomUUID();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  public MultipartBody file(String name, String fileName, byte[] content) {
    head(
        "Content-Disposition: form-data; name=\""
            + name
            + "\"; filename=\""
            + fileName
            + "\"\r\nContent-Type: application/octet-stream\r\n");
    out.writeBytes(content);
    out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    return this;
  }

  public MultipartBody text(String name, String value) {
    head("Content-Disposition: form-data; name=\"" + name + "\"\r\n");
    out.writeBytes(value.getBytes(StandardCharsets.UTF_8));
    out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    return this;
  }

  private void head(String headers) {
    out.writeBytes(("--" + boundary + "\r\n" + headers + "\r\n").getBytes(StandardCharsets.UTF_8));
  }

  public String contentType() {
    return "multipart/form-data; boundary=" + boundary;
  }

  public byte[] bytes() {
    ByteArrayOutputStream whole = new ByteArrayOutputStream();
    whole.writeBytes(out.toByteArray());
    whole.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    return whole.toByteArray();
  }
}
