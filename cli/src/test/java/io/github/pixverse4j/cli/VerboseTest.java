package io.github.pixverse4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.client.VideoProviderFactory;
import io.github.pixverse4j.simulator.ProviderSimulator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code --verbose} prints the HTTP log on stderr, one line per exchange, without the key. */
class VerboseTest {
  private static final Path CAT =
      Paths.get("..", "examples", "cat.png").toAbsolutePath().normalize();

  @TempDir Path dir;
  private final Map<String, String> env = new HashMap<>();
  private String stderr;

  static java.util.stream.Stream<String> providerIds() {
    return CliTest.providerIds();
  }

  private int run(String... args) {
    env.put("PIXVERSE4J_HOME", dir.resolve("state").toString());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        new Main(env::get, new PrintWriter(out, true), new PrintWriter(err, true), dir, false)
            .execute(args);
    stderr = err.toString();
    return code;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("providerIds")
  @DisplayName(
      "generate --verbose logs the submit, the reads and the download, one line each, and never"
          + " the key")
  void generate(String provider) {
    assertThat(
            run(
                "generate",
                "--simulate",
                "--verbose",
                "--provider",
                provider,
                "--image",
                CAT.toString(),
                "--prompt",
                "the cat turns its head",
                "--output",
                dir.resolve("cat.mp4").toString()))
        .as("stderr: %s", stderr)
        .isZero();
    assertThat(stderr)
        .containsPattern("(?m)^http: POST http://127\\.0\\.0\\.1:\\d+/\\S* -> 2\\d\\d in \\d+ ms$")
        .containsPattern("(?m)^http: GET http://127\\.0\\.0\\.1:\\d+/\\S* -> 200 in \\d+ ms$");
    // The simulator's random key: "sim-" and 24 URL-safe characters (EmbeddedSimulators).
    assertThat(stderr).doesNotContainPattern("sim-[A-Za-z0-9_-]{24}");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("providerIds")
  @DisplayName("status --verbose logs its read with the answer's status, without the key")
  void status(String provider) {
    VideoProviderFactory f = Connection.factory(provider);
    try (ProviderSimulator sim = EmbeddedSimulators.start(provider)) {
      env.put(f.apiKeyEnvironmentVariable(), sim.apiKey());
      String token = TaskHandle.of(provider, f.capabilities().model(), "no-such-task").token();
      run("status", token, "--base-url", sim.baseUrl(), "--verbose");
      assertThat(stderr)
          .containsPattern(
              "(?m)^http: (GET|POST) http://127\\.0\\.0\\.1:\\d+/\\S* -> \\d{3} in \\d+ ms$")
          .doesNotContain(sim.apiKey());
    }
  }
}
