package io.apex.temporal.it.support;

import io.apex.temporal.testkit.ChildProcess;
import io.apex.temporal.testkit.ExternalTool;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Schemathesis (PyPI) run against a live API from the OpenAPI document it serves: examples, the
 * coverage phase's edge values and a bounded amount of fuzzing per operation, positive and negative
 * data, failing on any server error and any answer that breaks the document.
 */
public final class Schemathesis {
  /**
   * What is checked. Left out: positive_data_acceptance (a valid but unknown document ID is a 404,
   * not an acceptance), use_after_free and ensure_resource_availability (a deletion is durable and
   * asynchronous, so a resource is gone only once its workflow completes), the authorization checks
   * (loopback callers need no key until one exists; the key rules have their own test).
   */
  public static final String CHECKS =
      String.join(
          ",",
          "not_a_server_error",
          "status_code_conformance",
          "content_type_conformance",
          "response_headers_conformance",
          "response_schema_conformance",
          "negative_data_rejection",
          "unsupported_method",
          "allow_header_conformance");

  private static final int EXAMPLES_PER_OPERATION = 25;
  private static final Duration TIMEOUT = Duration.ofMinutes(4);

  private Schemathesis() {}

  /**
   * Runs {@code st run BASE/openapi.json} and returns its exit status and output; the reports
   * (JUnit XML and the requests made) go to {@code reports}.
   */
  public static ChildProcess.Finished run(String baseUrl, Optional<String> key, Path reports) {
    List<String> command =
        new ArrayList<>(
            List.of(
                ExternalTool.SCHEMATHESIS.require().toString(),
                "run",
                baseUrl + "/openapi.json",
                "--url",
                baseUrl,
                "--checks",
                CHECKS,
                "--phases",
                "examples,coverage,fuzzing",
                "--max-examples",
                String.valueOf(EXAMPLES_PER_OPERATION),
                "--seed",
                "19",
                // One worker: Hypothesis describes its strategies with ast.parse, which is not
                // thread-safe on Python 3.11 and failed the coverage phase with two.
                "--workers",
                "1",
                "--request-timeout",
                "30",
                "--generation-database",
                "none",
                "--suppress-health-check",
                "too_slow",
                "--no-color",
                "--report",
                "junit,ndjson",
                "--report-dir",
                reports.toString()));
    key.ifPresent(secret -> command.addAll(List.of("--header", "Authorization: Bearer " + secret)));
    return ChildProcess.command("schemathesis", command)
        .directory(reports)
        .separateErrors()
        .run(TIMEOUT);
  }
}
