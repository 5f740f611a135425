package io.github.pixverse4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pixverse4j.simulator.Lifecycle;
import io.github.pixverse4j.simulator.ProviderSimulator;
import io.github.pixverse4j.simulator.SimulatorFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's quick start ({@link QuickStart}, which {@code DocSnippetsTest} keeps equal to the
 * README's block) run as a user runs it: its own JVM, the key in {@code PIXVERSE_API_KEY}, here
 * with {@code PIXVERSE_BASE_URL} pointing at the PixVerse simulator on 127.0.0.1, found the way the
 * command line finds it ({@link SimulatorFactory}). Nothing leaves the machine.
 */
class QuickStartTest {
  static final String KEY = "quick-start-test-key";

  @TempDir Path dir;
  ProviderSimulator sim;

  @BeforeEach
  void startSimulator() {
    sim =
        SimulatorFactory.find("pixverse", getClass().getClassLoader())
            .orElseThrow(() -> new AssertionError("no PixVerse simulator registered"))
            .create(KEY);
    // Read-driven: the first status read shows the job running with one second to go, the next
    // the video.
    sim.nextJobs(Lifecycle.builder().running(50).withEta(Duration.ofSeconds(1)).succeeded());
    sim.start();
  }

  @AfterEach
  void stopSimulator() {
    sim.close();
  }

  @Test
  @DisplayName(
      "with a key it uploads the image, waits for the video and saves it as cat.mp4 in the working"
          + " directory")
  void generatesAndDownloads() throws Exception {
    Map<String, String> env = Map.of("PIXVERSE_API_KEY", KEY, "PIXVERSE_BASE_URL", sim.baseUrl());
    Run run = quickStart(env);

    assertThat(run.exitCode).as(run.output).isZero();
    Path video = dir.resolve("cat.mp4");
    assertThat(video).as(run.output).exists();
    assertThat(Files.readAllBytes(video)).isEqualTo(sim.mediaBytes());
    // PixVerse's platform API reports no percentage: one line per state, then where the file is.
    assertThat(run.output.split("\n"))
        .containsExactly("QUEUED", "RUNNING", "SUCCEEDED", "Saved " + video.toAbsolutePath());
    assertThat(sim.submitCount()).isEqualTo(1);
  }

  @Test
  @DisplayName("without PIXVERSE_API_KEY it stops before any request, naming the variable")
  void missingKeyNamed() throws Exception {
    Map<String, String> env = Map.of("PIXVERSE_BASE_URL", sim.baseUrl());
    Run run = quickStart(env);

    assertThat(run.exitCode).isNotZero();
    assertThat(run.output)
        .contains("No API key for provider pixverse")
        .contains("set the environment variable PIXVERSE_API_KEY")
        .doesNotContain("NullPointerException");
    assertThat(sim.requests()).isEmpty();
    assertThat(dir.resolve("cat.mp4")).doesNotExist();
  }

  static final class Run {
    final int exitCode;
    final String output;

    Run(int exitCode, String output) {
      this.exitCode = exitCode;
      this.output = output;
    }
  }

  /** Runs QuickStart's main in a new JVM in {@link #dir} with examples/cat.png and {@code env}. */
  Run quickStart(Map<String, String> env) throws IOException, InterruptedException {
    Path image = Paths.get("cat.png").toAbsolutePath(); // Surefire runs in examples/
    assertThat(image).exists();
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(QuickStart.class.getName());
    command.add(image.toString());
    ProcessBuilder pb =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    Path log = dir.resolve("output.txt");
    pb.redirectOutput(log.toFile());
    pb.environment().remove("PIXVERSE_API_KEY");
    pb.environment().remove("PIXVERSE_BASE_URL");
    pb.environment().putAll(env);
    Process p = pb.start();
    if (!p.waitFor(2, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("QuickStart did not end within 2 minutes:\n" + read(log));
    }
    return new Run(p.exitValue(), read(log));
  }

  private static String read(Path file) throws IOException {
    return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
  }
}
