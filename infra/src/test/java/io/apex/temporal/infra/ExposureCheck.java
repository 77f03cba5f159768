package io.apex.temporal.infra;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The compose file's exposure-check service, run here as its container would run it: its entrypoint
 * and command, with $$ turned into $, under the environment compose would hand it for the
 * operator's variables, and nothing else but PATH. The container's shell is Debian's dash, as is
 * /bin/sh here; the script keeps to POSIX sh.
 */
public record ExposureCheck(ComposeService service) {
  public static final String SERVICE = "exposure-check";
  private static final long TIMEOUT_SECONDS = 30;

  public static ExposureCheck of(ComposeFile compose) {
    return new ExposureCheck(compose.service(SERVICE));
  }

  /** What the service prints and its exit status for an operator who set these variables. */
  public Result run(ComposeVariables operatorEnvironment) {
    List<String> command = new ArrayList<>(service.entrypoint());
    service.command().forEach(argument -> command.add(ComposeVariables.unescapeDollars(argument)));
    Path output = null;
    try {
      output = Files.createTempFile("apex-exposure-check-", ".out");
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(output.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
      Map<String, String> environment = builder.environment();
      String path = environment.get("PATH");
      environment.clear();
      environment.put("PATH", path);
      service
          .environment()
          .forEach((name, value) -> environment.put(name, operatorEnvironment.resolve(value)));
      Process process = builder.start();
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(SERVICE + " did not finish within " + TIMEOUT_SECONDS + " s");
      }
      return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("could not run " + SERVICE + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted running " + SERVICE, e);
    } finally {
      if (output != null) {
        output.toFile().delete();
      }
    }
  }

  /** Exit status 0 lets docker compose up go on; anything else stops it. */
  public record Result(int exitCode, String output) {
    public boolean allowsStart() {
      return exitCode == 0;
    }
  }
}
