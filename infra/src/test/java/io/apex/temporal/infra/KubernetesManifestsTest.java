package io.apex.temporal.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apex.temporal.config.ConfigLoadResult;
import io.apex.temporal.config.Setting;
import io.apex.temporal.config.TemporalConfig;
import io.apex.temporal.testkit.SettingsMap;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The worker's Kubernetes manifests ({@code infra/k8s/}) parse strictly against the Kubernetes API
 * types, and hold what running the worker needs: the probes on the metrics port, a grace period
 * that outlasts the drain, resources, secrets from the Secret only, and an autoscaler for it.
 */
class KubernetesManifestsTest {
  /** Time the JVM needs to stop after the drain, at least, and at most what is reasonable. */
  private static final Duration MIN_MARGIN = Duration.ofSeconds(10);

  private static final Duration MAX_MARGIN = Duration.ofSeconds(60);
  private static final Set<String> SECRET_VARIABLES =
      Stream.concat(
              Arrays.stream(Setting.values()).filter(Setting::secret).map(Setting::envVar),
              // The document store's settings (issue 12), secret or not, are named here too.
              Stream.of("APEX_STORE_PASSWORD", "APEX_STORE_USER"))
          .collect(Collectors.toSet());

  private final Path k8s = InfraFiles.locate().root().resolve("k8s");
  private final Deployment deployment = only(Deployment.class);
  private final ConfigMap settings = only(ConfigMap.class);
  private final Secret secretExample = only(Secret.class);
  private final Container worker =
      deployment.getSpec().getTemplate().getSpec().getContainers().get(0);

  @Test
  void everyManifestParsesStrictlyAsItsKubernetesType() throws IOException {
    List<Path> files = manifestFiles();
    assertThat(files)
        .extracting(p -> k8s.relativize(p).toString())
        .containsExactlyInAnyOrder(
            "worker-configmap.yaml",
            "worker-deployment.yaml",
            "worker-service.yaml",
            "worker-hpa.yaml",
            "examples/worker-secret.yaml");
    for (Path file : files) {
      assertThat(KubernetesManifests.parse(file)).as(file.toString()).hasSize(1);
    }
  }

  @Test
  void aMisspeltFieldOrAWrongApiVersionFailsTheParse() throws IOException {
    String deploymentYaml = Files.readString(k8s.resolve("worker-deployment.yaml"));

    assertThatThrownBy(
            () ->
                KubernetesManifests.parseText(
                    deploymentYaml.replace("failureThreshold: 3", "failureTreshold: 3")))
        .hasMessageContaining("failureTreshold");
    assertThatThrownBy(
            () ->
                KubernetesManifests.parseText(
                    deploymentYaml.replace(
                        "apiVersion: apps/v1\nkind: Deployment",
                        "apiVersion: extensions/v1beta1\nkind: Deployment")))
        .hasMessageContaining("Deployment must be apps/v1");
    assertThatThrownBy(
            () ->
                KubernetesManifests.parseText(
                    deploymentYaml.replace(
                        "terminationGracePeriodSeconds: 45",
                        "terminationGracePeriodSeconds: soon")))
        .hasMessageContaining("terminationGracePeriodSeconds");
  }

  @Test
  void probesAskTheWorkersHealthAndReadinessOnItsMetricsPort() {
    int metricsPort = config().runtime().metricsPort();
    ContainerPort port =
        worker.getPorts().stream()
            .filter(p -> "metrics".equals(p.getName()))
            .findFirst()
            .orElseThrow();
    assertThat(port.getContainerPort()).isEqualTo(metricsPort);

    assertProbe(worker.getLivenessProbe(), "/healthz");
    assertProbe(worker.getStartupProbe(), "/healthz");
    assertProbe(worker.getReadinessProbe(), "/readyz");
    assertThat(worker.getArgs()).containsExactly("worker");
  }

  @Test
  void theGracePeriodOutlastsTheDrainTimeoutByAMargin() {
    Duration drain = config().runtime().drainTimeout();
    Duration grace =
        Duration.ofSeconds(
            deployment.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds());

    assertThat(grace).isBetween(drain.plus(MIN_MARGIN), drain.plus(MAX_MARGIN));
  }

  @Test
  void theConfigMapHoldsValidSettingsForARealServerAndNoSecrets() {
    TemporalConfig config = config();

    assertThat(config.runtime().embeddedServer().name()).isEqualTo("NEVER");
    assertThat(config.connection().host()).isNotEqualTo("localhost");
    assertThat(config.payloads().rule().encrypts("ingest-doc")).isTrue();
    assertThat(settings.getData().keySet()).doesNotContainAnyElementsOf(SECRET_VARIABLES);
    assertThat(worker.getEnvFrom())
        .singleElement()
        .satisfies(
            source ->
                assertThat(source.getConfigMapRef().getName())
                    .isEqualTo(settings.getMetadata().getName()));
  }

  @Test
  void secretsComeFromTheSecretAndThePayloadKeyIsRequired() {
    Map<String, EnvVar> env =
        worker.getEnv().stream().collect(Collectors.toMap(EnvVar::getName, e -> e));

    assertThat(env.keySet())
        .containsAll(
            List.of(
                "APEX_PAYLOAD_KEY",
                "APEX_PAYLOAD_DECRYPT_KEYS",
                "TEMPORAL_API_KEY",
                "APEX_STORE_PASSWORD",
                "APEX_CODEC_TOKEN"));
    for (EnvVar var : env.values()) {
      assertThat(var.getValue()).as(var.getName()).isNull();
      var ref = var.getValueFrom().getSecretKeyRef();
      assertThat(ref).as(var.getName() + " from a secretKeyRef").isNotNull();
      assertThat(ref.getName()).isEqualTo(secretExample.getMetadata().getName());
      assertThat(secretExample.getStringData())
          .as("the example Secret's keys")
          .containsKey(ref.getKey());
    }
    List<String> secretSettingsInTheDeployment = new ArrayList<>(env.keySet());
    secretSettingsInTheDeployment.retainAll(SECRET_VARIABLES);
    assertThat(secretSettingsInTheDeployment).containsExactlyInAnyOrderElementsOf(env.keySet());
    // Every worker and client must share one key; a pod has no key file to fall back on.
    assertThat(env.get("APEX_PAYLOAD_KEY").getValueFrom().getSecretKeyRef().getOptional())
        .isNotEqualTo(Boolean.TRUE);
  }

  @Test
  void theWorkerHasResourceRequestsWithinItsLimits() {
    Map<String, Quantity> requests = worker.getResources().getRequests();
    Map<String, Quantity> limits = worker.getResources().getLimits();

    assertThat(requests).containsKeys("cpu", "memory");
    assertThat(limits).containsKey("memory");
    for (String resource : limits.keySet()) {
      assertThat(Quantity.getAmountInBytes(requests.get(resource)))
          .as(resource)
          .isLessThanOrEqualTo(Quantity.getAmountInBytes(limits.get(resource)));
    }
  }

  @Test
  void theAutoscalerScalesThisDeploymentOnARequestedResource() {
    HorizontalPodAutoscaler hpa = only(HorizontalPodAutoscaler.class);

    assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
    assertThat(hpa.getSpec().getScaleTargetRef().getApiVersion()).isEqualTo("apps/v1");
    assertThat(hpa.getSpec().getScaleTargetRef().getName())
        .isEqualTo(deployment.getMetadata().getName());
    assertThat(hpa.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(2);
    assertThat(hpa.getSpec().getMaxReplicas()).isGreaterThan(hpa.getSpec().getMinReplicas());
    assertThat(hpa.getSpec().getMetrics())
        .isNotEmpty()
        .allSatisfy(
            metric ->
                assertThat(worker.getResources().getRequests())
                    .as("a utilization target needs a request")
                    .containsKey(metric.getResource().getName()));
  }

  @Test
  void theMetricsServiceSelectsTheWorkerPodsOnTheirMetricsPort() {
    Service service = only(Service.class);
    PodSpec pod = deployment.getSpec().getTemplate().getSpec();

    assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
        .containsAllEntriesOf(service.getSpec().getSelector());
    assertThat(deployment.getSpec().getSelector().getMatchLabels())
        .isEqualTo(service.getSpec().getSelector());
    assertThat(service.getSpec().getPorts())
        .singleElement()
        .satisfies(
            port -> {
              assertThat(port.getTargetPort().getStrVal()).isEqualTo("metrics");
              assertThat(port.getPort()).isEqualTo(config().runtime().metricsPort());
            });
    assertThat(pod.getContainers()).hasSize(1);
  }

  private static void assertProbe(Probe probe, String path) {
    assertThat(probe).as(path + " probe").isNotNull();
    assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
    assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("metrics");
  }

  /** The ConfigMap's settings read as the worker reads its environment. */
  private TemporalConfig config() {
    ConfigLoadResult result = SettingsMap.of(settings.getData()).load();
    assertThat(result.problems()).as("the ConfigMap's settings").isEmpty();
    return result.config().orElseThrow();
  }

  private <T extends HasMetadata> T only(Class<T> type) {
    try {
      List<T> found = new ArrayList<>();
      for (Path file : manifestFiles()) {
        KubernetesManifests.parse(file).stream()
            .filter(type::isInstance)
            .map(type::cast)
            .forEach(found::add);
      }
      assertThat(found).as(type.getSimpleName() + " manifests").hasSize(1);
      return found.get(0);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private List<Path> manifestFiles() throws IOException {
    try (Stream<Path> files = Files.walk(k8s)) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    }
  }
}
