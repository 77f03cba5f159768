package io.apex.temporal.client.internal.codec;

import static io.apex.temporal.client.internal.codec.TestKeys.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.apex.temporal.config.EncryptionRule;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.failure.v1.Failure;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.GlobalDataConverter;
import io.temporal.failure.ApplicationFailure;
import io.temporal.payload.codec.PayloadCodec;
import io.temporal.payload.codec.PayloadCodecException;
import io.temporal.payload.context.ActivitySerializationContext;
import io.temporal.payload.context.WorkflowSerializationContext;
import java.util.List;
import org.junit.jupiter.api.Test;

class AesGcmPayloadCodecTest {
  private static final String SECRET = "INV-2024-0042 owed by alice@example.com";
  private static final DataConverter JSON = GlobalDataConverter.get();

  private final Payload plain = JSON.toPayload(SECRET).orElseThrow();
  private final AesGcmPayloadCodec codec =
      new AesGcmPayloadCodec(PayloadKeyring.of(key("k2", 2), List.of()), EncryptionRule.all());

  @Test
  void encryptedPayloadCarriesTheKeyIdAndNoPlainText() {
    Payload encrypted = codec.encode(List.of(plain)).get(0);

    assertThat(encrypted.getMetadataMap())
        .containsEntry("encoding", ByteString.copyFromUtf8("binary/encrypted"))
        .containsEntry("encryption-key-id", ByteString.copyFromUtf8("k2"));
    assertThat(encrypted.toByteString().toStringUtf8())
        .doesNotContain("INV-2024")
        .doesNotContain("json/plain");
    assertThat(codec.decode(List.of(encrypted))).containsExactly(plain);
  }

  @Test
  void eachPayloadGetsItsOwnNonce() {
    List<Payload> twice = codec.encode(List.of(plain, plain));

    assertThat(twice.get(0).getData()).isNotEqualTo(twice.get(1).getData());
    assertThat(twice.get(0).getData().substring(0, 12))
        .isNotEqualTo(twice.get(1).getData().substring(0, 12));
  }

  @Test
  void payloadsUnderAnOldKeyStayReadableWithItAsADecryptOnlyKey() {
    Payload underOldKey = codec.encode(List.of(plain)).get(0);
    AesGcmPayloadCodec rotated =
        new AesGcmPayloadCodec(
            PayloadKeyring.of(key("k3", 3), List.of(key("k2", 2))), EncryptionRule.all());

    assertThat(rotated.decode(List.of(underOldKey))).containsExactly(plain);
    Payload underNewKey = rotated.encode(List.of(plain)).get(0);
    assertThat(underNewKey.getMetadataOrThrow("encryption-key-id").toStringUtf8()).isEqualTo("k3");
  }

  @Test
  void aMissingKeyFailsNamingItsId() {
    Payload underK2 = codec.encode(List.of(plain)).get(0);
    AesGcmPayloadCodec other =
        new AesGcmPayloadCodec(PayloadKeyring.of(key("k9", 9), List.of()), EncryptionRule.all());

    assertThatThrownBy(() -> other.decode(List.of(underK2)))
        .isInstanceOf(PayloadCodecException.class)
        .hasMessageContaining("key ID 'k2'")
        .hasMessageContaining("it has k9");
  }

  @Test
  void aDifferentKeyUnderTheSameIdFailsAuthentication() {
    Payload underK2 = codec.encode(List.of(plain)).get(0);
    AesGcmPayloadCodec impostor =
        new AesGcmPayloadCodec(PayloadKeyring.of(key("k2", 7), List.of()), EncryptionRule.all());

    assertThatThrownBy(() -> impostor.decode(List.of(underK2)))
        .isInstanceOf(PayloadCodecException.class)
        .hasMessageContaining("key ID 'k2' failed authentication");
  }

  @Test
  void tamperedCiphertextFailsAuthentication() {
    Payload encrypted = codec.encode(List.of(plain)).get(0);
    byte[] data = encrypted.getData().toByteArray();
    data[data.length - 20] ^= 1;
    Payload tampered = encrypted.toBuilder().setData(ByteString.copyFrom(data)).build();

    assertThatThrownBy(() -> codec.decode(List.of(tampered)))
        .isInstanceOf(PayloadCodecException.class)
        .hasMessageContaining("failed authentication");
  }

  @Test
  void aSwappedKeyIdFailsRatherThanDecrypting() {
    AesGcmPayloadCodec both =
        new AesGcmPayloadCodec(
            PayloadKeyring.of(key("k2", 2), List.of(key("k1", 2))), EncryptionRule.all());
    Payload encrypted = both.encode(List.of(plain)).get(0);
    // Same key bytes under another ID: the ID is bound to the ciphertext, so this still fails.
    Payload relabelled =
        encrypted.toBuilder()
            .putMetadata("encryption-key-id", ByteString.copyFromUtf8("k1"))
            .build();

    assertThatThrownBy(() -> both.decode(List.of(relabelled)))
        .isInstanceOf(PayloadCodecException.class)
        .hasMessageContaining("key ID 'k1' failed authentication");
  }

  @Test
  void plainPayloadsPassThroughDecodeUntouched() {
    Payload binary =
        Payload.newBuilder()
            .putMetadata("encoding", ByteString.copyFromUtf8("binary/plain"))
            .setData(ByteString.copyFrom(new byte[] {0, 1, 2}))
            .build();

    assertThat(codec.decode(List.of(plain, binary))).containsExactly(plain, binary);
  }

  @Test
  void encodeFollowsTheRuleForTheContextsWorkflow() {
    AesGcmPayloadCodec ingestionOnly =
        new AesGcmPayloadCodec(
            PayloadKeyring.of(key("k2", 2), List.of()), EncryptionRule.prefixes("ingest-"));

    PayloadCodec greeting =
        ingestionOnly.withContext(new WorkflowSerializationContext("default", "greeting-1"));
    PayloadCodec ingestion =
        ingestionOnly.withContext(new WorkflowSerializationContext("default", "ingest-doc"));
    PayloadCodec ingestionActivity =
        ingestionOnly.withContext(
            new ActivitySerializationContext(
                "default", "ingest-doc", "DocumentIngestionWorkflow", "parse", "q", false));

    assertThat(greeting.encode(List.of(plain))).containsExactly(plain);
    assertThat(AesGcmPayloadCodec.isEncrypted(ingestion.encode(List.of(plain)).get(0))).isTrue();
    assertThat(AesGcmPayloadCodec.isEncrypted(ingestionActivity.encode(List.of(plain)).get(0)))
        .isTrue();
    // Whatever the context, decoding reads both kinds.
    assertThat(greeting.decode(ingestion.encode(List.of(plain)))).containsExactly(plain);
  }

  @Test
  void withoutAWorkflowToJudgeByEncodeEncrypts() {
    AesGcmPayloadCodec ingestionOnly =
        new AesGcmPayloadCodec(
            PayloadKeyring.of(key("k2", 2), List.of()), EncryptionRule.prefixes("ingest-"));

    assertThat(AesGcmPayloadCodec.isEncrypted(ingestionOnly.encode(List.of(plain)).get(0)))
        .isTrue();
  }

  @Test
  void theDataConverterRoundTripsThroughTheCodec() {
    DataConverter converter = PayloadEncryptionFactory.dataConverter(JSON, codec);

    Payload stored = converter.toPayload(SECRET).orElseThrow();
    assertThat(AesGcmPayloadCodec.isEncrypted(stored)).isTrue();
    assertThat(converter.fromPayload(stored, String.class, String.class)).isEqualTo(SECRET);
  }

  /** A reason that names a file must not reach the history readable where payloads are hidden. */
  @Test
  void aFailuresMessageAndTraceAreEncryptedForAnEncryptedWorkflowAndReadableForAnOther() {
    AesGcmPayloadCodec ingestionOnly =
        new AesGcmPayloadCodec(
            PayloadKeyring.of(key("k2", 2), List.of()), EncryptionRule.prefixes("ingest-"));
    DataConverter converter = PayloadEncryptionFactory.dataConverter(JSON, ingestionOnly);
    String reason = "/home/alice/tenders/empty.txt is empty";
    ApplicationFailure thrown =
        ApplicationFailure.newFailure(reason, "InvalidDocument", "/home/alice/tenders");

    DataConverter ingestion =
        converter.withContext(
            new ActivitySerializationContext(
                "default", "ingest-doc", "DocumentIngestionWorkflow", "stage", "q", false));
    Failure encoded = ingestion.exceptionToFailure(thrown);
    assertThat(encoded.getMessage()).isEqualTo("Encoded failure");
    assertThat(encoded.getStackTrace()).isEmpty();
    assertThat(AesGcmPayloadCodec.isEncrypted(encoded.getEncodedAttributes())).isTrue();
    assertThat(encoded.toByteString().toStringUtf8()).doesNotContain("/home/alice");
    assertThat(encoded.getApplicationFailureInfo().getType()).isEqualTo("InvalidDocument");
    ApplicationFailure decoded = (ApplicationFailure) ingestion.failureToException(encoded);
    assertThat(decoded.getOriginalMessage()).isEqualTo(reason);
    assertThat(decoded.getType()).isEqualTo("InvalidDocument");

    Failure greeting =
        converter
            .withContext(new WorkflowSerializationContext("default", "greeting-1"))
            .exceptionToFailure(thrown);
    assertThat(greeting.getMessage()).isEqualTo(reason);
    assertThat(greeting.hasEncodedAttributes()).isFalse();
  }
}
