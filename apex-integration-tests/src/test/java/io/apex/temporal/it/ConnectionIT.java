package io.apex.temporal.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.apex.temporal.it.support.DevServerTarget;
import io.apex.temporal.it.support.EmbeddedServerTarget;
import io.apex.temporal.it.support.IntegrationTest;
import io.apex.temporal.it.support.TemporalTarget;
import io.temporal.api.enums.v1.NamespaceState;
import io.temporal.api.workflowservice.v1.DescribeNamespaceRequest;
import io.temporal.api.workflowservice.v1.DescribeNamespaceResponse;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

abstract class ConnectionIT extends IntegrationTest {

  @Test
  void clientReachesTheServerAndDescribesTheNamespace() {
    var stub = client().getWorkflowServiceStubs().blockingStub();
    assertThat(stub.getSystemInfo(GetSystemInfoRequest.getDefaultInstance())).isNotNull();

    DescribeNamespaceResponse namespace = stub.describeNamespace(
        DescribeNamespaceRequest.newBuilder().setNamespace("default").build());
    assertThat(namespace.getNamespaceInfo().getName()).isEqualTo("default");
    assertThat(namespace.getNamespaceInfo().getState())
        .isEqualTo(NamespaceState.NAMESPACE_STATE_REGISTERED);
  }

  @DisplayName("connection to the embedded Java test server")
  static class OnEmbeddedServer extends ConnectionIT {
    @Override
    protected TemporalTarget newTarget() {
      return new EmbeddedServerTarget();
    }
  }

  @DisplayName("connection to temporal server start-dev")
  static class OnDevServer extends ConnectionIT {
    @Override
    protected TemporalTarget newTarget() {
      return new DevServerTarget();
    }
  }
}
