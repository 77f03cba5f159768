package io.apex.temporal.worker.internal.codecserver;

import static io.apex.temporal.worker.internal.codec.TestKeys.key;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.util.JsonFormat;
import io.apex.temporal.client.internal.codec.AesGcmPayloadCodec;
import io.apex.temporal.client.internal.codec.PayloadKeyring;
import io.apex.temporal.config.CodecEndpointSettings;
import io.apex.temporal.config.EncryptionRule;
import io.apex.temporal.worker.internal.metrics.MetricsEndpoint;
import io.apex.temporal.worker.runtime.Readiness;
import io.temporal.api.common.v1.Payloads;
import io.temporal.common.converter.GlobalDataConverter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The codec endpoint as the CLI reaches it: over HTTP, on the worker's metrics port. */
class CodecEndpointOverHttpTest {
  private final AesGcmPayloadCodec codec =
      new AesGcmPayloadCodec(PayloadKeyring.of(key("k1", 1), List.of()), EncryptionRule.all());
  private final Readiness ready = () -> new Readiness.State(true, "ready");
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void theMetricsPortServesDecodeToALoopbackClient() throws Exception {
    String encrypted =
        JsonFormat.printer()
            .print(
                Payloads.newBuilder()
                    .addAllPayloads(
                        codec.encode(
                            List.of(
                                GlobalDataConverter.get().toPayload("readable").orElseThrow()))));
    MetricsEndpoint endpoint =
        new MetricsEndpoint(
            "127.0.0.1",
            0,
            () -> "",
            ready,
            Optional.of(
                new CodecServerHandler(
                    () -> codec,
                    new CodecEndpointSettings(true, Optional.empty(), List.of()),
                    "default")));
    endpoint.start();
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(
                      URI.create("http://127.0.0.1:" + endpoint.port() + "/codec/decode"))
                  .header("Content-Type", "application/json")
                  .header("X-Namespace", "default")
                  .POST(HttpRequest.BodyPublishers.ofString(encrypted))
                  .build(),
              HttpResponse.BodyHandlers.ofString());

      assertThat(response.statusCode()).isEqualTo(200);
      Payloads.Builder decoded = Payloads.newBuilder();
      JsonFormat.parser().merge(response.body(), decoded);
      assertThat(
              GlobalDataConverter.get()
                  .fromPayload(decoded.getPayloads(0), String.class, String.class))
          .isEqualTo("readable");
    } finally {
      endpoint.stop();
    }
  }

  @Test
  void withoutACodecTheMetricsPortHasNoCodecPath() throws Exception {
    MetricsEndpoint endpoint =
        new MetricsEndpoint("127.0.0.1", 0, () -> "", ready, Optional.empty());
    endpoint.start();
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(
                      URI.create("http://127.0.0.1:" + endpoint.port() + "/codec/decode"))
                  .POST(HttpRequest.BodyPublishers.ofString("{\"payloads\": []}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());

      assertThat(response.statusCode()).isEqualTo(404);
    } finally {
      endpoint.stop();
    }
  }
}
