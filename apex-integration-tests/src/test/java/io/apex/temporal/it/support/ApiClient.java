package io.apex.temporal.it.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A client of the memory service API that checks every answer against the OpenAPI document and
 * fails on any violation, and on any 500: nothing a client sends may cause one.
 */
public final class ApiClient {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final String host;
  private final int port;
  private final OpenApiContract contract;
  private final Optional<String> key;
  private final HttpClient http;

  public ApiClient(String host, int port, OpenApiContract contract) {
    this(host, port, contract, Optional.empty());
  }

  private ApiClient(String host, int port, OpenApiContract contract, Optional<String> key) {
    this.host = host;
    this.port = port;
    this.contract = contract;
    this.key = key;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
  }

  /** The same API called with {@code Authorization: Bearer KEY}. */
  public ApiClient withKey(String secret) {
    return new ApiClient(host, port, contract, Optional.of(secret));
  }

  public String baseUrl() {
    return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }

  public ApiResponse get(String pathAndQuery) {
    return send("GET", pathAndQuery, null, null);
  }

  public ApiResponse delete(String path) {
    return send("DELETE", path, null, null);
  }

  public ApiResponse postJson(String path, String json) {
    return send("POST", path, "application/json", json.getBytes(StandardCharsets.UTF_8));
  }

  public ApiResponse upload(MultipartBody form) {
    return send("POST", "/v1/documents", form.contentType(), form.bytes());
  }

  /** Uploads one file with the optional form fields given as name, value pairs. */
  public ApiResponse upload(String fileName, byte[] content, String... fields) {
    MultipartBody form = new MultipartBody().file("file", fileName, content);
    for (int i = 0; i + 1 < fields.length; i += 2) {
      form.text(fields[i], fields[i + 1]);
    }
    return upload(form);
  }

  /** Any request; a null content type sends no body. */
  public ApiResponse send(String method, String pathAndQuery, String contentType, byte[] body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl() + pathAndQuery))
            .timeout(TIMEOUT)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    key.ifPresent(secret -> request.header("Authorization", "Bearer " + secret));
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + pathAndQuery + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    Map<String, String> headers = new LinkedHashMap<>();
    response
        .headers()
        .map()
        .forEach((name, values) -> headers.put(name, String.join(", ", values)));
    return checked(
        method, pathAndQuery, new ApiResponse(response.statusCode(), headers, response.body()));
  }

  /** An answer and how much of the body had been sent when it came. */
  public record EarlyAnswer(ApiResponse response, long bytesSent, long bytesOffered) {}

  /**
   * An upload over a raw socket whose body the server may refuse before reading it: a multipart
   * body of {@code bodyBytes} bytes, sent with a declared Content-Length of {@code declaredLength}
   * or chunked when it is negative, while the answer is read on this thread.
   */
  public EarlyAnswer oversizedUpload(long declaredLength, long bodyBytes) {
    MultipartBody form = new MultipartBody();
    String boundaryType = form.contentType();
    byte[] preamble =
        (("--" + boundaryType.substring(boundaryType.indexOf('=') + 1))
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    boolean chunked = declaredLength < 0;
    StringBuilder head =
        new StringBuilder("POST /v1/documents HTTP/1.1\r\nHost: " + host + "\r\n")
            .append("Content-Type: ")
            .append(boundaryType)
            .append("\r\n")
            .append(chunked ? "Transfer-Encoding: chunked" : "Content-Length: " + declaredLength)
            .append("\r\nConnection: close\r\n");
    key.ifPresent(secret -> head.append("Authorization: Bearer ").append(secret).append("\r\n"));
    head.append("\r\n");
    AtomicLong sent = new AtomicLong();
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 10_000);
      socket.setSoTimeout((int) TIMEOUT.toMillis());
      OutputStream out = socket.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
      out.flush();
      Thread writer =
          new Thread(
              () -> {
                byte[] block = new byte[16 * 1024];
                java.util.Arrays.fill(block, (byte) 'a');
                try {
                  writeChunk(out, preamble, chunked);
                  sent.addAndGet(preamble.length);
                  while (sent.get() < bodyBytes) {
                    int n = (int) Math.min(block.length, bodyBytes - sent.get());
                    writeChunk(out, java.util.Arrays.copyOf(block, n), chunked);
                    sent.addAndGet(n);
                  }
                  if (chunked) {
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                  }
                  out.flush();
                } catch (IOException e) {
                  // The server closed the connection after its answer: what this call checks.
                }
              },
              "oversized-upload-writer");
      writer.setDaemon(true);
      writer.start();
      ApiResponse response = readResponse(socket.getInputStream());
      long sentAtAnswer = sent.get();
      socket.close();
      writer.join(10_000);
      return new EarlyAnswer(checked("POST", "/v1/documents", response), sentAtAnswer, bodyBytes);
    } catch (IOException e) {
      throw new UncheckedIOException("the oversized upload got no answer", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void writeChunk(OutputStream out, byte[] bytes, boolean chunked)
      throws IOException {
    if (chunked) {
      out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
    }
    out.write(bytes);
    if (chunked) {
      out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
  }

  /** A response of fixed length, as this API always sends one. */
  private static ApiResponse readResponse(InputStream in) throws IOException {
    String statusLine = line(in);
    String[] status = statusLine.split(" ", 3);
    if (status.length < 2 || !status[0].startsWith("HTTP/")) {
      throw new IOException("not an HTTP status line: " + statusLine);
    }
    Map<String, String> headers = new LinkedHashMap<>();
    for (String header = line(in); !header.isEmpty(); header = line(in)) {
      int colon = header.indexOf(':');
      headers.put(header.substring(0, colon).strip(), header.substring(colon + 1).strip());
    }
    int length =
        headers.entrySet().stream()
            .filter(e -> e.getKey().equalsIgnoreCase("Content-Length"))
            .map(e -> Integer.parseInt(e.getValue()))
            .findFirst()
            .orElseThrow(() -> new IOException("no Content-Length in " + headers));
    String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
    return new ApiResponse(Integer.parseInt(status[1]), headers, body);
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != -1 && b != '\n') {
      if (b != '\r') {
        bytes.write(b);
      }
    }
    return bytes.toString(StandardCharsets.US_ASCII);
  }

  private ApiResponse checked(String method, String pathAndQuery, ApiResponse response) {
    String path = pathAndQuery.split("\\?", 2)[0];
    List<String> violations =
        contract.violations(
            method.toUpperCase(Locale.ROOT),
            path,
            response.status(),
            response.header("Content-Type").orElse(null),
            response.body());
    if (!violations.isEmpty()) {
      throw new AssertionError("the answer breaks openapi.json: " + violations);
    }
    if (response.status() == 500) {
      throw new AssertionError(method + " " + pathAndQuery + " caused a server error: " + response);
    }
    return response;
  }
}
