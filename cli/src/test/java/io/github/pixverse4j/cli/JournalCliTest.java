package io.github.pixverse4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.pixverse4j.api.ImageInput;
import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.client.ClientConfig;
import io.github.pixverse4j.client.VideoClient;
import io.github.pixverse4j.client.VideoProviderFactory;
import io.github.pixverse4j.client.journal.JournalEntry;
import io.github.pixverse4j.client.journal.JournalRecord;
import io.github.pixverse4j.client.journal.TaskJournal;
import io.github.pixverse4j.simulator.Lifecycle;
import io.github.pixverse4j.simulator.ProviderSimulator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The task journal from the command line: journal on by default, tasks, resume, pre-flight checks.
 */
class JournalCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path CAT =
      Paths.get("..", "examples", "cat.png").toAbsolutePath().normalize();

  @TempDir Path dir;
  private Path home;
  private final Map<String, String> env = new HashMap<>();
  private ProviderSimulator sim;
  private String stdout = "";
  private String stderr = "";

  @BeforeEach
  void start() {
    home = dir.resolve("state");
    env.put("PIXVERSE4J_HOME", home.toString());
    sim = EmbeddedSimulators.start("gmi");
    sim.defaultLifecycle(Lifecycle.builder().queued(1, 2).running(40, 80).succeeded());
    env.put("GMI_API_KEY", sim.apiKey());
  }

  @AfterEach
  void stop() {
    sim.close();
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

  private String[] generate(String... extra) {
    List<String> a =
        new ArrayList<>(
            List.of(
                "generate",
                "--provider",
                "gmi",
                "--image",
                "https://example.com/cat.png",
                "--prompt",
                "the cat turns its head",
                "--poll-interval",
                "20ms",
                "--base-url",
                sim.baseUrl()));
    a.addAll(List.of(extra));
    return a.toArray(new String[0]);
  }

  /**
   * Submits a task to {@code odi} through the library with the CLI's journal, as a generate at
   * {@code odi}'s base URL would, and returns its handle once accepted.
   */
  private TaskHandle journaledTask(ProviderSimulator odi, String prompt) throws Exception {
    VideoClient client =
        VideoProviderFactory.find("odirouter")
            .orElseThrow()
            .create(ClientConfig.builder().apiKey(odi.apiKey()).baseUrl(odi.baseUrl()).build());
    try (var journal = TaskJournal.file(home)) {
      return client
          .withJournal(journal)
          .generate(
              ImageToVideoRequest.builder()
                  .image(ImageInput.url("https://example.com/cat.png"))
                  .prompt(prompt)
                  .build())
          .firstElement()
          .blockingGet()
          .handle();
    }
  }

  private List<JsonNode> tasksJson(String... extra) throws Exception {
    List<String> a = new ArrayList<>(List.of("tasks", "--json"));
    a.addAll(List.of(extra));
    assertThat(run(a.toArray(new String[0]))).as(stderr).isZero();
    List<JsonNode> nodes = new ArrayList<>();
    for (String line : stdout.split("\n")) if (!line.isBlank()) nodes.add(JSON.readTree(line));
    return nodes;
  }

  /** A generate whose process died right after the provider accepted the job. */
  private TaskHandle acceptedThenKilled(Path target) {
    VideoClient client =
        VideoProviderFactory.find("gmi")
            .orElseThrow()
            .create(ClientConfig.builder().apiKey(sim.apiKey()).baseUrl(sim.baseUrl()).build());
    try (var journal = TaskJournal.file(home)) {
      return client
          .withJournal(journal)
          .generate(
              ImageToVideoRequest.builder()
                  .image(ImageInput.url("https://example.com/cat.png"))
                  .prompt("killed")
                  .build(),
              Map.of(JournalEntry.LABEL_TARGET, target.toString()))
          .firstElement()
          .blockingGet()
          .handle();
    }
  }

  /** A task submitted elsewhere (not through this journal), as {@code watch TOKEN} is used for. */
  private TaskHandle submittedElsewhere() {
    VideoClient client =
        VideoProviderFactory.find("gmi")
            .orElseThrow()
            .create(ClientConfig.builder().apiKey(sim.apiKey()).baseUrl(sim.baseUrl()).build());
    return client
        .submit(
            ImageToVideoRequest.builder()
                .image(ImageInput.url("https://example.com/cat.png"))
                .prompt("from elsewhere")
                .build())
        .blockingGet();
  }

  @Test
  @DisplayName(
      "cancel records the CANCELLED end in the journal: tasks no longer lists the task as needing"
          + " attention")
  void cancelRecordsTheEnd() throws Exception {
    try (ProviderSimulator odi = EmbeddedSimulators.start("odirouter")) {
      odi.defaultLifecycle(Lifecycle.builder().queued(1, 2).running(40, 80).succeeded());
      env.put("ODIROUTER_API_KEY", odi.apiKey());
      TaskHandle h = journaledTask(odi, "to cancel");
      assertThat(tasksJson()).extracting(n -> n.get("state").asText()).containsExactly("ACCEPTED");
      assertThat(run("cancel", h.token(), "--base-url", odi.baseUrl())).as(stderr).isZero();
      assertThat(tasksJson()).as("nothing needs attention after the cancel").isEmpty();
      assertThat(tasksJson("--all"))
          .extracting(n -> n.get("state").asText())
          .containsExactly("CANCELLED");
    }
  }

  @Test
  @DisplayName(
      "status and cancel without --base-url reach the task at the base URL the journal recorded for"
          + " it, not the provider's default host")
  void journaledBaseUrlUsed() throws Exception {
    try (ProviderSimulator odi = EmbeddedSimulators.start("odirouter")) {
      odi.defaultLifecycle(Lifecycle.builder().queued(1, 2).running(40, 80).succeeded());
      env.put("ODIROUTER_API_KEY", odi.apiKey());
      TaskHandle h = journaledTask(odi, "status without --base-url");
      assertThat(run("status", h.token())).as(stderr).isZero();
      assertThat(stderr)
          .contains("Using the base URL the task journal recorded for this task: " + odi.baseUrl());
      assertThat(run("cancel", h.token())).as(stderr).isZero();
      assertThat(tasksJson("--all"))
          .extracting(n -> n.get("state").asText())
          .containsExactly("CANCELLED");
    }
  }

  @Test
  @DisplayName(
      "tasks --json prints only the fields docs/cli.md lists; needsAttention follows its table,"
          + " unfinished means resume continues it")
  void tasksJsonFieldsAreDocumented() throws Exception {
    try (var journal = TaskJournal.file(home)) {
      journal.append(
          JournalRecord.intent(
              "lost-1",
              java.time.Instant.now(),
              "gmi",
              "pixverse-v6",
              sim.baseUrl(),
              Map.of("prompt", "a lost cat"),
              Map.of()));
      journal.append(JournalRecord.outcomeUnknown("lost-1", java.time.Instant.now(), "no answer"));
    }
    acceptedThenKilled(dir.resolve("kept.mp4"));
    List<JsonNode> open = tasksJson();
    assertThat(open).hasSize(2);
    JsonNode lost =
        open.stream()
            .filter(n -> n.get("state").asText().equals("OUTCOME_UNKNOWN"))
            .findFirst()
            .orElseThrow();
    JsonNode accepted =
        open.stream()
            .filter(n -> n.get("state").asText().equals("ACCEPTED"))
            .findFirst()
            .orElseThrow();
    assertThat(lost.get("needsAttention").asBoolean()).isTrue();
    assertThat(lost.get("unfinished").asBoolean()).isFalse();
    assertThat(accepted.get("needsAttention").asBoolean()).isTrue();
    assertThat(accepted.get("unfinished").asBoolean()).isTrue();
    String readme = Files.readString(Paths.get("..", "docs", "cli.md"));
    String section = readme.substring(readme.indexOf("## Task journal, `tasks` and `resume`"));
    String from = section.substring(section.indexOf("`--json` prints one object per task ("));
    String fields = from.substring(0, from.indexOf(")."));
    for (JsonNode n : open) {
      n.fieldNames()
          .forEachRemaining(
              f -> assertThat(fields).as("docs/cli.md lists field " + f).contains("`" + f + "`"));
    }
  }

  @Test
  @DisplayName(
      "a watch TOKEN that stops before the task ends leaves it in the journal: a bare resume saves"
          + " it at the watch's --output")
  void resumeAfterStoppedWatch() throws Exception {
    TaskHandle h = submittedElsewhere();
    Path target = dir.resolve("watched.mp4");
    // The first poll is at once and the next only after the deadline, so this watch cannot see
    // the task end (it needs several reads): it stops as a killed one would, mid-way.
    assertThat(
            run(
                "watch",
                h.token(),
                "--output",
                target.toString(),
                "--timeout",
                "1s",
                "--poll-interval",
                "5s",
                "--base-url",
                sim.baseUrl()))
        .as(stderr)
        .isEqualTo(ExitCodes.TIMEOUT);
    assertThat(Files.exists(target)).isFalse();
    List<JsonNode> open = tasksJson();
    assertThat(open).hasSize(1);
    assertThat(open.get(0).get("task").asText()).isEqualTo(h.token());
    assertThat(open.get(0).get("state").asText()).isEqualTo("ACCEPTED");
    assertThat(open.get(0).get("target").asText()).isEqualTo(target.toString());
    assertThat(open.get(0).get("baseUrl").asText()).startsWith(sim.baseUrl());

    assertThat(run("resume", "--poll-interval", "20ms")).as(stderr).isZero();
    assertThat(Files.readAllBytes(target)).isEqualTo(sim.mediaBytes());
    assertThat(tasksJson()).isEmpty();
    assertThat(sim.submitCount()).isEqualTo(1);
  }

  @Test
  @DisplayName(
      "a download TOKEN that fails mid-way leaves the task in the journal: a bare resume saves it"
          + " at the same file")
  void resumeAfterFailedDownload() throws Exception {
    sim.nextJobs(Lifecycle.immediateSuccess());
    TaskHandle h = submittedElsewhere();
    Path target = dir.resolve("downloaded.mp4");
    sim.faults()
        .on(ProviderSimulator.MEDIA_ENDPOINT)
        .always(io.github.pixverse4j.simulator.Fault.status(403, "{\"error\":\"expired\"}"));
    assertThat(
            run("download", h.token(), "--output", target.toString(), "--base-url", sim.baseUrl()))
        .as(stderr)
        .isNotZero();
    assertThat(Files.exists(target)).isFalse();
    List<JsonNode> open = tasksJson();
    assertThat(open).extracting(n -> n.get("task").asText()).containsExactly(h.token());
    assertThat(open.get(0).get("target").asText()).isEqualTo(target.toString());

    sim.faults().clear();
    assertThat(run("resume", "--poll-interval", "20ms")).as(stderr).isZero();
    assertThat(Files.readAllBytes(target)).isEqualTo(sim.mediaBytes());
    assertThat(tasksJson()).isEmpty();
  }

  @Test
  @DisplayName(
      "generate records the task in the journal, from intent to the saved file, without the API"
          + " key")
  void generateIsJournaled() throws Exception {
    assertThat(run(generate("--output", "v.mp4"))).as(stderr).isZero();
    assertThat(tasksJson()).as("nothing unfinished").isEmpty();
    List<JsonNode> all = tasksJson("--all");
    assertThat(all).hasSize(1);
    JsonNode e = all.get(0);
    assertThat(e.get("state").asText()).isEqualTo("DOWNLOADED");
    assertThat(e.get("provider").asText()).isEqualTo("gmi");
    assertThat(e.get("file").asText()).isEqualTo(dir.resolve("v.mp4").toString());
    assertThat(e.get("baseUrl").asText()).startsWith(sim.baseUrl());
    assertThat(e.get("request").get("prompt").asText()).isEqualTo("the cat turns its head");
    String raw =
        new String(Files.readAllBytes(home.resolve("journal.jsonl")), StandardCharsets.UTF_8);
    assertThat(raw).doesNotContain(sim.apiKey());
  }

  @Test
  @DisplayName("simulated tasks never go into the journal")
  void simulatedNotJournaled() throws Exception {
    // No --base-url: with --simulate it is refused (issue 24 #4), the simulator has its own
    // address.
    assertThat(
            run(
                "generate",
                "--provider",
                "gmi",
                "--image",
                "https://example.com/cat.png",
                "--prompt",
                "x",
                "--poll-interval",
                "20ms",
                "--simulate",
                "--output",
                "v.mp4"))
        .as(stderr)
        .isZero();
    assertThat(Files.exists(home.resolve("journal.jsonl"))).isFalse();
  }

  @Test
  @DisplayName("a bare resume fully recovers a generate killed after the provider accepted the job")
  void resumeAfterKill() throws Exception {
    Path target = dir.resolve("out").resolve("killed.mp4");
    Files.createDirectories(target.getParent());
    Files.write(target.resolveSibling(".killed.mp4.1234.part"), new byte[] {1, 2});
    TaskHandle h = acceptedThenKilled(target);
    List<JsonNode> open = tasksJson();
    assertThat(open).hasSize(1);
    assertThat(open.get(0).get("state").asText()).isEqualTo("ACCEPTED");
    assertThat(open.get(0).get("task").asText()).isEqualTo(h.token());
    assertThat(open.get(0).get("target").asText()).isEqualTo(target.toString());
    assertThat(run("tasks")).isZero();
    assertThat(stdout)
        .contains("ACCEPTED")
        .contains("gmi")
        .contains(target.toString())
        .contains(h.token());

    env.remove("GMI_API_KEY");
    assertThat(run("resume")).as("resume never simulates").isEqualTo(2);
    assertThat(stderr).contains("GMI_API_KEY is not set");
    env.put("GMI_API_KEY", sim.apiKey());

    assertThat(run("resume", "--poll-interval", "20ms")).as(stderr).isZero();
    assertThat(Files.readAllBytes(target)).isEqualTo(sim.mediaBytes());
    try (var files = Files.list(target.getParent())) {
      assertThat(files).as("the killed download's leftover is gone").containsExactly(target);
    }
    assertThat(sim.submitCount()).isEqualTo(1);
    assertThat(tasksJson()).isEmpty();
    assertThat(tasksJson("--all").get(0).get("state").asText()).isEqualTo("DOWNLOADED");
    assertThat(run("resume")).isZero();
    assertThat(stderr).contains("Nothing to resume");
  }

  @Test
  @DisplayName(
      "generate --output X that stops early hints 'pixverse4j resume TOKEN', and following it saves"
          + " to X; a stopped resume hints the same")
  void resumeHintKeepsOutput() throws Exception {
    Path target = dir.resolve("mine.mp4");
    // The first poll is at once and the next only after the deadline: the run stops mid-way.
    assertThat(
            run(
                "generate",
                "--provider",
                "gmi",
                "--image",
                "https://example.com/cat.png",
                "--prompt",
                "x",
                "--base-url",
                sim.baseUrl(),
                "--output",
                "mine.mp4",
                "--timeout",
                "1s",
                "--poll-interval",
                "5s"))
        .as(stderr)
        .isEqualTo(ExitCodes.TIMEOUT);
    String generateErr = stderr;
    String token = tasksJson().get(0).get("task").asText();
    String hint = "resume with: pixverse4j resume " + token + ")";
    assertThat(generateErr).contains(hint).doesNotContain("pixverse4j watch");
    assertThat(run("resume", token, "--timeout", "1s", "--poll-interval", "5s"))
        .isEqualTo(ExitCodes.TIMEOUT);
    assertThat(stderr).contains(hint).doesNotContain("pixverse4j watch");
    assertThat(run("resume", token, "--poll-interval", "20ms")).as(stderr).isZero();
    assertThat(Files.readAllBytes(target)).isEqualTo(sim.mediaBytes());
  }

  @Test
  @DisplayName(
      "resume TOKEN continues that task only, into a directory target with the default name")
  void resumeOne() throws Exception {
    TaskHandle a = acceptedThenKilled(dir);
    TaskHandle b = acceptedThenKilled(dir);
    assertThat(run("resume", a.token(), "--poll-interval", "20ms")).as(stderr).isZero();
    assertThat(Files.readAllBytes(dir.resolve(Delivery.defaultName(a))))
        .isEqualTo(sim.mediaBytes());
    assertThat(Files.exists(dir.resolve(Delivery.defaultName(b)))).isFalse();
    assertThat(tasksJson()).extracting(n -> n.get("task").asText()).containsExactly(b.token());
    assertThat(run("resume", TaskHandle.of("gmi", "m", "nope").token())).isEqualTo(2);
    assertThat(stderr).contains("No task").contains("pixverse4j watch");
  }

  @Test
  @DisplayName(
      "issue 24 #1: tasks --all never asks to check the console or forget a submit the provider"
          + " refused (NOT_ACCEPTED)")
  void refusedSubmitNeedsNoForget() throws Exception {
    String id = JournalRecord.newId();
    try (var journal = TaskJournal.file(home)) {
      journal.append(
          JournalRecord.intent(
              id,
              java.time.Instant.now(),
              "gmi",
              "m",
              null,
              Map.of("prompt", "refused"),
              Map.of()));
      journal.append(JournalRecord.notAccepted(id, java.time.Instant.now(), "HTTP 400"));
    }
    assertThat(run("tasks", "--all")).as(stderr).isZero();
    assertThat(stdout)
        .contains("NOT_ACCEPTED")
        .doesNotContain("--forget")
        .doesNotContain("console");
    // And the one that is offered is accepted.
    String lost = JournalRecord.newId();
    try (var journal = TaskJournal.file(home)) {
      journal.append(
          JournalRecord.intent(
              lost, java.time.Instant.now(), "gmi", "m", null, Map.of("prompt", "lost"), Map.of()));
    }
    assertThat(run("tasks")).as(stderr).isZero();
    assertThat(stdout).contains("pixverse4j tasks --forget " + lost).doesNotContain(id);
    assertThat(run("tasks", "--forget", lost)).as(stderr).isZero();
  }

  @Test
  @DisplayName(
      "issue 24 #6: download TOKEN of a journaled task saves where the journal recorded at submit,"
          + " and records that file")
  void downloadUsesRecordedTarget() throws Exception {
    Path videos = Files.createDirectory(dir.resolve("videos"));
    TaskHandle h = acceptedThenKilled(videos);
    assertThat(
            run(
                "watch",
                h.token(),
                "--no-download",
                "--poll-interval",
                "20ms",
                "--base-url",
                sim.baseUrl()))
        .as(stderr)
        .isZero();
    assertThat(run("download", h.token(), "--base-url", sim.baseUrl())).as(stderr).isZero();
    Path saved = videos.resolve(Delivery.defaultName(h));
    assertThat(Files.readAllBytes(saved)).isEqualTo(sim.mediaBytes());
    assertThat(Files.exists(dir.resolve(Delivery.defaultName(h))))
        .as("nothing in the working directory")
        .isFalse();
    assertThat(tasksJson("--all"))
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.get("state").asText()).isEqualTo("DOWNLOADED");
              assertThat(n.get("file").asText()).isEqualTo(saved.toString());
            });
  }

  @Test
  @DisplayName(
      "issue 24 #7: no 'resume with' for a task the journal has as DOWNLOADED, nor a 'watch' for"
          + " one the provider does not know")
  void noFollowHintForEndedTasks() throws Exception {
    assertThat(run(generate())).as(stderr).isZero();
    String token = tasksJson("--all").get(0).get("task").asText();
    TaskHandle elsewhere = submittedElsewhere();
    sim.reset();
    assertThat(run("status", token, "--base-url", sim.baseUrl())).isNotZero();
    assertThat(stderr)
        .contains("Task: " + token)
        .doesNotContain("resume with")
        .doesNotContain("pixverse4j resume");
    assertThat(run("status", elsewhere.token(), "--base-url", sim.baseUrl())).isNotZero();
    assertThat(stderr)
        .contains("Task: " + elsewhere.token())
        .doesNotContain("resume with")
        .doesNotContain("pixverse4j watch");
  }

  @Test
  @DisplayName(
      "issue 24 #13: resume of several tasks names each before its lines and ends with 'N of M"
          + " delivered'")
  void resumeSeveralSaysWhich() throws Exception {
    TaskHandle a = acceptedThenKilled(dir);
    TaskHandle b = acceptedThenKilled(dir);
    assertThat(run("resume", "--poll-interval", "20ms")).as(stderr).isZero();
    assertThat(stderr)
        .contains("Resuming 1 of 2: " + a.token())
        .contains("Resuming 2 of 2: " + b.token())
        .contains("2 of 2 delivered");
    assertThat(stderr.indexOf("Resuming 2 of 2")).isGreaterThan(stderr.indexOf("Resuming 1 of 2"));
  }

  @Test
  @DisplayName(
      "resume or watch of a string that is no token says what a token looks like and where to find"
          + " one, never 'watch notatoken'")
  void notAToken() {
    for (String command : new String[] {"resume", "watch", "status"}) {
      assertThat(run(command, "notatoken")).as(command).isEqualTo(2);
      assertThat(stderr)
          .as(command)
          .contains("Not a pixverse4j task token")
          .contains("a token is pv4j.1. and three encoded parts (provider, model, task id)")
          .contains("pixverse4j tasks")
          .doesNotContain("watch notatoken")
          .doesNotContain("TaskHandle");
    }
  }

  @Test
  @DisplayName("--output into a missing directory: exit 2, the directory named, nothing sent")
  void missingDirectory() {
    assertThat(run(generate("--output", "nope/v.mp4"))).isEqualTo(2);
    assertThat(stderr).contains(dir.resolve("nope").toString()).contains("does not exist");
    assertThat(sim.requests()).isEmpty();
  }

  @Test
  @DisplayName("--output under a regular file says that file is not a directory; nothing sent")
  void underAFile() throws Exception {
    Files.writeString(dir.resolve("plain"), "x");
    assertThat(run(generate("--output", "plain/v.mp4"))).isEqualTo(2);
    assertThat(stderr).contains(dir.resolve("plain") + " is a file, not a directory");
    assertThat(sim.requests()).isEmpty();
  }

  @Test
  @DisplayName(
      "--output in a place that refuses new files (/proc): exit 2 naming the directory; nothing"
          + " sent")
  void unwritableDirectory() {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        Files.isDirectory(Paths.get("/proc/self")), "needs Linux /proc");
    assertThat(run(generate("--output", "/proc/self/v.mp4"))).isEqualTo(2);
    assertThat(stderr)
        .contains("new files cannot be created in /proc/self")
        .doesNotContain(".part");
    assertThat(sim.requests()).isEmpty();
  }

  @Test
  @DisplayName("--output onto an existing directory saves inside it with the default name")
  void outputDirectory() throws Exception {
    Files.createDirectories(dir.resolve("videos"));
    assertThat(run(generate("--output", "videos", "--json"))).as(stderr).isZero();
    try (var files = Files.list(dir.resolve("videos"))) {
      List<Path> saved = files.toList();
      assertThat(saved).hasSize(1);
      assertThat(saved.get(0).getFileName().toString())
          .startsWith("pixverse4j-gmi-")
          .endsWith(".mp4");
      assertThat(Files.readAllBytes(saved.get(0))).isEqualTo(sim.mediaBytes());
    }
  }

  @Test
  @DisplayName("an image file that is not an image, or missing: exit 2 naming it; nothing sent")
  void badImage() throws Exception {
    env.put("PIXVERSE_API_KEY", "unused");
    Path text = Files.writeString(dir.resolve("notes.png"), "hello, not a picture");
    assertThat(
            run(
                "generate",
                "--provider",
                "pixverse",
                "--image",
                text.toString(),
                "--prompt",
                "p",
                "--base-url",
                sim.baseUrl()))
        .isEqualTo(2);
    assertThat(stderr).contains(text.toString()).contains("is not an image");
    assertThat(stderr)
        .as("one problem, one list of formats")
        .containsOnlyOnce("nothing was sent")
        .containsOnlyOnce("JPEG")
        .doesNotContain("cannot be uploaded");
    assertThat(
            run(
                "generate",
                "--provider",
                "pixverse",
                "--image",
                "missing.png",
                "--prompt",
                "p",
                "--base-url",
                sim.baseUrl()))
        .isEqualTo(2);
    assertThat(stderr).contains(dir.resolve("missing.png").toString());
    assertThat(stderr).as("the missing file is reported once").containsOnlyOnce("missing.png");
    assertThat(
            io.github.pixverse4j.client.provider.ImageHeader.looksLikeImage(
                Files.readAllBytes(CAT), 16))
        .isTrue();
    assertThat(sim.requests()).isEmpty();
  }

  @Test
  @DisplayName(
      "tasks --forget dismisses a never-answered submit; an accepted task or an unknown id is"
          + " refused with exit 2")
  void forget() throws Exception {
    try (var journal = TaskJournal.file(home)) {
      journal.append(
          JournalRecord.intent(
              "lost-1",
              java.time.Instant.now(),
              "gmi",
              "pixverse-v6",
              sim.baseUrl(),
              Map.of("prompt", "a lost cat"),
              Map.of()));
      journal.append(JournalRecord.outcomeUnknown("lost-1", java.time.Instant.now(), "no answer"));
    }
    TaskHandle accepted = acceptedThenKilled(dir.resolve("kept.mp4"));
    assertThat(run("tasks")).isZero();
    assertThat(stdout).contains("pixverse4j tasks --forget lost-1");
    assertThat(tasksJson()).extracting(n -> n.get("id").asText()).hasSize(2).contains("lost-1");

    assertThat(run("tasks", "--forget", "lost-1")).as(stderr).isZero();
    assertThat(stderr).contains("lost-1").contains("a lost cat");
    assertThat(tasksJson())
        .extracting(n -> n.get("task").asText())
        .containsExactly(accepted.token());
    assertThat(tasksJson("--all"))
        .filteredOn(n -> n.get("id").asText().equals("lost-1"))
        .extracting(n -> n.get("state").asText())
        .containsExactly("FORGOTTEN");
    assertThat(run("tasks", "--all")).isZero();
    assertThat(stdout)
        .as("a forgotten entry asks for nothing more")
        .contains("FORGOTTEN")
        .doesNotContain("--forget lost-1");

    String acceptedId = tasksJson().get(0).get("id").asText();
    assertThat(run("tasks", "--forget", acceptedId)).isEqualTo(ExitCodes.USAGE);
    assertThat(stderr)
        .contains("cannot be forgotten")
        .contains("pixverse4j resume " + accepted.token());
    assertThat(run("tasks", "--forget", "no-such-id")).isEqualTo(ExitCodes.USAGE);
    assertThat(stderr).contains("No task no-such-id").contains(home.toString());
    assertThat(run("tasks", "--forget", "lost-1")).isEqualTo(ExitCodes.USAGE);
    assertThat(stderr).contains("nothing to forget");
    assertThat(tasksJson())
        .extracting(n -> n.get("task").asText())
        .containsExactly(accepted.token());
  }

  @Test
  @DisplayName("an unwritable journal: exit 2 naming it and PIXVERSE4J_HOME; nothing sent")
  void unwritableJournal() throws Exception {
    Path file = Files.writeString(dir.resolve("afile"), "x");
    env.put("PIXVERSE4J_HOME", file.resolve("state").toString());
    assertThat(run(generate("--output", "v.mp4"))).isEqualTo(2);
    assertThat(stderr).contains(file.resolve("state").toString()).contains("PIXVERSE4J_HOME");
    assertThat(sim.requests()).isEmpty();
  }

  @Test
  @DisplayName(
      "the journal lives in $PIXVERSE4J_HOME, else $XDG_STATE_HOME/pixverse4j, else"
          + " ~/.local/state/pixverse4j")
  void location() {
    Map<String, String> e = new HashMap<>();
    e.put("HOME", "/home/u");
    assertThat(JournalLocation.directory(e::get))
        .isEqualTo(Paths.get("/home/u/.local/state/pixverse4j"));
    e.put("XDG_STATE_HOME", "relative/ignored");
    assertThat(JournalLocation.directory(e::get))
        .isEqualTo(Paths.get("/home/u/.local/state/pixverse4j"));
    e.put("XDG_STATE_HOME", "/xdg");
    assertThat(JournalLocation.directory(e::get)).isEqualTo(Paths.get("/xdg/pixverse4j"));
    e.put("PIXVERSE4J_HOME", "/p4j");
    assertThat(JournalLocation.directory(e::get)).isEqualTo(Paths.get("/p4j"));
  }

  @Test
  @DisplayName(
      "docs/cli.md's table of tasks states names every state tasks can print, TO_DOWNLOAD too")
  void readmeListsEveryState() throws Exception {
    String readme = java.nio.file.Files.readString(java.nio.file.Paths.get("..", "docs", "cli.md"));
    assertThat(TasksCommand.states()).contains(TasksCommand.TO_DOWNLOAD, "ACCEPTED", "DOWNLOADED");
    for (String state : TasksCommand.states()) {
      assertThat(readme).as("docs/cli.md row for %s", state).contains("| `" + state + "` |");
    }
  }
}
