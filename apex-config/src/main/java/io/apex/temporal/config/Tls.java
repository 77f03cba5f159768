package io.apex.temporal.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * TLS material. A client certificate and its key come together (mutual TLS); a CA alone trusts a
 * private server without presenting a client certificate.
 */
public record Tls(Optional<Path> certPath, Optional<Path> keyPath, Optional<Path> caPath) {

  public Tls {
    if (certPath.isPresent() != keyPath.isPresent()) {
      throw new IllegalArgumentException("a TLS client certificate and key come together");
    }
  }

  public boolean mutual() {
    return certPath.isPresent();
  }
}
