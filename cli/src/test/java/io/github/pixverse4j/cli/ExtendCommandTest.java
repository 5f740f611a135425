package io.github.pixverse4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.simulator.Lifecycle;
import io.github.pixverse4j.simulator.ProviderSimulator;
import io.github.pixverse4j.simulator.RecordedRequest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pixverse4j extend} (issue 26, item 6) against the embedded PixVerse simulator: a finished
 * task by its token and a local MP4 are extended and saved like generate's videos; every source
 * problem and a provider that does not extend are refused with exit 2 before any request.
 */
class ExtendCommandTest {
  private static final Path CAT =
      Paths.get("..", "examples", "cat.png").toAbsolutePath().normalize();
  private static final String EXTEND_PATH = "/openapi/v2/video/extend/generate";

  @TempDir Path dir;
  private final Map<String, String> env = new HashMap<>();
  private final List<ProviderSimulator> simulators = new ArrayList<>();
  private String stdout = "";
  private String stderr = "";

  @BeforeEach
  void journalHome() {
    env.put("PIXVERSE4J_HOME", dir.resolve("state").toString());
  }

  @AfterEach
  void stop() {
    simulators.forEach(ProviderSimulator::close);
  }

  /** A test-owned simulator whose key is in the environment, as a real service's would be. */
  private ProviderSimulator realService(String provider) {
    ProviderSimulator sim = EmbeddedSimulators.start(provider);
    sim.defaultLifecycle(Lifecycle.builder().queued(1, 2).running(40, 80).succeeded());
    simulators.add(sim);
    env.put(Connection.factory(provider).apiKeyEnvironmentVariable(), sim.apiKey());
    return sim;
  }

  private int run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        new Main(env::get, new PrintWriter(out, true), new PrintWriter(err, true), dir, false)
            .execute(args);
    stdout = out.toString();
    stderr = err.toString();
    return code;
  }

  private String printedToken() {
    return stderr
        .lines()
        .filter(l -> l.startsWith("Task: "))
        .findFirst()
        .orElseThrow()
        .substring(6)
        .replace(" (simulated)", "")
        .trim();
  }

  private static List<RecordedRequest> to(ProviderSimulator sim, String path) {
    return sim.requests().stream().filter(r -> r.path().equals(path)).collect(Collectors.toList());
  }

  @Test
  @DisplayName(
      "extend --video TOKEN continues the finished task (source_video_id, one submit), saves the"
          + " video, and the journal lists it")
  void extendsFinishedTaskByToken() throws Exception {
    ProviderSimulator sim = realService("pixverse");
    assertThat(
            run(
                "generate",
                "--provider",
                "pixverse",
                "--base-url",
                sim.baseUrl(),
                "--image",
                CAT.toString(),
                "--prompt",
                "the cat turns its head",
                "--poll-interval",
                "20ms",
                "--no-download"))
        .as(stderr)
        .isZero();
    TaskHandle first = TaskHandle.parse(printedToken());

    Path video = dir.resolve("longer.mp4");
    assertThat(
            run(
                "extend",
                "--video",
                first.token(),
                "--base-url",
                sim.baseUrl(),
                "--prompt",
                "the cat jumps",
                "--duration",
                "5",
                "--quality",
                "540p",
                "--poll-interval",
                "20ms",
                "--output",
                video.toString()))
        .as(stderr)
        .isZero();
    assertThat(video).hasBinaryContent(sim.mediaBytes());
    List<RecordedRequest> extends_ = to(sim, EXTEND_PATH);
    assertThat(extends_).hasSize(1);
    assertThat(extends_.get(0).bodyUtf8())
        .contains("\"source_video_id\":" + first.taskId())
        .contains("the cat jumps");
    String token = printedToken();
    assertThat(TaskHandle.parse(token).providerId()).isEqualTo("pixverse");
    assertThat(token).isNotEqualTo(first.token());
    assertThat(stdout).contains("Saved to " + video);

    assertThat(run("tasks", "--all", "--json")).as(stderr).isZero();
    assertThat(stdout.lines().filter(l -> l.contains(token)).findFirst())
        .as(stdout)
        .hasValueSatisfying(l -> assertThat(l).contains("extend").contains(video.toString()));
  }

  @Test
  @DisplayName(
      "extend --video clip.mp4 uploads the local video, extends it once and saves the result;"
          + " --json as generate's")
  void extendsLocalMp4() throws Exception {
    ProviderSimulator sim = realService("pixverse");
    Path clip = Files.write(dir.resolve("clip.mp4"), sim.mediaBytes());
    assertThat(
            run(
                "extend",
                "--video",
                "clip.mp4",
                "--base-url",
                sim.baseUrl(),
                "--prompt",
                "more",
                "--poll-interval",
                "20ms",
                "--output",
                "out.mp4",
                "--json"))
        .as(stderr)
        .isZero();
    assertThat(dir.resolve("out.mp4")).hasBinaryContent(sim.mediaBytes());
    assertThat(to(sim, "/openapi/v2/media/upload")).hasSize(1);
    assertThat(to(sim, EXTEND_PATH)).hasSize(1);
    assertThat(stdout).contains("\"event\":\"result\"").contains("\"state\":\"SUCCEEDED\"");
    assertThat(clip).exists();
  }

  @Test
  @DisplayName("a simulated pixverse extends a local MP4 (--simulate)")
  void simulatedLocalMp4() throws Exception {
    byte[] sample;
    try (ProviderSimulator sim = EmbeddedSimulators.create("pixverse")) {
      sample = sim.mediaBytes();
    }
    Files.write(dir.resolve("clip.mp4"), sample);
    assertThat(
            run(
                "extend",
                "--simulate",
                "--provider",
                "pixverse",
                "--video",
                "clip.mp4",
                "--prompt",
                "more",
                "--poll-interval",
                "20ms",
                "--output",
                "out.mp4"))
        .as(stderr)
        .isZero();
    assertThat(dir.resolve("out.mp4")).hasBinaryContent(sample);
  }

  @Test
  @DisplayName(
      "exit 2, nothing sent: a missing file, a file that is not a video by its bytes, an"
          + " unparseable token, a token of another provider, each named in a sentence")
  void sourceProblemsAreRefusedBeforeSending() throws Exception {
    ProviderSimulator sim = realService("pixverse");
    String[] common = {"--base-url", sim.baseUrl(), "--prompt", "more", "--provider", "pixverse"};

    assertThat(run(with(common, "extend", "--video", "missing.mp4"))).isEqualTo(ExitCodes.USAGE);
    assertThat(stderr).contains("The video file missing.mp4 does not exist");

    Files.writeString(dir.resolve("notes.mp4"), "hello, not a video");
    assertThat(run(with(common, "extend", "--video", "notes.mp4"))).isEqualTo(ExitCodes.USAGE);
    assertThat(stderr).contains("The video file notes.mp4 is not an MP4, QuickTime or WebM video");

    assertThat(run(with(common, "extend", "--video", "pv4j.1.pixverse")))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(stderr)
        .contains("--video pv4j.1.pixverse is no file here, and not a pixverse4j task token")
        .contains("a token is pv4j.1. and three encoded parts (provider, model, task id)");

    String gmiToken = TaskHandle.of("gmi", "pixverse-v6-i2v", "abc").token();
    assertThat(run(with(common, "extend", "--video", gmiToken))).isEqualTo(ExitCodes.USAGE);
    assertThat(stderr)
        .contains(
            "The source task belongs to provider 'gmi'; pixverse can only extend its own"
                + " videos");

    assertThat(sim.requests()).isEmpty();
  }

  @Test
  @DisplayName(
      "exit 2, nothing sent: a provider without extend is refused naming the ones that can, also"
          + " when a token chose it")
  void providerWithoutExtendIsRefused() throws Exception {
    ProviderSimulator gmi = realService("gmi");
    Files.write(dir.resolve("clip.mp4"), gmi.mediaBytes());
    assertThat(
            run(
                "extend",
                "--provider",
                "gmi",
                "--base-url",
                gmi.baseUrl(),
                "--video",
                "clip.mp4",
                "--prompt",
                "more"))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(stderr).contains("gmi cannot extend videos; pixverse can");

    String gmiToken = TaskHandle.of("gmi", "pixverse-v6-i2v", "abc").token();
    assertThat(
            run(
                "extend",
                "--base-url",
                gmi.baseUrl(),
                "--video",
                gmiToken,
                "--prompt",
                "more",
                "--json"))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(stderr).contains("gmi cannot extend videos; pixverse can");
    assertThat(stdout).contains("\"exitCode\":2");
    assertThat(gmi.requests()).isEmpty();
  }

  @Test
  @DisplayName("exit 2: a token cannot be extended by a fresh simulator, which knows no task")
  void tokenWhileSimulated() {
    String token = TaskHandle.of("pixverse", "v5", "123").token();
    assertThat(run("extend", "--simulate", "--video", token, "--prompt", "more"))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(stderr)
        .contains(
            "A task token cannot be extended while pixverse is simulated (--simulate was given)")
        .doesNotContain("Simulating");
  }

  private static String[] with(String[] common, String... first) {
    List<String> all = new ArrayList<>(List.of(first));
    all.addAll(List.of(common));
    return all.toArray(new String[0]);
  }
}
