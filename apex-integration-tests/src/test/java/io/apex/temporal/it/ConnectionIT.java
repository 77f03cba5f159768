package io.apex.temporal.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.apex.temporal.it.support.IntegrationTest;
import io.apex.temporal.testkit.CliResult;
import io.apex.temporal.testkit.DevServerTarget;
import io.apex.temporal.testkit.TemporalTarget;
import io.temporal.api.enums.v1.NamespaceState;
import io.temporal.api.workflowservice.v1.DescribeNamespaceRequest;
import io.temporal.api.workflowservice.v1.DescribeNamespaceResponse;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.api.workflowservice.v1.GetSystemInfoResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

abstract class ConnectionIT extends IntegrationTest {

  /** Checks that the server which answered is the one this class means to reach. */
  protected abstract void assertAnsweredBy(GetSystemInfoResponse systemInfo);

  @Test
  void clientReachesTheIntendedServerAndDescribesTheNamespace() {
    var stub = client().getWorkflowServiceStubs().blockingStub();
    assertAnsweredBy(stub.getSystemInfo(GetSystemInfoRequest.getDefaultInstance()));

    DescribeNamespaceResponse namespace =
        stub.describeNamespace(
            DescribeNamespaceRequest.newBuilder().setNamespace("default").build());
    assertThat(namespace.getNamespaceInfo().getName()).isEqualTo("default");
    assertThat(namespace.getNamespaceInfo().getState())
        .isEqualTo(NamespaceState.NAMESPACE_STATE_REGISTERED);
  }

  @DisplayName("connection to the embedded Java test server")
  static class OnEmbeddedServer extends ConnectionIT {
    @Override
    protected TemporalTarget newTarget() {
      return embeddedServer();
    }

    /** The Java test server is the one Temporal server that reports no version. */
    @Override
    protected void assertAnsweredBy(GetSystemInfoResponse systemInfo) {
      assertThat(systemInfo.getServerVersion()).isEmpty();
    }
  }

  @DisplayName("connection to temporal server start-dev")
  static class OnDevServer extends ConnectionIT {
    private static final Pattern SERVER_VERSION = Pattern.compile("\\(Server (\\d+\\.\\d+\\.\\d+)");

    @Override
    protected TemporalTarget newTarget() {
      return new DevServerTarget();
    }

    /** The dev server reports the server version that its CLI names in {@code --version}. */
    @Override
    protected void assertAnsweredBy(GetSystemInfoResponse systemInfo) {
      DevServerTarget devServer = (DevServerTarget) target;
      CliResult version =
          CliResult.run(
              List.of(devServer.server().cli().toString(), "--version"), Duration.ofSeconds(30));
      Matcher matcher = SERVER_VERSION.matcher(version.output());
      assertThat(matcher.find()).as("a server version in: %s", version.output()).isTrue();
      assertThat(systemInfo.getServerVersion()).isEqualTo(matcher.group(1));
    }
  }
}
