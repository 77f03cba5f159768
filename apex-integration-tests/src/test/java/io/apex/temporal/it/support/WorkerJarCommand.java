package io.apex.temporal.it.support;

import io.apex.temporal.testkit.ChildProcess;
import java.time.Duration;
import java.util.Map;

/**
 * One command of the worker jar's command line ({@code java -jar apex-worker.jar ingest ...}) run
 * as an operator runs it, with the given settings and none inherited. Standard output and error are
 * kept apart, because the commands print their results on standard output.
 */
public final class WorkerJarCommand {
  private WorkerJarCommand() {}

  public record Result(int exitCode, String out, String err) {}

  public static Result run(Map<String, String> settings, Duration timeout, String... args) {
    ChildProcess.Finished finished =
        ChildProcess.command("worker jar command", ChildWorker.jarCommand(args))
            .directory(ChildWorker.workingDirectory("apex-cli"))
            .separateErrors()
            .withoutInherited("TEMPORAL_", "APEX_")
            .environment(settings)
            .run(timeout);
    return new Result(finished.exitCode(), finished.output(), finished.errors());
  }
}
