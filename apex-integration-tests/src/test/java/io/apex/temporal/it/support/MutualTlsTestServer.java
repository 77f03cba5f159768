package io.apex.temporal.it.support;

import io.apex.temporal.testkit.FreePorts;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.ClientAuth;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import io.temporal.internal.testservice.GRPCServerHelper;
import io.temporal.internal.testservice.TestServicesStarter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The Java test server's services behind a gRPC TLS listener: the server presents its certificate
 * and, for mutual TLS, accepts only clients presenting the trusted client certificate; one-way, it
 * asks clients for none.
 */
public final class MutualTlsTestServer implements AutoCloseable {
  private final TestServicesStarter services = new TestServicesStarter(true, 0);
  private final Server server;
  private final int port = FreePorts.next();

  public MutualTlsTestServer(PemCertificate serverCertificate, PemCertificate trustedClient) {
    this(serverCertificate, Optional.of(trustedClient));
  }

  /** A listener with server-side TLS only: any client that trusts the server may connect. */
  public static MutualTlsTestServer oneWay(PemCertificate serverCertificate) {
    return new MutualTlsTestServer(serverCertificate, Optional.empty());
  }

  private MutualTlsTestServer(
      PemCertificate serverCertificate, Optional<PemCertificate> trustedClient) {
    try {
      SslContextBuilder tls =
          GrpcSslContexts.forServer(
              serverCertificate.certificate().toFile(), serverCertificate.privateKey().toFile());
      if (trustedClient.isPresent()) {
        tls.trustManager(trustedClient.get().certificate().toFile()).clientAuth(ClientAuth.REQUIRE);
      } else {
        tls.clientAuth(ClientAuth.NONE);
      }
      NettyServerBuilder builder = NettyServerBuilder.forPort(port).sslContext(tls.build());
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
