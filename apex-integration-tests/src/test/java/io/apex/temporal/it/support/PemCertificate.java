package io.apex.temporal.it.support;

import io.apex.temporal.testkit.CliResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * A self-signed certificate for 127.0.0.1 and its private key as PEM files, made with the JDK's
 * keytool, for TLS tests that need no outside authority.
 */
public record PemCertificate(Path certificate, Path privateKey) {
  private static final char[] PASSWORD = "apex-test".toCharArray();

  public static PemCertificate create(Path directory, String name) throws IOException {
    Path store = directory.resolve(name + ".p12");
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    CliResult made =
        CliResult.run(
            List.of(
                keytool.toString(),
                "-genkeypair",
                "-alias",
                name,
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-validity",
                "2",
                "-dname",
                "CN=" + name,
                "-ext",
                "SAN=ip:127.0.0.1,dns:localhost",
                "-storetype",
                "PKCS12",
                "-keystore",
                store.toString(),
                "-storepass",
                new String(PASSWORD)),
            Duration.ofSeconds(60));
    if (made.exitCode() != 0) {
      throw new IllegalStateException("keytool failed: " + made.output());
    }
    try (InputStream in = Files.newInputStream(store)) {
      KeyStore keyStore = KeyStore.getInstance("PKCS12");
      keyStore.load(in, PASSWORD);
      PrivateKey key = (PrivateKey) keyStore.getKey(name, PASSWORD);
      Path certificate =
          Files.writeString(
              directory.resolve(name + ".pem"),
              pem("CERTIFICATE", keyStore.getCertificate(name).getEncoded()));
      Path privateKey =
          Files.writeString(directory.resolve(name + ".key"), pem("PRIVATE KEY", key.getEncoded()));
      return new PemCertificate(certificate, privateKey);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("could not read the keystore keytool made", e);
    }
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
            .encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }
}
