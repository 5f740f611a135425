package io.github.pixverse4j.reliability.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.api.Video;
import io.github.pixverse4j.api.VideoApiException;
import io.github.pixverse4j.cli.CliRunner;
import io.github.pixverse4j.client.VideoClient;
import io.github.pixverse4j.reliability.Provider;
import io.github.pixverse4j.simulator.Fault;
import io.github.pixverse4j.simulator.Lifecycle;
import io.github.pixverse4j.simulator.ProviderSimulator;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The user's files: the command line writes a task's video only into the chosen directory even when
 * the provider's task id is a path, and the downloader fetches only http(s) URLs, does not follow a
 * redirect to another scheme, and leaves nothing behind when it refuses.
 */
@DisplayName("security: files are written only where the user said")
class FileSafetyTest {
  static final String KEY = "files-key-Vw7";
  static final List<String> HOSTILE_IDS =
      List.of(
          "../../../escape",
          "..",
          ".",
          "/etc/passwd",
          "/tmp/x",
          "a/../../b",
          "..\\..\\win",
          "C:\\Windows\\x",
          "\u0000nul",
          "~/.ssh/id_rsa",
          "....//....//x",
          "%2e%2e%2fx",
          "\u202e4pm.exe",
          "a".repeat(500),
          " ");

  @TempDir Path root;

  @ParameterizedTest(name = "{0}")
  @EnumSource(Provider.class)
  @DisplayName(
      "default output names made from hostile task ids are plain file names in the working"
          + " directory")
  void defaultNamesStayInTheDirectory(Provider p) {
    Path cwd = root.resolve("work");
    for (String id : HOSTILE_IDS) {
      TaskHandle handle;
      try {
        handle = TaskHandle.of(p.id, "m", id);
      } catch (IllegalArgumentException refused) {
        // Since issue 25 (fault 9) ids with '/', '\\', '%', control characters, '.' and '..' make
        // no handle at all: there is no name to make. Only those may be refused.
        assertThat(id).as("refused id").containsAnyOf("/", "\\", "%", "\u0000", ".");
        continue;
      }
      String name = CliRunner.defaultName(handle);
      assertThat(name)
          .as(id)
          .doesNotContain("/", "\\", "\u0000")
          .isNotIn(".", "..")
          .endsWith(".mp4");
      assertThat(cwd.resolve(name).normalize().getParent()).as(id).isEqualTo(cwd);
    }
  }

  @ParameterizedTest(name = "task id {0}")
  @ValueSource(strings = {"...", "~root", "C:..x", "\u202e4pm.exe"})
  @DisplayName(
      "generate and download save the video of a task with a path-like id inside the working"
          + " directory (ids with '/' or dot segments make no handle since issue 25: see"
          + " OdiRouterWireTest.encodesId)")
  void cliKeepsTheVideoInTheWorkingDirectory(String hostileId) throws IOException {
    Path cwd = Files.createDirectories(root.resolve("a/b/c"));
    // The v3 async protocol passes the task id as a query parameter, so any id reaches the
    // simulator.
    Provider p = Provider.HIGHWAY;
    Map<String, List<String>> real = RealAnswers.capture(p, KEY);
    try (ProviderSimulator sim = p.startSimulator(KEY)) {
      String submit = withTaskId(real.get("submit").get(0), hostileId);
      String succeeded =
          withTaskId(
                  real.get("status").stream()
                      .filter(s -> s.contains("SUCCEED"))
                      .findFirst()
                      .orElseThrow(),
                  hostileId)
              .replaceAll("http://127\\.0\\.0\\.1:\\d+/media/[^\"]+", sim.videoUrl("v"));
      sim.faults()
          .on("submit")
          .always(Fault.status(200, submit).withContentType("application/json"));
      sim.faults()
          .on("status")
          .always(Fault.status(200, succeeded).withContentType("application/json"));
      Map<String, String> env = Map.of(p.envVar, KEY);

      CliRunner.Result gen =
          CliRunner.run(
              env,
              cwd,
              "generate",
              "--provider",
              p.id,
              "--image",
              "https://example.com/images/cat.png",
              "--prompt",
              "a cat",
              "--base-url",
              sim.baseUrl(),
              "--json",
              "--poll-interval",
              "10ms");
      assertThat(gen.exitCode).as(gen.toString()).isZero();
      String token =
          TaskHandle.of(p.id, p.builder().apiKey(KEY).build().capabilities().model(), hostileId)
              .token();
      CliRunner.Result dl =
          CliRunner.run(env, cwd, "download", token, "--base-url", sim.baseUrl(), "--force");
      assertThat(dl.exitCode).as(dl.toString()).isZero();

      assertThat(filesUnder(root))
          .as("every file written")
          .isNotEmpty()
          .allSatisfy(f -> assertThat(f.getParent()).isEqualTo(cwd));
      assertThat(sim.requests("media")).hasSize(2);
    }
  }

  static String withTaskId(String json, String id) {
    return json.replaceAll(
        "\"task_id\"\\s*:\\s*\"[^\"]*\"",
        "\"task_id\":" + RealAnswers.text(id).toString().replace("\\", "\\\\").replace("$", "\\$"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "file:///etc/passwd",
        "ftp://127.0.0.1/video.mp4",
        "jar:file:/x.jar!/a.mp4",
        "javascript:alert(1)",
        "data:video/mp4;base64,AAAA",
        "gopher://127.0.0.1:70/x"
      })
  @DisplayName("the downloader refuses a video URL that is not http(s), at once and without a file")
  void downloaderRefusesOtherSchemes(String url) throws IOException {
    try (ProviderSimulator sim = Provider.GMI.startSimulator(KEY)) {
      VideoClient client =
          Provider.GMI.client(sim, KEY, Provider.fastPolicy(Duration.ofSeconds(5)), null);
      Path target = root.resolve("v.mp4");
      assertThatThrownBy(
              () -> client.download(Video.of(URI.create(url)), target).blockingSubscribe())
          .isInstanceOf(IllegalArgumentException.class);
      assertThat(filesUnder(root)).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {"file:///etc/passwd", "ftp://127.0.0.1/video.mp4", "jar:file:/x.jar!/a.mp4"})
  @DisplayName("the downloader does not follow a redirect to another scheme and leaves no file")
  void downloaderRefusesARedirectToAnotherScheme(String location) throws Exception {
    try (ProviderSimulator sim = Provider.GMI.startSimulator(KEY);
        Recorder media = new Recorder()) {
      media.redirectTo = location;
      VideoClient client =
          Provider.GMI.client(sim, KEY, Provider.fastPolicy(Duration.ofSeconds(5)), null);
      Path target = root.resolve("v.mp4");
      assertThatThrownBy(
              () ->
                  client
                      .download(Video.of(URI.create(media.url("/video.mp4"))), target)
                      .timeout(10, TimeUnit.SECONDS)
                      .blockingSubscribe())
          .isInstanceOf(VideoApiException.class)
          .hasMessageContaining("302");
      assertThat(media.seen).hasSize(1);
      assertThat(filesUnder(root)).isEmpty();
    }
  }

  @Test
  @DisplayName("a status whose video URL is a local file makes the command fail without copying it")
  void cliRefusesAFileVideoUrl() throws IOException {
    Path cwd = Files.createDirectories(root.resolve("work"));
    Path secret = Files.writeString(root.resolve("secret.txt"), "do not copy");
    Provider p = Provider.GMI;
    Map<String, List<String>> real = RealAnswers.capture(p, KEY);
    try (ProviderSimulator sim = p.startSimulator(KEY)) {
      sim.defaultLifecycle(Lifecycle.immediateSuccess());
      String status =
          real.get("status").stream()
              .filter(s -> s.contains("/media/"))
              .findFirst()
              .orElseThrow()
              .replaceAll("http://127\\.0\\.0\\.1:\\d+/media/[^\"]+", secret.toUri().toString());
      sim.faults()
          .on("status")
          .always(Fault.status(200, status).withContentType("application/json"));
      CliRunner.Result r =
          CliRunner.run(
              Map.of(p.envVar, KEY),
              cwd,
              "generate",
              "--provider",
              p.id,
              "--image",
              "https://example.com/images/cat.png",
              "--prompt",
              "a cat",
              "--base-url",
              sim.baseUrl(),
              "--poll-interval",
              "10ms");
      assertThat(r.exitCode).as(r.toString()).isNotZero();
      assertThat(filesUnder(cwd)).as(r.toString()).isEmpty();
    }
  }

  static List<Path> filesUnder(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile)
          .filter(f -> !f.getFileName().toString().equals("secret.txt"))
          .collect(Collectors.toList());
    }
  }
}
