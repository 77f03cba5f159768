package io.apex.temporal.worker.internal.codecserver;

import static io.apex.temporal.worker.internal.codec.TestKeys.key;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.util.JsonFormat;
import io.apex.temporal.client.internal.codec.AesGcmPayloadCodec;
import io.apex.temporal.client.internal.codec.PayloadKeyring;
import io.apex.temporal.config.CodecEndpointSettings;
import io.apex.temporal.config.EncryptionRule;
import io.apex.temporal.config.Secret;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.common.v1.Payloads;
import io.temporal.common.converter.GlobalDataConverter;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CodecServerHandlerTest {
  private static final String UI = "http://localhost:8088";
  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

  private final AesGcmPayloadCodec codec =
      new AesGcmPayloadCodec(PayloadKeyring.of(key("k1", 1), List.of()), EncryptionRule.all());
  private final Payload plain =
      GlobalDataConverter.get().toPayload("the secret text").orElseThrow();
  private final CodecServerHandler loopbackOnly =
      new CodecServerHandler(
          () -> codec, new CodecEndpointSettings(true, Optional.empty(), List.of(UI)), "default");

  @Test
  void decodeReturnsThePlainPayloadsInProto3Json() throws Exception {
    String encrypted = json(codec.encode(List.of(plain)));

    CodecResponse response = loopbackOnly.handle(post("/codec/decode", encrypted, Map.of()));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.headers()).containsEntry("Content-Type", "application/json");
    assertThat(payloads(response)).containsExactly(plain);
  }

  @Test
  void encodeEncryptsWhatDecodeReads() throws Exception {
    CodecResponse encoded =
        loopbackOnly.handle(post("/codec/encode", json(List.of(plain)), Map.of()));

    assertThat(encoded.status()).isEqualTo(200);
    assertThat(encoded.bodyText()).doesNotContain("the secret text");
    assertThat(payloads(encoded))
        .allSatisfy(p -> assertThat(AesGcmPayloadCodec.isEncrypted(p)).isTrue());
    assertThat(codec.decode(payloads(encoded))).containsExactly(plain);
  }

  @Test
  void aPayloadUnderAnUnknownKeyIsRefusedNamingTheKey() throws Exception {
    AesGcmPayloadCodec other =
        new AesGcmPayloadCodec(PayloadKeyring.of(key("k7", 7), List.of()), EncryptionRule.all());

    CodecResponse response =
        loopbackOnly.handle(post("/codec/decode", json(other.encode(List.of(plain))), Map.of()));

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.bodyText()).contains("key ID 'k7'");
  }

  @Test
  void withoutATokenOnlyLoopbackClientsAreServed() throws Exception {
    CodecRequest fromLan =
        new CodecRequest(
            "POST",
            "/codec/decode",
            Map.of(),
            json(List.of(plain)).getBytes(StandardCharsets.UTF_8),
            InetAddress.getByName("192.168.1.20"));

    CodecResponse response = loopbackOnly.handle(fromLan);

    assertThat(response.status()).isEqualTo(403);
    assertThat(response.bodyText()).contains("loopback clients only");
  }

  @Test
  void withATokenEveryRequestMustCarryIt() throws Exception {
    CodecServerHandler guarded =
        new CodecServerHandler(
            () -> codec,
            new CodecEndpointSettings(
                true, Optional.of(new Secret("a-long-enough-token")), List.of(UI)),
            "default");
    String body = json(List.of(plain));

    assertThat(guarded.handle(post("/codec/decode", body, Map.of())).status()).isEqualTo(401);
    assertThat(
            guarded
                .handle(
                    post(
                        "/codec/decode",
                        body,
                        Map.of("Authorization", "Bearer wrong-token-of-length")))
                .status())
        .isEqualTo(401);
    CodecRequest fromLan =
        new CodecRequest(
            "POST",
            "/codec/decode",
            Map.of("Authorization", "Bearer a-long-enough-token"),
            body.getBytes(StandardCharsets.UTF_8),
            InetAddress.getByName("10.0.0.5"));
    assertThat(guarded.handle(fromLan).status()).isEqualTo(200);
  }

  @Test
  void theUisPreflightIsAnsweredForAllowedOriginsOnly() {
    CodecResponse allowed =
        loopbackOnly.handle(
            request(
                "OPTIONS",
                "/codec/decode",
                "",
                Map.of("Origin", UI, "Access-Control-Request-Method", "POST")));
    CodecResponse other =
        loopbackOnly.handle(
            request("OPTIONS", "/codec/decode", "", Map.of("Origin", "http://evil.example")));

    assertThat(allowed.status()).isEqualTo(204);
    assertThat(allowed.headers())
        .containsEntry("Access-Control-Allow-Origin", UI)
        .containsEntry("Access-Control-Allow-Credentials", "true")
        .containsEntry("Access-Control-Allow-Methods", "POST, OPTIONS");
    assertThat(allowed.headers().get("Access-Control-Allow-Headers")).contains("X-Namespace");
    assertThat(other.status()).isEqualTo(403);
    assertThat(other.headers()).doesNotContainKey("Access-Control-Allow-Origin");
  }

  @Test
  void anotherNamespaceIsRefused() throws Exception {
    CodecResponse response =
        loopbackOnly.handle(
            post("/codec/decode", json(List.of(plain)), Map.of("X-Namespace", "payments")));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.bodyText()).contains("serves namespace default, not payments");
    assertThat(
            loopbackOnly
                .handle(
                    post("/codec/decode", json(List.of(plain)), Map.of("X-Namespace", "default")))
                .status())
        .isEqualTo(200);
  }

  @Test
  void badRequestsGetClearStatuses() {
    assertThat(loopbackOnly.handle(post("/codec/decode", "{\"payloads\": 3", Map.of())).status())
        .isEqualTo(400);
    assertThat(loopbackOnly.handle(post("/codec/decode", "{\"other\": []}", Map.of())).status())
        .isEqualTo(400);
    assertThat(loopbackOnly.handle(request("GET", "/codec/decode", "", Map.of())).status())
        .isEqualTo(405);
    assertThat(loopbackOnly.handle(post("/codec/other", "{}", Map.of())).status()).isEqualTo(404);
    byte[] huge = new byte[CodecServerHandler.MAX_BODY_BYTES + 1];
    assertThat(
            loopbackOnly
                .handle(new CodecRequest("POST", "/codec/decode", Map.of(), huge, LOOPBACK))
                .status())
        .isEqualTo(413);
  }

  private static CodecRequest post(String path, String body, Map<String, String> headers) {
    Map<String, String> all = new HashMap<>(headers);
    all.put("Content-Type", "application/json");
    return request("POST", path, body, all);
  }

  private static CodecRequest request(
      String method, String path, String body, Map<String, String> headers) {
    return new CodecRequest(method, path, headers, body.getBytes(StandardCharsets.UTF_8), LOOPBACK);
  }

  private static String json(List<Payload> payloads) throws Exception {
    return JsonFormat.printer().print(Payloads.newBuilder().addAllPayloads(payloads));
  }

  private static List<Payload> payloads(CodecResponse response) throws Exception {
    Payloads.Builder builder = Payloads.newBuilder();
    JsonFormat.parser().merge(response.bodyText(), builder);
    return builder.getPayloadsList();
  }
}
