# The Apex worker image: builds the shaded apex-worker jar with Maven, then runs it on a JRE.
# Built by infra/compose.yaml (service worker), or by hand from the repository root:
#   docker build -t apex-temporal-worker:0.1.0-SNAPSHOT .

FROM maven:3.9.11-eclipse-temurin-17 AS build
WORKDIR /src
# Every module's pom: the parent lists them all, so Maven reads them even for -pl apex-worker.
COPY pom.xml ./
COPY apex-config/pom.xml apex-config/
COPY apex-workflows/pom.xml apex-workflows/
COPY apex-client/pom.xml apex-client/
COPY apex-ingestion/pom.xml apex-ingestion/
COPY apex-api/pom.xml apex-api/
COPY apex-worker/pom.xml apex-worker/
COPY apex-testkit/pom.xml apex-testkit/
COPY apex-integration-tests/pom.xml apex-integration-tests/
COPY apex-perf/pom.xml apex-perf/
COPY infra/pom.xml infra/
# The sources of apex-worker and of every module -am builds for it: apex-testkit too, a
# test-scoped dependency that Maven still puts in the reactor (and resolves) with tests skipped.
COPY apex-config/src apex-config/src
COPY apex-workflows/src apex-workflows/src
COPY apex-client/src apex-client/src
COPY apex-ingestion/src apex-ingestion/src
COPY apex-api/src apex-api/src
COPY apex-testkit/src apex-testkit/src
COPY apex-worker/src apex-worker/src
# Tests are not built here: they need the temporal CLI and Prometheus, and CI runs them
# (scripts/test.sh). The cache mount keeps downloaded dependencies between builds.
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -ntp -q -pl apex-worker -am -Dmaven.test.skip=true package

FROM eclipse-temurin:17.0.16_8-jre
# curl for the health check below, installed here rather than assumed of the base image.
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system apex && useradd --system --gid apex --home-dir /app --no-create-home apex \
    && mkdir -p /var/lib/apex && chown apex:apex /var/lib/apex && chmod 700 /var/lib/apex
WORKDIR /app
COPY --from=build /src/apex-worker/target/apex-worker-0.1.0-SNAPSHOT-all.jar /app/apex-worker.jar
USER apex
# Defaults for a container; compose (or docker run -e) sets the Temporal target.
# Without APEX_PAYLOAD_KEY the worker generates its payload key into this file on first start;
# compose keeps it in a volume so that it outlives the container.
ENV TEMPORAL_METRICS_PORT=8078 \
    TEMPORAL_METRICS_BIND_ADDRESS=0.0.0.0 \
    TEMPORAL_EMBEDDED_SERVER=never \
    APEX_PAYLOAD_KEY_FILE=/var/lib/apex/payload-key
EXPOSE 8078
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=6 \
    CMD curl -fsS -o /dev/null "http://127.0.0.1:${TEMPORAL_METRICS_PORT}/readyz" || exit 1
# java is PID 1, so SIGTERM from docker stop reaches the worker's graceful drain directly. The
# heap is 75% of the container's memory limit; on OutOfMemoryError the JVM exits (status 3)
# rather than run on with some threads dead, and the restart policy starts a fresh one.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/apex-worker.jar"]
CMD ["worker"]
