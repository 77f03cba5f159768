package io.apex.temporal.config;

import java.util.List;
import java.util.Optional;

/**
 * The worker's codec endpoint, which decodes payloads for the {@code temporal} CLI and the UI.
 * Without a token it answers loopback clients only; with one, every request must carry it as {@code
 * Authorization: Bearer TOKEN}. Browsers may call it from {@code corsOrigins}.
 */
public record CodecEndpointSettings(
    boolean enabled, Optional<Secret> token, List<String> corsOrigins) {

  public CodecEndpointSettings {
    corsOrigins = List.copyOf(corsOrigins);
  }
}
