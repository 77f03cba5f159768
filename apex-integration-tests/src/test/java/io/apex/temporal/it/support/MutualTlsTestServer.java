package io.apex.temporal.it.support;

import io.apex.temporal.testkit.FreePorts;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.ClientAuth;
import io.temporal.internal.testservice.GRPCServerHelper;
import io.temporal.internal.testservice.TestServicesStarter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;

/**
 * The Java test server's services behind a gRPC listener that requires mutual TLS: the server
 * presents its certificate and accepts only clients presenting the trusted client certificate.
 */
public final class MutualTlsTestServer implements AutoCloseable {
  private final TestServicesStarter services = new TestServicesStarter(true, 0);
  private final Server server;
  private final int port = FreePorts.next();

  public MutualTlsTestServer(PemCertificate serverCertificate, PemCertificate trustedClient) {
    try {
      NettyServerBuilder builder = NettyServerBuilder.forPort(port).sslContext(
          GrpcSslContexts.forServer(serverCertificate.certificate().toFile(),
                  serverCertificate.privateKey().toFile())
              .trustManager(trustedClient.certificate().toFile())
              .clientAuth(ClientAuth.REQUIRE)
              .build());
      GRPCServerHelper.registerServicesAndHealthChecks(services.getServices(), builder);
      server = builder.build().start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int port() {
    return port;
  }

  @Override
  public void close() throws InterruptedException {
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    services.close();
  }
}
