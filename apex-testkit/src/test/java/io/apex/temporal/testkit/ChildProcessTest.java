package io.apex.temporal.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChildProcessTest {

  private static ChildProcess.Builder shell(String script) {
    return ChildProcess.command("test shell", List.of("sh", "-c", script));
  }

  @Test
  void aProcessThatExitsBeforeItListensFailsWithItsStatusAndTheTailOfItsLog() {
    ChildProcess child = shell("echo starting; echo bad flag --nope; exit 3").start();

    assertThatThrownBy(() -> child.awaitPort(FreePorts.next(), Duration.ofSeconds(30)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("test shell exited with status 3")
        .hasMessageContaining("bad flag --nope");
    child.close();
  }

  @Test
  void aProcessThatNeverBecomesReadyIsStoppedAndTheFailureNamesWhatWasAwaited() {
    ChildProcess child = shell("echo waiting forever; exec sleep 60").start();

    assertThatThrownBy(() -> child.awaitLine("READY", Duration.ofMillis(500)))
        .hasMessageContaining("did not print a line with 'READY'")
        .hasMessageContaining("waiting forever");
    assertThat(child.alive()).isFalse();
    assertThat(ProcessHandle.of(child.pid())).isEmpty();
  }

  @Test
  void awaitLineReturnsOnceTheLineIsPrinted() {
    try (ChildProcess child = shell("sleep 0.2; echo READY; exec sleep 60").start()) {
      child.awaitLine("READY", Duration.ofSeconds(30));

      assertThat(child.alive()).isTrue();
      assertThat(child.output()).contains("READY");
    }
  }

  @Test
  void awaitPortReturnsOnceTheProcessListens() {
    int port = FreePorts.next();
    String java = ChildProcess.java();
    // A listener in a child JVM: jshell would be slow, so a one-file program.
    try (ChildProcess child =
        ChildProcess.command(
                "listener",
                List.of(
                    java,
                    "-cp",
                    System.getProperty("java.class.path"),
                    PortListenerMain.class.getName(),
                    String.valueOf(port)))
            .start()) {
      child.awaitPort(port, Duration.ofSeconds(30));

      assertThat(PortProbe.listening(port)).isTrue();
    }
    assertThat(PortProbe.awaitClosed(port, Duration.ofSeconds(10))).isTrue();
  }

  @Test
  void stopReapsAProcessThatIgnoresSigtermBySigkillAfterTheGrace() {
    ChildProcess child = shell("trap '' TERM; echo up; while true; do sleep 0.1; done").start();
    child.awaitLine("up", Duration.ofSeconds(30));

    child.stop(Duration.ofMillis(300));

    assertThat(child.alive()).isFalse();
    assertThat(ProcessHandle.of(child.pid())).as("reaped").isEmpty();
    child.close();
  }

  @Test
  void stopEndsAProcessWithSigtermWithinTheGrace() {
    ChildProcess child = shell("echo up; exec sleep 60").start();
    child.awaitLine("up", Duration.ofSeconds(30));

    child.stop(Duration.ofSeconds(20));

    assertThat(child.alive()).isFalse();
    assertThat(child.awaitExit(Duration.ofSeconds(1))).as("SIGTERM's status").isEqualTo(143);
    child.close();
  }

  @Test
  void aChildIsStoppedWhenItsJvmExitsWithoutStoppingIt() throws Exception {
    ChildProcess.Finished parent =
        ChildProcess.command(
                "parent JVM",
                List.of(
                    ChildProcess.java(),
                    "-cp",
                    System.getProperty("java.class.path"),
                    AbandonedChildMain.class.getName()))
            .run(Duration.ofSeconds(60));
    assertThat(parent.exitCode()).as(parent.output()).isZero();
    long grandchild =
        Long.parseLong(
            parent
                .output()
                .lines()
                .filter(l -> l.startsWith("pid "))
                .findFirst()
                .orElseThrow()
                .substring(4)
                .trim());

    assertThat(
            Deadline.await(
                Duration.ofSeconds(10),
                () -> ProcessHandle.of(grandchild).map(h -> !h.isAlive()).orElse(true)))
        .as("the child of an exited JVM is gone")
        .isTrue();
  }

  @Test
  void runReturnsTheStatusAndKeepsStandardErrorApartWhenAsked() {
    ChildProcess.Finished finished =
        shell("echo result; echo complaint >&2; exit 4")
            .separateErrors()
            .run(Duration.ofSeconds(30));

    assertThat(finished.exitCode()).isEqualTo(4);
    assertThat(finished.output()).isEqualTo("result\n");
    assertThat(finished.errors()).isEqualTo("complaint\n");
  }

  @Test
  void runKillsACommandThatOutlivesItsTimeout() {
    assertThatThrownBy(() -> shell("exec sleep 60").run(Duration.ofMillis(300)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("timed out");
  }

  @Test
  void theEnvironmentCanBeClearedOrFilteredAndSet() {
    ChildProcess.Finished cleared =
        shell("env").clearEnvironment().environment("ONLY", "this").run(Duration.ofSeconds(30));
    ChildProcess.Finished filtered =
        shell("echo \"[$HOME]\"")
            .withoutInherited("HOME")
            .environment("OTHER", "x")
            .run(Duration.ofSeconds(30));

    assertThat(cleared.output().lines())
        .allMatch(
            line -> line.startsWith("PATH=") || line.startsWith("ONLY=") || line.startsWith("PWD="))
        .contains("ONLY=this");
    assertThat(filtered.output()).isEqualTo("[]\n");
  }
}
