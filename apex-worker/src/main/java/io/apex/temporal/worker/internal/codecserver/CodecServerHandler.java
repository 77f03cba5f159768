package io.apex.temporal.worker.internal.codecserver;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.apex.temporal.config.CodecEndpointSettings;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.common.v1.Payloads;
import io.temporal.payload.codec.PayloadCodec;
import io.temporal.payload.codec.PayloadCodecException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Temporal's codec server protocol, free of any HTTP server: {@code POST /codec/encode} and {@code
 * /codec/decode} take and return {@code {"payloads": [...]}} in proto3 JSON, for {@code temporal
 * --codec-endpoint http://HOST:PORT/codec} and the UI. Without a token only loopback clients are
 * served; with one, every request must carry {@code Authorization: Bearer TOKEN}. Browsers may call
 * it from the configured origins (CORS), and the {@code X-Namespace} header, when sent, must name
 * the worker's namespace.
 */
public final class CodecServerHandler {
  private static final Logger log = LoggerFactory.getLogger(CodecServerHandler.class);
  public static final String BASE_PATH = "/codec";

  /** Temporal refuses payloads over 2 MB; a batch of them for the UI stays well under this. */
  public static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

  private static final String JSON = "application/json";

  private final Supplier<PayloadCodec> codec;
  private final CodecEndpointSettings settings;
  private final String namespace;

  public CodecServerHandler(
      Supplier<PayloadCodec> codec, CodecEndpointSettings settings, String namespace) {
    this.codec = codec;
    this.settings = settings;
    this.namespace = namespace;
  }

  public CodecResponse handle(CodecRequest request) {
    Map<String, String> cors = new LinkedHashMap<>();
    var origin = request.header("Origin");
    if (origin.isPresent()) {
      if (!settings.corsOrigins().contains(origin.get())) {
        return CodecResponse.text(
            403,
            "origin " + origin.get() + " is not allowed: add it to" + " APEX_CODEC_CORS_ORIGINS",
            cors);
      }
      cors.put("Access-Control-Allow-Origin", origin.get());
      cors.put("Access-Control-Allow-Credentials", "true");
      cors.put("Vary", "Origin");
    }
    String operation = operation(request.path());
    if (operation == null) {
      return CodecResponse.text(
          404, "not found: POST " + BASE_PATH + "/encode or " + BASE_PATH + "/decode", cors);
    }
    if (request.method().equals("OPTIONS")) {
      cors.put("Access-Control-Allow-Methods", "POST, OPTIONS");
      cors.put("Access-Control-Allow-Headers", "Content-Type, X-Namespace, Authorization");
      cors.put("Access-Control-Max-Age", "600");
      return new CodecResponse(204, cors, new byte[0]);
    }
    if (!request.method().equals("POST")) {
      cors.put("Allow", "POST, OPTIONS");
      return CodecResponse.text(405, "method " + request.method() + " not allowed: POST", cors);
    }
    CodecResponse refused = authorize(request, cors);
    if (refused != null) {
      return refused;
    }
    var requested = request.header("X-Namespace");
    if (requested.isPresent() && !requested.get().isEmpty() && !requested.get().equals(namespace)) {
      return CodecResponse.text(
          400,
          "this codec endpoint serves namespace " + namespace + ", not " + requested.get(),
          cors);
    }
    if (request.body().length > MAX_BODY_BYTES) {
      return CodecResponse.text(413, "request body over " + MAX_BODY_BYTES + " bytes", cors);
    }
    Payloads.Builder payloads = Payloads.newBuilder();
    try {
      JsonFormat.parser().merge(new String(request.body(), StandardCharsets.UTF_8), payloads);
    } catch (InvalidProtocolBufferException | RuntimeException e) {
      return CodecResponse.text(
          400, "the body must be {\"payloads\": [...]} in proto3 JSON: " + e.getMessage(), cors);
    }
    List<Payload> result;
    try {
      PayloadCodec current = codec.get();
      result =
          operation.equals("encode")
              ? current.encode(payloads.getPayloadsList())
              : current.decode(payloads.getPayloadsList());
    } catch (PayloadCodecException e) {
      log.warn(
          "codec endpoint could not {} {} payload(s): {}",
          operation,
          payloads.getPayloadsCount(),
          e.getMessage());
      return CodecResponse.text(422, e.getMessage(), cors);
    } catch (IllegalStateException e) {
      return CodecResponse.text(503, "payload encryption is not ready: " + e.getMessage(), cors);
    }
    try {
      String json = JsonFormat.printer().print(Payloads.newBuilder().addAllPayloads(result));
      cors.put("Content-Type", JSON);
      return new CodecResponse(200, cors, json.getBytes(StandardCharsets.UTF_8));
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("payloads could not be written as JSON", e);
    }
  }

  /** Who may call, as a log line says it. */
  public String access() {
    return settings.token().isPresent()
        ? "clients with the bearer token of APEX_CODEC_TOKEN"
        : "loopback clients only";
  }

  /** {@code encode} or {@code decode}, or null for any other path. */
  private static String operation(String path) {
    return switch (path) {
      case BASE_PATH + "/encode" -> "encode";
      case BASE_PATH + "/decode" -> "decode";
      default -> null;
    };
  }

  /** Null when the request may be served, else the refusal. */
  private CodecResponse authorize(CodecRequest request, Map<String, String> cors) {
    if (settings.token().isPresent()) {
      String expected = "Bearer " + settings.token().get().reveal();
      String given = request.header("Authorization").orElse("");
      if (!MessageDigest.isEqual(
          expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8))) {
        cors.put("WWW-Authenticate", "Bearer");
        return CodecResponse.text(
            401, "a codec request needs Authorization: Bearer with" + " APEX_CODEC_TOKEN", cors);
      }
      return null;
    }
    if (request.remote() == null || !request.remote().isLoopbackAddress()) {
      return CodecResponse.text(
          403,
          "the codec endpoint answers loopback clients only; set"
              + " APEX_CODEC_TOKEN to serve others",
          cors);
    }
    return null;
  }
}
