package io.github.pixverse4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.pixverse4j.simulator.Lifecycle;
import io.github.pixverse4j.simulator.ProviderSimulator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C on the real process (SIGINT), repeated: before the fix 3 runs in 9 lost the final line
 * because the JVM halted while the main thread was still printing.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class InterruptTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int RUNS = 9;
  private static ProviderSimulator sim;

  @TempDir Path dir;

  @BeforeAll
  static void startService() {
    sim = EmbeddedSimulators.start("gmi");
    sim.defaultLifecycle(Lifecycle.builder().queued(1).runningFor(1_000_000).succeeded());
  }

  @AfterAll
  static void stopService() {
    sim.close();
  }

  /** Collects a stream on its own thread, so the child never blocks on a full pipe. */
  static final class Collector {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final Thread thread;

    Collector(InputStream in) {
      thread =
          new Thread(
              () -> {
                byte[] b = new byte[8192];
                try {
                  for (int n; (n = in.read(b)) > 0; ) {
                    synchronized (bytes) {
                      bytes.write(b, 0, n);
                    }
                  }
                } catch (IOException ignored) {
                  // the process ended
                }
              });
      thread.setDaemon(true);
      thread.start();
    }

    String text() {
      synchronized (bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
      }
    }

    String awaitEnd() throws InterruptedException {
      thread.join(TimeUnit.SECONDS.toMillis(30));
      return text();
    }

    void awaitText(Predicate<String> condition) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!condition.test(text())) {
        assertThat(System.nanoTime())
            .as("waiting for output; got: %s", text())
            .isLessThan(deadline);
        Thread.sleep(20);
      }
    }
  }

  private Process start(boolean json) throws IOException {
    Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
    List<String> cmd =
        new ArrayList<>(
            List.of(
                java.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "generate",
                "--provider",
                "gmi",
                "--image",
                "https://example.com/cat.png",
                "--prompt",
                "a cat",
                "--base-url",
                sim.baseUrl(),
                "--poll-interval",
                "50ms"));
    if (json) cmd.add("--json");
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
    pb.environment().put("GMI_API_KEY", sim.apiKey());
    pb.environment().put("PIXVERSE4J_HOME", dir.resolve("state").toString());
    return pb.start();
  }

  private static void ctrlC(Process p) throws Exception {
    Process kill = new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start();
    assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(kill.exitValue()).isZero();
  }

  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  @DisplayName(
      "Ctrl-C always ends with the Interrupted line (with the resume command) and, with --json, a"
          + " final object")
  void ctrlCAlwaysSaysWhatHappened() throws Exception {
    CtrlC.assumeDeliverable();
    for (int i = 0; i < RUNS; i++) {
      boolean json = i % 2 == 1;
      Process p = start(json);
      Collector out = new Collector(p.getInputStream());
      Collector err = new Collector(p.getErrorStream());
      try {
        // Interrupt while polling: the task exists and its token has been printed.
        (json ? out : err).awaitText(t -> t.contains(json ? "\"RUNNING\"" : "RUNNING"));
        ctrlC(p);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("run %d ended", i).isTrue();
        String stdout = out.awaitEnd();
        String stderr = err.awaitEnd();
        assertThat(p.exitValue()).as("run %d exit code; stderr: %s", i, stderr).isEqualTo(130);
        assertThat(stderr)
            .as("run %d", i)
            .contains("Interrupted: polling stopped; the task goes on at the provider.")
            .contains("Resume with: pixverse4j resume pv4j.1.");
        if (json) {
          String[] lines = stdout.trim().split("\n");
          JsonNode last = JSON.readTree(lines[lines.length - 1]);
          assertThat(last.get("event").asText()).as("run %d: %s", i, stdout).isEqualTo("error");
          assertThat(last.get("exitCode").asInt()).isEqualTo(130);
          assertThat(last.get("task").asText()).startsWith("pv4j.1.");
        }
      } finally {
        p.destroyForcibly();
      }
    }
  }
}
