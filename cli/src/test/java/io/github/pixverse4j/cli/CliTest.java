package io.github.pixverse4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.simulator.Fault;
import io.github.pixverse4j.simulator.Lifecycle;
import io.github.pixverse4j.simulator.ProviderSimulator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** End-to-end tests of the command, in-process, against each provider's simulator. */
class CliTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path CAT =
      Paths.get("..", "examples", "cat.png").toAbsolutePath().normalize();
  private static final String IMAGE_URL = "https://example.com/images/cat.png";

  /** Every registered provider: a new one is tested here without a change to this class. */
  static java.util.stream.Stream<String> providerIds() {
    return Connection.factories().stream()
        .map(io.github.pixverse4j.client.VideoProviderFactory::id);
  }

  @TempDir Path dir;
  private final Map<String, String> env = new HashMap<>();
  private final List<ProviderSimulator> simulators = new ArrayList<>();
  private String stdout = "";
  private String stderr = "";

  /** Keeps the task journal of real-service runs inside the test's directory. */
  @org.junit.jupiter.api.BeforeEach
  void journalHome() {
    env.put("PIXVERSE4J_HOME", dir.resolve("state").toString());
  }

  @AfterEach
  void stop() {
    simulators.forEach(ProviderSimulator::close);
  }

  /** A test-owned simulator whose key is put into the environment, as a real service would be. */
  private ProviderSimulator realService(String provider, Lifecycle lifecycle) {
    ProviderSimulator sim = EmbeddedSimulators.start(provider);
    sim.defaultLifecycle(lifecycle);
    simulators.add(sim);
    env.put(Connection.factory(provider).apiKeyEnvironmentVariable(), sim.apiKey());
    return sim;
  }

  private static Lifecycle quick() {
    return Lifecycle.builder().queued(1, 2).running(40, 80).succeeded();
  }

  private StringWriter outBuffer;
  private StringWriter errBuffer;

  private Main main() {
    outBuffer = new StringWriter();
    errBuffer = new StringWriter();
    return new Main(
        env::get, new PrintWriter(outBuffer, true), new PrintWriter(errBuffer, true), dir, false);
  }

  private void capture() {
    stdout = outBuffer.toString();
    stderr = errBuffer.toString();
  }

  private int run(String... args) {
    int code = main().execute(args);
    capture();
    return code;
  }

  private static String[] args(String... a) {
    return a;
  }

  private String[] generate(String provider, ProviderSimulator sim, String... extra) {
    List<String> a =
        new ArrayList<>(
            List.of(
                "generate",
                "--provider",
                provider,
                "--image",
                Connection.factory(provider)
                        .capabilities()
                        .imageKinds()
                        .contains(io.github.pixverse4j.api.ImageInput.Kind.FILE)
                    ? CAT.toString()
                    : IMAGE_URL,
                "--prompt",
                "the cat turns its head",
                "--poll-interval",
                "20ms"));
    if (sim != null) a.addAll(List.of("--base-url", sim.baseUrl()));
    a.addAll(List.of(extra));
    return a.toArray(new String[0]);
  }

  private List<JsonNode> jsonLines() throws Exception {
    List<JsonNode> nodes = new ArrayList<>();
    for (String line : stdout.split("\n")) {
      if (!line.isBlank()) nodes.add(JSON.readTree(line));
    }
    return nodes;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("providerIds")
  @DisplayName(
      "generate against the provider's service downloads exactly the served video and prints the"
          + " handle")
  void generateAndDownload(String provider) throws Exception {
    ProviderSimulator sim = realService(provider, quick());
    int code = run(generate(provider, sim));
    assertThat(code).as("exit code; stderr: %s", stderr).isZero();
    assertThat(stderr).doesNotContain("Simulating").doesNotContain(sim.apiKey());
    assertThat(stdout.lines())
        .as("stdout: the saved file, labelled")
        .singleElement()
        .asString()
        .startsWith("Saved to ");
    Path file = Paths.get(stdout.trim().substring("Saved to ".length()));
    assertThat(file.getParent()).isEqualTo(dir);
    assertThat(Files.readAllBytes(file)).isEqualTo(sim.mediaBytes());
    String token =
        stderr
            .lines()
            .filter(l -> l.startsWith("Task: "))
            .findFirst()
            .orElseThrow()
            .substring(6)
            .trim();
    assertThat(TaskHandle.parse(token).providerId()).isEqualTo(provider);
    assertThat(sim.submitCount()).isEqualTo(1);
  }

  @Test
  @DisplayName(
      "--json prints one JSON object per line: statuses, then a result with the token, state, URL"
          + " and file")
  void jsonOutput() throws Exception {
    ProviderSimulator sim = realService("gmi", quick());
    int code = run(generate("gmi", sim, "--json", "--output", "out.mp4"));
    assertThat(code).as("stderr: %s", stderr).isZero();
    List<JsonNode> lines = jsonLines();
    assertThat(lines).isNotEmpty();
    assertThat(lines.subList(0, lines.size() - 1))
        .allSatisfy(n -> assertThat(n.get("event").asText()).isEqualTo("status"));
    assertThat(lines.get(0).get("state").asText()).isEqualTo("QUEUED");
    JsonNode result = lines.get(lines.size() - 1);
    assertThat(result.get("event").asText()).isEqualTo("result");
    assertThat(result.get("state").asText()).isEqualTo("SUCCEEDED");
    assertThat(result.get("exitCode").asInt()).isZero();
    assertThat(result.get("videos").get(0).asText())
        .startsWith(sim.baseUrl().replaceAll("/api.*", ""));
    assertThat(result.get("output").asText()).isEqualTo(dir.resolve("out.mp4").toString());
    assertThat(TaskHandle.parse(result.get("task").asText()).providerId()).isEqualTo("gmi");
  }

  @Test
  @DisplayName(
      "without the provider's key the CLI simulates it and says so; the default is a simulated"
          + " pixverse")
  void missingKeyFallsBack() throws Exception {
    int code = run("generate", "--image", CAT.toString(), "--prompt", "hello", "--no-download");
    assertThat(code).as("stderr: %s", stderr).isZero();
    assertThat(stderr)
        .contains("Simulating pixverse in-process")
        .contains("PIXVERSE_API_KEY is not set")
        .contains("no credits are used")
        .contains("To use the real service, set PIXVERSE_API_KEY.")
        .as("--simulate was not given")
        .doesNotContain("--simulate");
    assertThat(stdout).contains("/media/");
  }

  @Test
  @DisplayName(
      "the README's main job run twice in one directory saves two videos: simulated task ids are"
          + " fresh")
  void simulatedIdsAreFresh() throws Exception {
    String[] mainJob = {
      "generate",
      "--image",
      CAT.toString(),
      "--prompt",
      "the cat turns its head and smiles",
      "--poll-interval",
      "20ms"
    };
    assertThat(run(mainJob)).as("stderr: %s", stderr).isZero();
    String first = stdout.trim();
    assertThat(run(mainJob)).as("second run; stderr: %s", stderr).isZero();
    String second = stdout.trim();
    assertThat(second).isNotEqualTo(first);
    assertThat(Files.list(dir).filter(f -> f.toString().endsWith(".mp4"))).hasSize(2);
  }

  @Test
  @DisplayName(
      "a simulated task ends with the command: no message suggests watch, a timeout says it ended")
  void simulatedTasksAreNotResumable() {
    env.put("GMI_API_KEY", "real-key-never-used");
    int code =
        run(
            "generate",
            "--provider",
            "gmi",
            "--image",
            IMAGE_URL,
            "--prompt",
            "hi",
            "--simulate",
            "--timeout",
            "300ms",
            "--poll-interval",
            "20ms");
    assertThat(code).as("stderr: %s", stderr).isEqualTo(6);
    assertThat(stderr)
        .doesNotContain("watch")
        .doesNotContain("resume")
        .doesNotContain("Resume")
        .contains("simulated");
  }

  @Test
  @DisplayName("--no-download under simulation says the printed URL dies with the command")
  void simulatedUrlDies() throws Exception {
    assertThat(
            run(
                "generate",
                "--image",
                CAT.toString(),
                "--prompt",
                "hi",
                "--no-download",
                "--poll-interval",
                "20ms"))
        .isZero();
    assertThat(stderr).contains("stops working when this command ends");
    assertThat(
            run(
                "generate",
                "--image",
                CAT.toString(),
                "--prompt",
                "hi",
                "--no-download",
                "--json",
                "--poll-interval",
                "20ms"))
        .isZero();
    List<JsonNode> lines = jsonLines();
    assertThat(lines.get(lines.size() - 1).get("simulated").asBoolean()).isTrue();
  }

  @Test
  @DisplayName("provider ids are case-insensitive: --provider GMI is gmi")
  void providerIdIgnoresCase() {
    ProviderSimulator sim = realService("gmi", quick());
    assertThat(run(generate("GMI", sim, "--no-download"))).as("stderr: %s", stderr).isZero();
    assertThat(sim.submitCount()).isEqualTo(1);
    assertThat(run("generate", "--provider", "nope", "--image", IMAGE_URL, "--prompt", "x"))
        .isEqualTo(2);
    assertThat(stderr).contains("Unknown provider 'nope'");
  }

  @Test
  @DisplayName(
      "a token of a provider not on the class path says where an add-on provider's jar goes")
  void unknownProviderNamesClassPath() {
    String token = TaskHandle.of("zeta", "zeta-1", "t-1").token();
    assertThat(run("watch", token)).isEqualTo(2);
    assertThat(stderr)
        .contains("Unknown provider 'zeta': use one of ")
        .contains("an add-on provider's jar goes in PIXVERSE4J_CLASSPATH")
        .contains("docs/cli.md, \"Providers from other jars\"");
  }

  @Test
  @DisplayName(
      "usage errors come before a missing key: --base-url ftp://x without a key is exit 2, whatever"
          + " the command")
  void usageErrorBeforeMissingKey() {
    env.remove("GMI_API_KEY");
    String token = TaskHandle.of("gmi", "pixverse-v6-i2v", "abc").token();
    for (String command : List.of("watch", "status", "cancel", "download")) {
      assertThat(run(command, token, "--base-url", "ftp://x"))
          .as(command + ": " + stderr)
          .isEqualTo(2);
      assertThat(stderr)
          .as(command)
          .doesNotContain("GMI_API_KEY is not set")
          .contains("--base-url ftp://x: Base URL is not an absolute http(s) URL");
    }
  }

  @Test
  @DisplayName("--simulate uses the simulator even when the key is set")
  void simulateFlag() {
    env.put("GMI_API_KEY", "real-key-never-used");
    int code =
        run(
            "generate",
            "--provider",
            "gmi",
            "--image",
            IMAGE_URL,
            "--prompt",
            "hi",
            "--simulate",
            "--no-download");
    assertThat(code).as("stderr: %s", stderr).isZero();
    assertThat(stderr)
        .contains("Simulating gmi in-process (--simulate was given)")
        .contains("To use the real service, leave out --simulate.")
        .as("the key is set")
        .doesNotContain("set GMI_API_KEY");
  }

  @Test
  @DisplayName("exit 2: a local file for a URL-only provider is refused and nothing is sent")
  void localFileRefused() {
    ProviderSimulator sim = realService("odirouter", quick());
    int code =
        run(
            "generate",
            "--provider",
            "odirouter",
            "--base-url",
            sim.baseUrl(),
            "--image",
            CAT.toString(),
            "--prompt",
            "hi");
    assertThat(code).isEqualTo(2);
    assertThat(stderr).contains("local image file");
    assertThat(sim.requests()).isEmpty();
  }

  @Test
  @DisplayName("exit 2: usage errors (unknown option, missing image file, bad quality)")
  void usage() {
    assertThat(run("generate", "--bogus")).isEqualTo(2);
    assertThat(run("generate", "--image", "missing.png", "--prompt", "x")).isEqualTo(2);
    assertThat(stderr).contains("Image file not found");
    assertThat(run("generate", "--image", CAT.toString(), "--prompt", "x", "--quality", "4k"))
        .isEqualTo(2);
    assertThat(stderr).contains("360p, 540p, 720p, 1080p").doesNotContain("at io.github");
  }

  @Test
  @DisplayName("exit 2: every problem with the options is listed at once, before anything is sent")
  void everyProblemAtOnce() throws Exception {
    ProviderSimulator sim = realService("gmi", quick());
    Files.writeString(dir.resolve("taken.mp4"), "mine");
    assertThat(
            run(
                generate(
                    "gmi",
                    sim,
                    "--quality",
                    "4k",
                    "--duration",
                    "99",
                    "--model",
                    "v!",
                    "--output",
                    "taken.mp4")))
        .as(stderr)
        .isEqualTo(2);
    assertThat(stderr.lines().filter(l -> l.startsWith("Error: "))).hasSize(1);
    assertThat(stderr)
        .contains("--quality: Unknown quality '4k'")
        .contains("--model: Invalid model name")
        .contains("taken.mp4")
        .contains("--duration")
        .doesNotContain("at io.github");
    assertThat(run("generate", "--image", "missing.png", "--prompt", "x", "--quality", "4k"))
        .isEqualTo(2);
    assertThat(stderr).contains("Image file not found").contains("--quality");
    assertThat(sim.requests()).isEmpty();
  }

  @Test
  @DisplayName(
      "--image takes a file: URI (file:///abs/path.png) as that file; other schemes are refused"
          + " saying what is accepted")
  void imageFileUri() throws Exception {
    Path copy = Files.copy(CAT, dir.resolve("my cat.png"));
    assertThat(
            run(
                "generate",
                "--simulate",
                "--provider",
                "pixverse",
                "--image",
                copy.toUri().toString(),
                "--prompt",
                "x",
                "--poll-interval",
                "20ms",
                "--no-download"))
        .as(stderr)
        .isZero();
    assertThat(
            run(
                "generate",
                "--simulate",
                "--provider",
                "pixverse",
                "--image",
                "file://" + copy,
                "--prompt",
                "x",
                "--poll-interval",
                "20ms",
                "--no-download"))
        .as(stderr)
        .isZero();
    assertThat(run("generate", "--image", "file:///nonexistent/cat.png", "--prompt", "x"))
        .isEqualTo(2);
    assertThat(stderr)
        .contains("Image file not found: /nonexistent/cat.png")
        .doesNotContain("file:/");
    assertThat(run("generate", "--image", "ftp://example.com/cat.png", "--prompt", "x"))
        .isEqualTo(2);
    assertThat(stderr).contains("ftp URLs are not accepted; give an http(s) URL, a file: URI");
    assertThat(run("generate", "--image", "file://otherhost/cat.png", "--prompt", "x"))
        .isEqualTo(2);
    assertThat(stderr).contains("not a usable file: URI");
  }

  @ParameterizedTest(name = "--duration {0}")
  @ValueSource(strings = {"0", "-1"})
  @DisplayName(
      "exit 2: a duration of zero or less is a usage error naming --duration, and nothing is sent")
  void nonPositiveDuration(String duration) {
    ProviderSimulator sim = realService("gmi", quick());
    assertThat(run(generate("gmi", sim, "--duration", duration)))
        .as("stderr: %s", stderr)
        .isEqualTo(2);
    assertThat(stderr).contains("--duration").doesNotContain("PT");
    assertThat(sim.requests()).isEmpty();
  }

  @Test
  @DisplayName(
      "exit 1, not 2, when the job ran but the default file exists: the message says how to"
          + " download it")
  void existingDefaultFileAfterTheJob() throws Exception {
    ProviderSimulator sim = realService("gmi", quick());
    assertThat(run(generate("gmi", sim, "--no-download", "--json"))).isZero();
    String token = jsonLines().get(jsonLines().size() - 1).get("task").asText();
    Files.writeString(dir.resolve(Delivery.defaultName(TaskHandle.parse(token))), "mine");
    assertThat(run("watch", token, "--base-url", sim.baseUrl(), "--poll-interval", "20ms"))
        .isEqualTo(1);
    assertThat(stderr)
        .contains("already exists, so the video was not saved")
        .contains("pixverse4j download " + token + " --base-url " + sim.baseUrl() + " --output");
    assertThat(Files.readString(dir.resolve(Delivery.defaultName(TaskHandle.parse(token)))))
        .isEqualTo("mine");
  }

  @Test
  @DisplayName("exit 3: a wrong key is an authentication error, in one sentence, without the key")
  void wrongKey() {
    ProviderSimulator sim = realService("gmi", quick());
    env.put("GMI_API_KEY", "wrong-key-123456");
    assertThat(run(generate("gmi", sim))).isEqualTo(3);
    assertThat(stderr.lines().filter(l -> l.startsWith("Error: "))).hasSize(1);
    assertThat(stderr).doesNotContain("wrong-key-123456").doesNotContain("\tat ");
  }

  @Test
  @DisplayName(
      "a one-letter key (no secret) leaves the error's words whole instead of scrubbing every 'e'")
  void shortKeyKeepsMessagesReadable() {
    ProviderSimulator sim = realService("gmi", quick());
    env.put("GMI_API_KEY", "e");
    assertThat(run(generate("gmi", sim))).isEqualTo(3);
    assertThat(stderr).doesNotContain("****").contains("key");
  }

  @Test
  @DisplayName("exit 4: rate limited beyond retries")
  void rateLimited() {
    ProviderSimulator sim = realService("gmi", quick());
    sim.faults()
        .on("submit")
        .always(Fault.status(429, "{\"error\":\"slow down\"}").withHeader("Retry-After", "0"));
    assertThat(run(generate("gmi", sim))).isEqualTo(4);
  }

  @Test
  @DisplayName("exit 5: the task failed, with its category printed")
  void taskFailed() {
    ProviderSimulator sim =
        realService("pixverse", Lifecycle.builder().queued(1).moderated("nsfw"));
    assertThat(run(generate("pixverse", sim))).isEqualTo(5);
    assertThat(stderr).contains("MODERATION");
  }

  @Test
  @DisplayName("exit 6: timed out, with the handle printed so the task can be resumed")
  void timeout() {
    ProviderSimulator sim =
        realService("gmi", Lifecycle.builder().queued(1).runningFor(100000).succeeded());
    assertThat(run(generate("gmi", sim, "--timeout", "300ms"))).isEqualTo(6);
    assertThat(stderr)
        .contains("resume with: pixverse4j resume pv4j.1.")
        .contains("after 300ms")
        .doesNotContain("PT");
  }

  @Test
  @DisplayName("exit 7: the task was cancelled")
  void cancelled() {
    ProviderSimulator sim = realService("gmi", Lifecycle.builder().queued(1).cancelled());
    assertThat(run(generate("gmi", sim))).isEqualTo(7);
  }

  @Test
  @DisplayName("exit 1: an answer this version cannot use (an unknown status value)")
  void other() {
    ProviderSimulator sim = realService("gmi", quick());
    sim.faults().on("status").always(Fault.status(200, "{\"status\":\"teleporting\"}"));
    assertThat(run(generate("gmi", sim))).isEqualTo(1);
  }

  @Test
  @DisplayName("an existing output file is never overwritten without --force, and nothing is sent")
  void noOverwrite() throws Exception {
    ProviderSimulator sim = realService("gmi", quick());
    Files.writeString(dir.resolve("taken.mp4"), "mine");
    assertThat(run(generate("gmi", sim, "--output", "taken.mp4"))).isEqualTo(2);
    assertThat(sim.requests()).isEmpty();
    assertThat(Files.readString(dir.resolve("taken.mp4"))).isEqualTo("mine");
    assertThat(run(generate("gmi", sim, "--output", "taken.mp4", "--force"))).isZero();
    assertThat(Files.readAllBytes(dir.resolve("taken.mp4"))).isEqualTo(sim.mediaBytes());
  }

  @Test
  @DisplayName(
      "--output naming a symbolic link is refused even with --force (saving would replace the"
          + " link), and nothing is sent")
  void outputSymbolicLink() throws Exception {
    ProviderSimulator sim = realService("gmi", quick());
    Path real = Files.writeString(dir.resolve("real.mp4"), "mine");
    Path link = Files.createSymbolicLink(dir.resolve("link.mp4"), real);
    assertThat(run(generate("gmi", sim, "--output", "link.mp4", "--force")))
        .as(stderr)
        .isEqualTo(2);
    assertThat(stderr)
        .contains(link + " is a symbolic link (to " + real + ")")
        .contains("give the file itself as --output");
    assertThat(sim.requests()).isEmpty();
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readString(real)).isEqualTo("mine");
  }

  @Test
  @DisplayName("watch, status and download resume a task from its token")
  void resume() throws Exception {
    ProviderSimulator sim =
        realService("gmi", Lifecycle.builder().queued(1).running(50).succeeded());
    assertThat(run(generate("gmi", sim, "--no-download", "--json"))).isZero();
    String token = jsonLines().get(jsonLines().size() - 1).get("task").asText();
    assertThat(run("status", token, "--base-url", sim.baseUrl(), "--json")).isZero();
    assertThat(jsonLines().get(0).get("state").asText()).isEqualTo("SUCCEEDED");
    assertThat(
            run(
                "watch",
                token,
                "--base-url",
                sim.baseUrl(),
                "--no-download",
                "--poll-interval",
                "20ms"))
        .isZero();
    assertThat(run("download", token, "--base-url", sim.baseUrl(), "--output", "again.mp4"))
        .isZero();
    assertThat(Files.readAllBytes(dir.resolve("again.mp4"))).isEqualTo(sim.mediaBytes());
    assertThat(sim.submitCount()).isEqualTo(1);
  }

  @Test
  @DisplayName(
      "exit 8: cancel of a task that had already ended says so, with its final state, never"
          + " 'cancellation requested'")
  void cancelAfterEnd() throws Exception {
    ProviderSimulator sim =
        realService("odirouter", Lifecycle.builder().queued(1).running(50).succeeded());
    assertThat(run(generate("odirouter", sim, "--no-download", "--json"))).isZero();
    String token = jsonLines().get(jsonLines().size() - 1).get("task").asText();
    assertThat(run("cancel", token, "--base-url", sim.baseUrl())).isEqualTo(8);
    assertThat(stderr)
        .contains("had already ended before the cancel: it succeeded")
        .contains("nothing was cancelled")
        .doesNotContain("Cancellation requested");
  }

  @Test
  @DisplayName(
      "an error after connecting suggests a command with the same --base-url (cancel after end,"
          + " status with a wrong key)")
  void errorHintKeepsBaseUrl() throws Exception {
    ProviderSimulator sim =
        realService("odirouter", Lifecycle.builder().queued(1).running(50).succeeded());
    assertThat(run(generate("odirouter", sim, "--no-download", "--json"))).isZero();
    String token = jsonLines().get(jsonLines().size() - 1).get("task").asText();
    assertThat(run("cancel", token, "--base-url", sim.baseUrl())).isEqualTo(8);
    assertThat(stderr)
        .as("the task has ended: nothing to resume")
        .contains("Task: " + token)
        .doesNotContain("resume with");
    // A task still going (the one above has ended: issue 24 #7, no hint for it).
    sim.nextJobs(Lifecycle.builder().queued(1_000_000).running(50).succeeded());
    assertThat(run(generate("odirouter", sim, "--no-download", "--json", "--timeout", "1s")))
        .isEqualTo(6);
    String going = jsonLines().get(jsonLines().size() - 1).get("task").asText();
    String followGoing = "pixverse4j watch " + going + " --base-url " + sim.baseUrl();
    env.put("ODIROUTER_API_KEY", "wrong-key-123456");
    assertThat(run("status", going, "--base-url", sim.baseUrl())).isEqualTo(3);
    assertThat(stderr)
        .as("the journal holds the task: resume reaches its recorded base URL")
        .contains("resume with: pixverse4j resume " + going);
    assertThat(run("status", token, "--base-url", sim.baseUrl())).isEqualTo(3);
    assertThat(stderr)
        .as("the journal has the task's end: nothing to resume")
        .doesNotContain("resume with");
    env.put("PIXVERSE4J_HOME", dir.resolve("another-home").toString());
    assertThat(run("status", going, "--base-url", sim.baseUrl())).isEqualTo(3);
    assertThat(stderr)
        .as("a task this journal does not hold: resume would not find it")
        .contains("resume with: " + followGoing);
  }

  @Test
  @DisplayName("status prints its answer on stdout: one plain line, or one JSON object with --json")
  void statusOnStdout() throws Exception {
    ProviderSimulator sim =
        realService("gmi", Lifecycle.builder().queued(1).running(50).succeeded());
    assertThat(run(generate("gmi", sim, "--no-download", "--json"))).isZero();
    String token = jsonLines().get(jsonLines().size() - 1).get("task").asText();
    assertThat(run("status", token, "--base-url", sim.baseUrl())).isZero();
    assertThat(stdout.lines()).hasSize(1);
    assertThat(stdout).startsWith("SUCCEEDED http").contains("/media/");
    assertThat(stderr).doesNotContain("SUCCEEDED");
    assertThat(run("status", token, "--base-url", sim.baseUrl(), "--json")).isZero();
    assertThat(jsonLines()).hasSize(1);
    assertThat(jsonLines().get(0).get("videos").get(0).asText()).contains("/media/");
  }

  @Test
  @DisplayName(
      "with --json an error before any task (bad token, missing key, invalid request) is one JSON"
          + " object too")
  void jsonErrorsBeforeTheTask() throws Exception {
    assertThat(run("status", "pv4j.1.xx", "--json")).isEqualTo(2);
    assertThat(jsonLines()).hasSize(1);
    assertThat(jsonLines().get(0).get("event").asText()).isEqualTo("error");
    assertThat(jsonLines().get(0).get("exitCode").asInt()).isEqualTo(2);
    assertThat(jsonLines().get(0).get("error").asText())
        .as("a documented code")
        .isEqualTo("invalid_input");
    assertThat(
            run(
                "generate",
                "--image",
                CAT.toString(),
                "--prompt",
                "x",
                "--duration",
                "7",
                "--json"))
        .isEqualTo(2);
    assertThat(jsonLines()).hasSize(1);
    assertThat(jsonLines().get(0).get("message").asText()).contains("--duration");
    assertThat(jsonLines().get(0).get("error").asText()).isEqualTo("invalid_input");
  }

  @Test
  @DisplayName("every observedAt in --json has millisecond precision, the first one too")
  void observedAtPrecision() throws Exception {
    ProviderSimulator sim = realService("gmi", quick());
    assertThat(run(generate("gmi", sim, "--json", "--no-download"))).isZero();
    List<JsonNode> statuses = jsonLines().subList(0, jsonLines().size() - 1);
    assertThat(statuses)
        .allSatisfy(
            n ->
                assertThat(n.get("observedAt").asText())
                    .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"));
  }

  /** A loopback port nothing listens on (bound, then closed): connections to it are refused. */
  private static int closedLoopbackPort() throws java.io.IOException {
    try (java.net.ServerSocket s =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  @Test
  @DisplayName(
      "status against an unreachable host is not silent: after 3s it says it is still trying")
  void unreachableStatusSaysSo() throws Exception {
    int port = closedLoopbackPort();
    env.put("GMI_API_KEY", "k");
    String token = TaskHandle.of("gmi", "pixverse-v6-i2v", "abc").token();
    Main main = main();
    CompletableFuture<Integer> code =
        CompletableFuture.supplyAsync(
            () -> main.execute("status", token, "--base-url", "http://127.0.0.1:" + port));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!errBuffer.toString().contains("no answer yet") && System.nanoTime() < deadline)
      Thread.sleep(50);
    assertThat(errBuffer.toString())
        .contains("Asking gmi for the task's status: no answer yet after 3s; still trying.");
    main.interrupt();
    assertThat(code.get(10, TimeUnit.SECONDS)).isEqualTo(130);
  }

  @Test
  @DisplayName(
      "issue 24 #2, #3: a refused submit shows each retry with its attempt count; Ctrl-C between"
          + " attempts says nothing was sent")
  void refusedSubmitRetriesAndInterrupt() throws Exception {
    int port = closedLoopbackPort();
    env.put("GMI_API_KEY", "k");
    for (boolean json : new boolean[] {false, true}) {
      Main main = main();
      List<String> args =
          new ArrayList<>(
              List.of(
                  "generate",
                  "--provider",
                  "gmi",
                  "--base-url",
                  "http://127.0.0.1:" + port,
                  "--image",
                  IMAGE_URL,
                  "--prompt",
                  "x"));
      if (json) args.add("--json");
      CompletableFuture<Integer> code =
          CompletableFuture.supplyAsync(() -> main.execute(args.toArray(new String[0])));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      String seen = json ? "\"failedAttempts\":2" : "attempt 2 of ";
      java.io.StringWriter shown = json ? outBuffer : errBuffer;
      while (!shown.toString().contains(seen) && System.nanoTime() < deadline) Thread.sleep(20);
      main.interrupt();
      assertThat(code.get(10, TimeUnit.SECONDS)).as(errBuffer.toString()).isEqualTo(130);
      capture();
      if (json) {
        List<JsonNode> lines = jsonLines();
        JsonNode retry = lines.get(0);
        assertThat(retry.get("event").asText()).isEqualTo("submitRetry");
        assertThat(retry.get("failedAttempts").asInt()).isEqualTo(1);
        assertThat(retry.get("attemptLimit").asInt()).isGreaterThan(1);
        assertThat(retry.get("lastFailure").asText()).isEqualTo("connection refused");
        assertThat(lines.get(lines.size() - 1).get("exitCode").asInt()).isEqualTo(130);
      } else {
        assertThat(stderr)
            .containsPattern(
                "connection refused \\(gmi at 127\\.0\\.0\\.1:"
                    + port
                    + ", attempt 1 of \\d+\\): nothing was sent; trying again in \\d+s");
      }
      assertThat(stderr)
          .contains("nothing reached gmi and no job exists")
          .doesNotContain("may or may not");
    }
    assertThat(run("tasks", "--all")).isZero();
    assertThat(stdout + stderr).contains("NOT_ACCEPTED").doesNotContain("OUTCOME_UNKNOWN");
  }

  @Test
  @DisplayName(
      "status against a host that refuses connections gives up after its limit with the"
          + " network-trouble exit code")
  void unreachableStatusGivesUp() throws Exception {
    int port = closedLoopbackPort();
    env.put("GMI_API_KEY", "k");
    String token = TaskHandle.of("gmi", "pixverse-v6-i2v", "abc").token();
    Main main = main();
    main.onceDeadline = java.time.Duration.ofSeconds(2);
    CompletableFuture<Integer> code =
        CompletableFuture.supplyAsync(
            () ->
                main.execute("status", token, "--base-url", "http://127.0.0.1:" + port, "--json"));
    try {
      assertThat(code.get(20, TimeUnit.SECONDS))
          .as(errBuffer.toString())
          .isEqualTo(ExitCodes.OTHER);
    } finally {
      main.interrupt();
    }
    stdout = outBuffer.toString();
    List<JsonNode> lines = jsonLines();
    assertThat(lines.get(lines.size() - 1).get("error").asText()).isEqualTo("network");
    assertThat(lines.get(lines.size() - 1).get("exitCode").asInt()).isEqualTo(ExitCodes.OTHER);
    assertThat(errBuffer.toString())
        .contains(
            "Error: Could not connect to provider gmi at 127.0.0.1:"
                + port
                + " (connection refused); the request was not sent");
  }

  @Test
  @DisplayName("cancel without a cancel endpoint is a usage error that sends nothing")
  void cancelUnsupported() {
    ProviderSimulator sim = realService("gmi", quick());
    String token = TaskHandle.of("gmi", "pixverse-v6-i2v", "abc").token();
    assertThat(run("cancel", token, "--base-url", sim.baseUrl())).isEqualTo(2);
    assertThat(sim.requests()).isEmpty();
  }

  @Test
  @DisplayName(
      "Ctrl-C stops polling at once, exits 130 and prints how to resume: resume, which saves to the"
          + " --output given")
  void interrupt() throws Exception {
    ProviderSimulator sim =
        realService("gmi", Lifecycle.builder().queued(1).runningFor(100000).succeeded());
    Main main = main();
    CompletableFuture<Integer> code =
        CompletableFuture.supplyAsync(
            () -> main.execute(generate("gmi", sim, "--output", "mine.mp4")));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (sim.requestCount("status") < 2 && System.nanoTime() < deadline) Thread.onSpinWait();
    main.interrupt();
    assertThat(code.get(10, TimeUnit.SECONDS)).isEqualTo(130);
    capture();
    assertThat(stderr)
        .contains("Interrupted: polling stopped; the task goes on at the provider.")
        .containsPattern("Resume with: pixverse4j resume pv4j\\.1\\.\\S+\\s*$")
        .doesNotContain("watch");
  }

  @Test
  @DisplayName(
      "Ctrl-C before the submit was answered says so (a job may exist, check with tasks), never"
          + " 'polling stopped'")
  void interruptBeforeSubmitAnswer() throws Exception {
    try (java.net.ServerSocket silent =
        new java.net.ServerSocket(0, 8, java.net.InetAddress.getLoopbackAddress())) {
      CompletableFuture<java.net.Socket> accepted =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return silent.accept();
                } catch (java.io.IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              });
      env.put("GMI_API_KEY", "k");
      Main main = main();
      CompletableFuture<Integer> code =
          CompletableFuture.supplyAsync(
              () ->
                  main.execute(
                      "generate",
                      "--provider",
                      "gmi",
                      "--base-url",
                      "http://127.0.0.1:" + silent.getLocalPort() + "/",
                      "--image",
                      IMAGE_URL,
                      "--prompt",
                      "x"));
      try (java.net.Socket s = accepted.get(20, TimeUnit.SECONDS)) {
        main.interrupt();
        assertThat(code.get(10, TimeUnit.SECONDS)).isEqualTo(130);
      }
      capture();
      assertThat(stderr)
          .contains(
              "Interrupted before gmi answered the submit: the job may or may not have reached it")
          .contains("pixverse4j tasks")
          .doesNotContain("polling stopped")
          .doesNotContain("Resume with");
    }
  }

  @Test
  @DisplayName(
      "the Ctrl-C message depends on the phase: no task yet, a real task (resume or watch"
          + " --output), a simulated one")
  void interruptMessages() {
    Path out = Paths.get("/tmp/v/my cat.mp4");
    assertThat(Delivery.interruptedMessage(ResumeHint.simulated(), "gmi", "pv4j.1.gmi.m.1", true))
        .isEqualTo("Interrupted: polling stopped; the simulated task ended with this command.");
    assertThat(Delivery.interruptedMessage(ResumeHint.simulated(), "gmi", null, false))
        .startsWith("Interrupted before the simulated gmi answered the submit")
        .doesNotContain("polling");
    assertThat(
            Delivery.interruptedMessage(
                ResumeHint.real("http://h/", true).output(out), "gmi", "T", true))
        .endsWith("Resume with: pixverse4j resume T");
    assertThat(
            Delivery.interruptedMessage(
                ResumeHint.real("http://h/", false).output(out), "gmi", "T", true))
        .endsWith(
            "Resume with: pixverse4j watch T --base-url http://h/ --output '/tmp/v/my cat.mp4'");
    assertThat(
            ResumeHint.real(null, false)
                .output(Paths.get("/tmp/a.mp4"))
                .command(ResumeHint.DOWNLOAD, "T"))
        .contains("pixverse4j download T");
  }

  @Test
  @DisplayName(
      "--model takes the model id generate --help shows as the default, and the short names; other"
          + " ids are refused without a stray 'v'")
  void modelNames() {
    ProviderSimulator gmi = realService("gmi", quick());
    assertThat(run(generate("gmi", gmi, "--no-download", "--model", "pixverse-v6-i2v")))
        .as(stderr)
        .isZero();
    assertThat(run(generate("gmi", gmi, "--no-download", "--model", "v6"))).as(stderr).isZero();
    ProviderSimulator odi = realService("odirouter", quick());
    String odiModel = Connection.factory("odirouter").capabilities().model();
    assertThat(run(generate("odirouter", odi, "--no-download", "--model", odiModel)))
        .as(stderr)
        .isZero();
    assertThat(run(generate("gmi", gmi, "--no-download", "--model", "pixverse-x"))).isEqualTo(2);
    assertThat(stderr)
        .contains("--model pixverse-x is not a model of gmi: use pixverse-v6-i2v")
        .doesNotContain("vpixverse");
  }

  @Test
  @DisplayName(
      "--duration reads 5s as well as 5; a value that is no duration is one of the problems listed"
          + " together")
  void durationWithUnit() {
    ProviderSimulator sim = realService("gmi", quick());
    assertThat(run(generate("gmi", sim, "--no-download", "--duration", "5s"))).as(stderr).isZero();
    assertThat(sim.requests()).isNotEmpty();
    assertThat(VideoOptions.durationSeconds("5")).isEqualTo(5);
    assertThat(VideoOptions.durationSeconds("1m")).isEqualTo(60);
    assertThat(VideoOptions.durationSeconds("1.5s")).isNull();
    assertThat(run(generate("gmi", sim, "--duration", "five", "--quality", "4k"))).isEqualTo(2);
    assertThat(stderr)
        .contains("--duration must be a whole number of seconds above 0 (e.g. 5 or 5s), got 'five'")
        .contains("--quality: Unknown quality '4k'")
        .doesNotContain("is not an int");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"missing --prompt", "unknown option", "bad value"})
  @DisplayName("with --json a parse error is one JSON error object on stdout too")
  void jsonParseErrors(String what) throws Exception {
    String[] a =
        what.equals("missing --prompt")
            ? args("generate", "--image", IMAGE_URL, "--json")
            : what.equals("unknown option")
                ? args("generate", "--image", IMAGE_URL, "--prompt", "x", "--bogus", "--json")
                : args("watch", "pv4j.1.gmi.m.1", "--timeout", "soon", "--json");
    assertThat(run(a)).isEqualTo(2);
    assertThat(jsonLines()).hasSize(1);
    JsonNode e = jsonLines().get(0);
    assertThat(e.get("event").asText()).isEqualTo("error");
    assertThat(e.get("error").asText()).isEqualTo(ErrorKinds.INVALID_INPUT);
    assertThat(e.get("exitCode").asInt()).isEqualTo(2);
    assertThat(e.get("message").asText()).isNotBlank();
    assertThat(stderr).startsWith("Error: ");
  }

  @Test
  @DisplayName(
      "resume offers no --base-url (each task goes back to the URL recorded at submit); watch does")
  void resumeHasNoBaseUrl() {
    assertThat(run("resume", "--help")).isZero();
    assertThat(stdout.replaceAll("\\s+", " "))
        .contains("at the base URL it was submitted to")
        .doesNotContain("--base-url");
    assertThat(run("resume", "--base-url", "http://127.0.0.1:1")).isEqualTo(2);
    assertThat(stderr).contains("Unknown option").contains("'--base-url'");
    assertThat(run("watch", "--help")).isZero();
    assertThat(stdout.replaceAll("\\s+", " "))
        .contains("--base-url")
        .contains("Default: the provider's own service");
  }

  @Test
  @DisplayName(
      "issue 24 #12: a saved video is one 'Saved to' line on stdout, no dead simulator URL; the"
          + " token once, with '(simulated)'")
  void successOutput() throws Exception {
    assertThat(
            run(
                "generate",
                "--image",
                CAT.toString(),
                "--prompt",
                "the cat",
                "--poll-interval",
                "20ms"))
        .as(stderr)
        .isZero();
    assertThat(stdout.lines())
        .singleElement()
        .asString()
        .startsWith("Saved to " + dir)
        .endsWith(".mp4")
        .doesNotContain("http");
    assertThat(stderr.lines().filter(l -> l.startsWith("Task: ")))
        .singleElement()
        .asString()
        .endsWith("(simulated)");
  }

  @Test
  @DisplayName(
      "issue 24 #4: --base-url that is no URL, plain http to another host, or with a simulated"
          + " provider is a usage error")
  void baseUrlNeverIgnored() {
    String[] base = {"generate", "--provider", "gmi", "--image", IMAGE_URL, "--prompt", "x"};
    for (String url : new String[] {"notaurl", "http://example.com"}) {
      assertThat(run(concat(base, "--base-url", url))).as(url).isEqualTo(2);
      assertThat(stderr).as(url).contains("--base-url " + url).doesNotContain("Simulating");
    }
    assertThat(run(concat(base, "--base-url", "http://127.0.0.1:9"))).isEqualTo(2);
    assertThat(stderr)
        .contains("--base-url")
        .contains("GMI_API_KEY is not set")
        .doesNotContain("Simulating");
    env.put("GMI_API_KEY", "x");
    assertThat(run(concat(base, "--base-url", "http://127.0.0.1:9", "--simulate"))).isEqualTo(2);
    assertThat(stderr).contains("--simulate").doesNotContain("Simulating");
  }

  private static String[] concat(String[] a, String... b) {
    List<String> all = new ArrayList<>(List.of(a));
    all.addAll(List.of(b));
    return all.toArray(new String[0]);
  }

  @Test
  @DisplayName(
      "issue 24 #16: --prompt - reads standard input, --prompt-file FILE a file; neither or both is"
          + " a usage error")
  void promptFromStdinOrFile() throws Exception {
    ProviderSimulator sim = realService("gmi", quick());
    Main m = main();
    m.in =
        new java.io.ByteArrayInputStream(
            "a cat from stdin\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    String[] fromStdin = generate("gmi", sim, "--no-download");
    for (int i = 0; i < fromStdin.length; i++)
      if (fromStdin[i].equals("the cat turns its head")) fromStdin[i] = "-";
    assertThat(m.execute(fromStdin)).isZero();
    capture();
    Files.writeString(dir.resolve("prompt.txt"), "a cat from a file\n");
    List<String> fromFile = new ArrayList<>(List.of(generate("gmi", sim, "--no-download")));
    int p = fromFile.indexOf("--prompt");
    fromFile.remove(p + 1);
    fromFile.set(p, "--prompt-file");
    fromFile.add(p + 1, "prompt.txt");
    assertThat(run(fromFile.toArray(new String[0]))).as(stderr).isZero();
    assertThat(sim.requests())
        .extracting(r -> r.bodyUtf8())
        .filteredOn(b -> b.contains("a cat from"))
        .hasSize(2)
        .anySatisfy(b -> assertThat(b).contains("a cat from stdin").doesNotContain("stdin\\n"))
        .anySatisfy(b -> assertThat(b).contains("a cat from a file"));
    assertThat(run("generate", "--image", IMAGE_URL)).isEqualTo(2);
    assertThat(stderr).contains("--prompt-file");
  }

  @Test
  @DisplayName(
      "issue 24 #10: generate --help lists only the providers' rules its options can break")
  void helpListsOnlyReachableRules() {
    assertThat(run("generate", "--help")).isZero();
    String help = stdout.replaceAll("\\s+", " ");
    assertThat(help)
        .contains("pixverse: 8-second videos are not available at 1080p")
        .doesNotContain("template id")
        .doesNotContain("img_id")
        .doesNotContain("motion mode fast")
        .doesNotContain("fast mode");
  }

  @Test
  @DisplayName(
      "issue 24 #9: lists read as sentences, only usable image kinds are offered, a bad number"
          + " names its option")
  void listsInMessages() throws Exception {
    assertThat(run("providers")).isZero();
    assertThat(stdout)
        .doesNotContain("[")
        .doesNotContain("BYTES")
        .doesNotContain("PROVIDER_IMAGE_ID")
        .contains("image URL or file");
    assertThat(run("generate", "--image", IMAGE_URL, "--prompt", "x", "--seed", "abc"))
        .isEqualTo(2);
    assertThat(stderr)
        .contains("--seed takes a whole number, not 'abc'")
        .doesNotContain("is not a long");
    assertThat(run("generate", "--provider", "nope", "--image", IMAGE_URL, "--prompt", "x"))
        .isEqualTo(2);
    assertThat(stderr).doesNotContain("[").containsPattern("use [a-z, ]+ or [a-z]+ ");
  }

  @Test
  @DisplayName("providers lists every provider with its limits, key status and known price")
  void providers() throws Exception {
    env.put("GMI_API_KEY", "x");
    assertThat(run("providers", "--json")).isZero();
    List<JsonNode> lines = jsonLines();
    assertThat(lines)
        .extracting(n -> n.get("id").asText())
        .containsExactly("odirouter", "highway", "myrouter", "gmi", "pixverse", "wavespeed", "fal");
    assertThat(lines.get(3).get("apiKeySet").asBoolean()).isTrue();
    assertThat(lines.get(0).get("apiKeySet").asBoolean()).isFalse();
    assertThat(lines.get(3).get("price").asText()).contains("USD");
    JsonNode gmi = lines.get(3);
    assertThat(gmi.get("durationsSeconds").isArray()).isTrue();
    assertThat(gmi.get("durationsSeconds").get(0).isInt()).isTrue();
    assertThat(gmi.get("maxPromptLength").isInt()).isTrue();
    assertThat(gmi.get("imageInputs").isArray()).isTrue();
    assertThat(gmi.get("imageInputs").get(0).asText()).isEqualTo("URL");
    assertThat(lines.get(4).get("durationsSeconds").toString()).isEqualTo("[5,8]");
    assertThat(lines.get(2).get("durationsSeconds").toString()).isEqualTo("[]");
    assertThat(stdout).doesNotContain("\"[");
    // Issue 28: which providers can call back (the library's webhooks; the CLI polls).
    assertThat(lines)
        .extracting(n -> n.get("id").asText() + "=" + n.get("webhooks").asBoolean())
        .containsExactly(
            "odirouter=false",
            "highway=true",
            "myrouter=true",
            "gmi=false",
            "pixverse=true",
            "wavespeed=false",
            "fal=false");
    assertThat(run("providers")).isZero();
    assertThat(stdout).contains("webhooks yes (library only: see docs/webhooks.md)");
  }

  @Test
  @DisplayName("the command runs as its own process too (java -cp … Main)")
  void subprocess() throws Exception {
    Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder pb =
        new ProcessBuilder(
            java.toString(),
            "-cp",
            System.getProperty("java.class.path"),
            Main.class.getName(),
            "generate",
            "--image",
            CAT.toString(),
            "--prompt",
            "hello",
            "--json",
            "--output",
            dir.resolve("sub.mp4").toString());
    pb.environment().remove("PIXVERSE_API_KEY");
    Connection.factories().forEach(f -> pb.environment().remove(f.apiKeyEnvironmentVariable()));
    pb.redirectError(ProcessBuilder.Redirect.DISCARD);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("stdout: %s", out).isZero();
    String[] lines = out.trim().split("\n");
    JsonNode result = JSON.readTree(lines[lines.length - 1]);
    assertThat(result.get("state").asText()).isEqualTo("SUCCEEDED");
    assertThat(Files.size(dir.resolve("sub.mp4"))).isGreaterThan(1000);
  }

  @Test
  @DisplayName("--version prints the version from the build and the Java version")
  void version() {
    assertThat(run("--version")).isZero();
    assertThat(Version.pixverse4j()).as("filtered by the build").matches("\\d+\\.\\d+\\.\\d+\\S*");
    assertThat(stdout.lines())
        .containsExactly(
            "pixverse4j " + Version.pixverse4j(),
            "Java "
                + System.getProperty("java.version")
                + " ("
                + System.getProperty("java.vendor")
                + ", "
                + System.getProperty("java.vm.name")
                + " "
                + System.getProperty("java.vm.version")
                + ")");
    assertThat(run("generate", "--version")).isZero();
    assertThat(stdout).startsWith("pixverse4j " + Version.pixverse4j());
  }

  @Test
  @DisplayName("--help documents the exit codes")
  void help() {
    assertThat(run("generate", "--help")).isZero();
    assertThat(stdout).contains("Exit codes:").containsPattern("\\n +6 +timed out");
    assertThat(Durations.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(Durations.parse("PT5M")).isEqualTo(Duration.ofMinutes(5));
  }
}
