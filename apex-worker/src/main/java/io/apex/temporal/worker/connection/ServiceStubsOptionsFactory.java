package io.apex.temporal.worker.connection;

import com.uber.m3.tally.Scope;
import io.apex.temporal.config.Connection;
import io.apex.temporal.config.Tls;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Turns connection settings into gRPC stub options: target, TLS, API key and metrics scope. */
public final class ServiceStubsOptionsFactory {
  private ServiceStubsOptionsFactory() {}

  public static WorkflowServiceStubsOptions create(Connection connection, Scope metricsScope) {
    WorkflowServiceStubsOptions.Builder options =
        WorkflowServiceStubsOptions.newBuilder()
            .setTarget(connection.target())
            .setMetricsScope(metricsScope);
    connection.tls().ifPresent(tls -> options.setSslContext(sslContext(tls)));
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

  private static io.grpc.netty.shaded.io.netty.handler.ssl.SslContext sslContext(Tls tls) {
    try {
      SslContextBuilder builder = GrpcSslContexts.forClient();
      tls.caPath().ifPresent(ca -> builder.trustManager(ca.toFile()));
      if (tls.mutual()) {
        builder.keyManager(tls.certPath().orElseThrow().toFile(), tls.keyPath().orElseThrow().toFile());
      }
      return builder.build();
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the TLS files: " + e.getMessage(), e);
    }
  }
}
