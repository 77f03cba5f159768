package io.apex.temporal.client.internal.connection;

import com.uber.m3.tally.Scope;
import io.apex.temporal.client.BadSettingException;
import io.apex.temporal.config.ConfigProblem;
import io.apex.temporal.config.Connection;
import io.apex.temporal.config.Setting;
import io.apex.temporal.config.Tls;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;

/** Turns connection settings into gRPC stub options: target, TLS, API key and metrics scope. */
public final class ServiceStubsOptionsFactory {
  private ServiceStubsOptionsFactory() {}

  /**
   * @throws BadSettingException when a TLS file holds no usable certificate or key
   */
  public static WorkflowServiceStubsOptions create(Connection connection, Scope metricsScope)
      throws BadSettingException {
    WorkflowServiceStubsOptions.Builder options =
        WorkflowServiceStubsOptions.newBuilder()
            .setTarget(connection.target())
            .setMetricsScope(metricsScope);
    if (connection.tls().isPresent()) {
      options.setSslContext(sslContext(connection.tls().get()));
    }
    connection
        .apiKey()
        .ifPresent(
            key -> {
              // Temporal Cloud takes API keys over TLS only.
              if (connection.tls().isEmpty()) {
                options.setEnableHttps(true);
              }
              options.addApiKey(key::reveal);
            });
    return options.build();
  }

  private static SslContext sslContext(Tls tls) throws BadSettingException {
    SslContextBuilder builder = GrpcSslContexts.forClient();
    if (tls.caPath().isPresent()) {
      Path ca = tls.caPath().get();
      requireCertificates(Setting.TLS_CA_PATH, ca, "a PEM file of CA certificates");
      builder.trustManager(ca.toFile());
    }
    if (tls.mutual()) {
      Path cert = tls.certPath().orElseThrow();
      Path key = tls.keyPath().orElseThrow();
      requireCertificates(Setting.TLS_CERT_PATH, cert, "a PEM certificate file");
      try {
        builder.keyManager(cert.toFile(), key.toFile());
      } catch (IllegalArgumentException e) {
        throw bad(
            Setting.TLS_KEY_PATH,
            key,
            "a PEM private key file (PKCS#8) for " + Setting.TLS_CERT_PATH.envVar(),
            e);
      }
    }
    try {
      return builder.build();
    } catch (IOException | IllegalArgumentException e) {
      Setting blamed = tls.mutual() ? Setting.TLS_KEY_PATH : Setting.TLS_CA_PATH;
      Path file = tls.mutual() ? tls.keyPath().orElseThrow() : tls.caPath().orElseThrow();
      throw bad(blamed, file, "usable TLS material", e);
    }
  }

  /** Netty's own message for a bad file is long and names neither the variable nor the file. */
  private static void requireCertificates(Setting setting, Path file, String rule)
      throws BadSettingException {
    try (InputStream in = Files.newInputStream(file)) {
      if (CertificateFactory.getInstance("X.509").generateCertificates(in).isEmpty()) {
        throw bad(setting, file, rule, null);
      }
    } catch (IOException | CertificateException e) {
      throw bad(setting, file, rule, e);
    }
  }

  private static BadSettingException bad(Setting setting, Path file, String rule, Exception e) {
    String detail = e == null ? "no certificate in it" : firstLine(e.getMessage());
    return new BadSettingException(
        new ConfigProblem(setting.envVar(), rule, file.toString()), detail, e);
  }

  private static String firstLine(String text) {
    return text == null ? "" : text.lines().findFirst().orElse("");
  }
}
