package io.apex.temporal.infra;

import io.apex.temporal.testkit.ChildProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The compose file's exposure-check service, run here as its container would run it: its entrypoint
 * and command, with $$ turned into $, under the environment compose would hand it for the
 * operator's variables, and nothing else but PATH. The container's shell is Debian's dash, as is
 * /bin/sh here; the script keeps to POSIX sh.
 */
public record ExposureCheck(ComposeService service) {
  public static final String SERVICE = "exposure-check";
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  public static ExposureCheck of(ComposeFile compose) {
    return new ExposureCheck(compose.service(SERVICE));
  }

  /** What the service prints and its exit status for an operator who set these variables. */
  public Result run(ComposeVariables operatorEnvironment) {
    List<String> command = new ArrayList<>(service.entrypoint());
    service.command().forEach(argument -> command.add(ComposeVariables.unescapeDollars(argument)));
    Map<String, String> environment = new LinkedHashMap<>();
    service
        .environment()
        .forEach((name, value) -> environment.put(name, operatorEnvironment.resolve(value)));
    ChildProcess.Finished finished =
        ChildProcess.command(SERVICE, command)
            .clearEnvironment()
            .environment(environment)
            .run(TIMEOUT);
    return new Result(finished.exitCode(), finished.output());
  }

  /** Exit status 0 lets docker compose up go on; anything else stops it. */
  public record Result(int exitCode, String output) {
    public boolean allowsStart() {
      return exitCode == 0;
    }
  }
}
