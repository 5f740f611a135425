package io.github.pixverse4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pixverse4j.api.ImageInput;
import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.client.ClientConfig;
import io.github.pixverse4j.client.VideoClient;
import io.github.pixverse4j.client.VideoProviderFactory;
import io.github.pixverse4j.client.journal.FileTaskJournal;
import io.github.pixverse4j.client.journal.JournalEntry;
import io.github.pixverse4j.client.journal.JournalRecord;
import io.github.pixverse4j.client.journal.TaskJournal;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI as a real process, killed with SIGKILL at random instants in every phase of a task, then
 * {@code resume}d; the provider is a simulator in another process. Kills: {@code -Dchaos.kills=N}
 * (default 100), seed {@code -Dchaos.seed=S} (printed).
 *
 * <p>Invariants: every job the simulator accepted ends downloaded with the exact bytes, or is in
 * the journal as a submit whose answer was never recorded (the process died between the provider's
 * acceptance and the journal write, the one window no client can close without an idempotency key);
 * no duplicate submits; the journal is always readable; no partial file at a target, and no
 * leftover temporary file.
 */
class ChaosTest {
  static final int KILLS = Integer.getInteger("chaos.kills", 100);
  static final long SEED = Long.getLong("chaos.seed", 20261130L);
  static final int BATCH = 4;
  static final String[] PHASES = {
    "starting", "submit in flight", "queued", "running", "downloading"
  };

  @TempDir static Path dir;
  static Process simulator;
  static BufferedReader simOut;
  static PrintWriter simIn;
  static String baseUrl;
  static String key;
  static byte[] media;

  @BeforeAll
  static void startSimulator() throws IOException {
    SimulatorProcess sp = new SimulatorProcess(dir.resolve("simulator.log"));
    simulator = sp.process;
    simOut = sp.out;
    simIn = sp.in;
    baseUrl = sp.baseUrl;
    key = sp.key;
    sim("media " + dir.resolve("media.bin"));
    media = Files.readAllBytes(dir.resolve("media.bin"));
    warmUp();
  }

  /**
   * A {@link ChaosSimulatorMain} process: its {@code READY} line read, its stdin and stdout open.
   */
  static final class SimulatorProcess {
    final Process process;
    final BufferedReader out;
    final PrintWriter in;
    final String baseUrl;
    final String key;

    SimulatorProcess(Path log, String... args) throws IOException {
      List<String> cmd =
          new ArrayList<>(
              Arrays.asList(java(), "-cp", classpath(), ChaosSimulatorMain.class.getName()));
      cmd.addAll(Arrays.asList(args));
      process = new ProcessBuilder(cmd).redirectError(log.toFile()).start();
      out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      in =
          new PrintWriter(
              new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8), true);
      String ready = out.readLine();
      assertThat(ready).startsWith("READY ");
      baseUrl = ready.split(" ")[1];
      key = ready.split(" ")[2];
    }
  }

  /** One whole run, not killed: the set-up works before anything is killed. */
  static void warmUp() throws IOException {
    Process p =
        cli(
            dir.resolve("warm-home"),
            dir.resolve("warm.log"),
            "generate",
            "--provider",
            "gmi",
            "--image",
            "https://example.com/cat.png",
            "--prompt",
            "warm up",
            "--base-url",
            baseUrl,
            "--poll-interval",
            "30ms",
            "--output",
            dir.resolve("warm.mp4").toString());
    lines(p);
    try {
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    assertThat(p.exitValue()).as("see %s", dir.resolve("warm.log")).isZero();
    assertThat(Files.readAllBytes(dir.resolve("warm.mp4"))).isEqualTo(media);
  }

  @AfterAll
  static void stopSimulator() throws InterruptedException {
    if (simIn != null) simIn.close();
    if (simulator != null && !simulator.waitFor(10, TimeUnit.SECONDS)) simulator.destroyForcibly();
  }

  static String java() {
    return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
  }

  static String classpath() {
    return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
  }

  static synchronized List<String> sim(String command) throws IOException {
    simIn.println(command);
    List<String> reply = new ArrayList<>();
    String line;
    while ((line = simOut.readLine()) != null && !line.equals("OK")) reply.add(line);
    return reply;
  }

  /** One job as the simulator saw it. */
  static final class Job {
    final String id;
    final int mediaGets;
    final int submits;
    final String body;

    Job(String line) {
      String[] p = line.split(" ", 5);
      id = p[1];
      mediaGets = Integer.parseInt(p[2]);
      submits = Integer.parseInt(p[3]);
      body = p[4];
    }
  }

  static List<Job> jobs() throws IOException {
    List<Job> jobs = new ArrayList<>();
    for (String l : sim("jobs")) jobs.add(new Job(l));
    return jobs;
  }

  /** The CLI in a process of its own, on the test classpath, with a fast-starting JVM. */
  static Process cli(Path home, Path log, String... args) throws IOException {
    return cli(key, home, log, args);
  }

  /** {@link #cli(Path, Path, String...)} with {@code gmiKey} as the GMI key. */
  static Process cli(String gmiKey, Path home, Path log, String... args) throws IOException {
    List<String> cmd =
        new ArrayList<>(
            Arrays.asList(
                java(),
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Xss512k",
                "-cp",
                classpath(),
                Main.class.getName()));
    cmd.addAll(Arrays.asList(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    for (String v :
        new String[] {
          "ODIROUTER_API_KEY",
          "HIGHWAY_API_KEY",
          "MYROUTER_API_KEY",
          "PIXVERSE_API_KEY",
          "XDG_STATE_HOME"
        }) {
      pb.environment().remove(v);
    }
    pb.environment().put("GMI_API_KEY", gmiKey);
    pb.environment().put("PIXVERSE4J_HOME", home.toString());
    pb.redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
    return pb.start();
  }

  /** Collects a process's stdout lines as they come. */
  static List<String> lines(Process p) {
    List<String> lines = new CopyOnWriteArrayList<>();
    Thread t =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String l;
                while ((l = r.readLine()) != null) lines.add(l);
              } catch (IOException ended) {
                // The process was killed.
              }
            },
            "chaos-stdout");
    t.setDaemon(true);
    t.start();
    return lines;
  }

  /** Waits until {@code condition} holds or the process ends; false if it ended first. */
  static boolean await(Process p, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!condition.getAsBoolean()) {
      if (!p.isAlive() || System.nanoTime() > deadline) return false;
      Thread.sleep(2);
    }
    return true;
  }

  static boolean sawState(List<String> lines, String state) {
    for (String l : lines) if (l.contains("\"state\":\"" + state + "\"")) return true;
    return false;
  }

  @Test
  @DisplayName(
      "SIGKILL at random instants in every phase, then resume: nothing accepted is lost, nothing"
          + " duplicated")
  void killAndResume() throws Exception {
    System.out.printf("ChaosTest: seed %d (-Dchaos.seed), %d kills (-Dchaos.kills)%n", SEED, KILLS);
    Random random = new Random(SEED);
    Path home = dir.resolve("home");
    Path videos = Files.createDirectories(dir.resolve("videos"));
    Path log = dir.resolve("cli.log");
    int[] killsPerPhase = new int[PHASES.length];
    int kills = 0;
    int delivered = 0;
    int unanswered = 0;
    int iteration = 0;
    List<Integer> batch = new ArrayList<>();
    while (kills < KILLS) {
      assertThat(iteration)
          .as("too few runs could be killed; see %s", log)
          .isLessThan(3 * KILLS + 20);
      int phase = random.nextInt(PHASES.length);
      String tag = String.format("chaos-%05d", iteration);
      int submitsBefore = Integer.parseInt(sim("submits").get(0));
      Process p =
          cli(
              home,
              log,
              "generate",
              "--provider",
              "gmi",
              "--image",
              "https://example.com/cat.png",
              "--prompt",
              "take " + tag,
              "--base-url",
              baseUrl,
              "--poll-interval",
              "30ms",
              "--json",
              "--output",
              videos.resolve(tag + ".mp4").toString());
      List<String> out = lines(p);
      boolean reached;
      switch (phase) {
        case 0:
          reached = true;
          break;
        case 1:
          reached =
              await(
                  p,
                  () -> {
                    try {
                      return Integer.parseInt(sim("submits").get(0)) > submitsBefore;
                    } catch (IOException e) {
                      throw new IllegalStateException(e);
                    }
                  });
          break;
        case 2:
          reached = await(p, () -> sawState(out, "QUEUED"));
          break;
        case 3:
          reached = await(p, () -> sawState(out, "RUNNING"));
          break;
        default:
          reached = await(p, () -> sawState(out, "SUCCEEDED"));
          break;
      }
      int[] window = {900, 160, 100, 100, 230};
      if (reached) Thread.sleep(random.nextInt(window[phase]));
      if (p.isAlive()) p.destroyForcibly();
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      if (p.exitValue() == 137) {
        kills++;
        killsPerPhase[phase]++;
      } else {
        assertThat(p.exitValue()).as("a run that was not killed succeeds; see %s", log).isZero();
      }
      batch.add(iteration++);
      if (batch.size() == BATCH || kills >= KILLS) {
        Process r = cli(home, log, "resume", "--poll-interval", "30ms");
        lines(r);
        assertThat(r.waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertThat(r.exitValue()).as("resume exit code; see %s", log).isZero();
        int[] counts = check(home, videos, batch);
        delivered += counts[0];
        unanswered += counts[1];
        batch.clear();
      }
    }
    Process tasks = cli(home, log, "tasks", "--all", "--json");
    List<String> listed = lines(tasks);
    assertThat(tasks.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(tasks.exitValue()).isZero();
    Thread.sleep(50);
    assertThat(listed).allSatisfy(l -> assertThat(l).startsWith("{\"id\":"));
    System.out.printf(
        "ChaosTest: %d runs, %d kills %s, %d delivered, %d accepted but unanswered%n",
        iteration, kills, perPhase(killsPerPhase), delivered, unanswered);
    assertThat(kills).isGreaterThanOrEqualTo(KILLS);
  }

  private static Map<String, Integer> perPhase(int[] counts) {
    Map<String, Integer> m = new LinkedHashMap<>();
    for (int i = 0; i < counts.length; i++) m.put(PHASES[i], counts[i]);
    return m;
  }

  /**
   * Checks the invariants for the given iterations; returns {delivered, accepted-but-unanswered}.
   */
  private static int[] check(Path home, Path videos, List<Integer> iterations) throws IOException {
    List<String> lines = Files.readAllLines(home.resolve(FileTaskJournal.FILE_NAME));
    List<JournalEntry> entries;
    try (FileTaskJournal journal = FileTaskJournal.builder(home).build()) {
      assertThat(journal.records())
          .as("every journal line is an intact record")
          .hasSize(lines.size());
      entries = journal.entries();
    }
    assertThat(entries).as("nothing left to resume").noneMatch(JournalEntry::isUnfinished);
    List<Job> jobs = jobs();
    int delivered = 0;
    int unanswered = 0;
    for (int i : iterations) {
      String tag = String.format("chaos-%05d", i);
      Path target = videos.resolve(tag + ".mp4");
      List<Job> mine = new ArrayList<>();
      for (Job j : jobs) if (j.body.contains(tag)) mine.add(j);
      assertThat(mine).as("%s: at most one job per generate", tag).hasSizeLessThanOrEqualTo(1);
      JournalEntry entry = null;
      for (JournalEntry e : entries) {
        if (e.summary().getOrDefault("prompt", "").contains(tag)) {
          assertThat(entry).as("%s: one entry", tag).isNull();
          entry = e;
        }
      }
      if (!mine.isEmpty()) {
        assertThat(mine.get(0).submits).as("%s: submitted once", tag).isEqualTo(1);
        assertThat(entry).as("%s: a job exists, so its intent is in the journal", tag).isNotNull();
        if (entry.token().isPresent()) {
          assertThat(entry.token().get())
              .isEqualTo(TaskHandle.of("gmi", entry.model().get(), mine.get(0).id).token());
          assertThat(entry.phase()).as("%s", tag).isEqualTo(JournalEntry.Phase.DOWNLOADED);
          assertThat(Files.readAllBytes(target)).as("%s: exact bytes", tag).isEqualTo(media);
          delivered++;
        } else {
          assertThat(entry.phase())
              .as("%s", tag)
              .isIn(JournalEntry.Phase.SUBMITTING, JournalEntry.Phase.OUTCOME_UNKNOWN);
          assertThat(Files.exists(target)).isFalse();
          unanswered++;
        }
      } else {
        assertThat(Files.exists(target)).as("%s: no job, no video", tag).isFalse();
        if (entry != null) assertThat(entry.token()).as("%s: no job, no handle", tag).isEmpty();
      }
    }
    try (Stream<Path> files = Files.list(videos)) {
      files.forEach(
          f -> {
            assertThat(f.getFileName().toString())
                .as("no temporary file left")
                .doesNotEndWith(".part");
            try {
              assertThat(Files.readAllBytes(f)).as("%s is complete", f).isEqualTo(media);
            } catch (IOException e) {
              throw new AssertionError(e);
            }
          });
    }
    return new int[] {delivered, unanswered};
  }

  @Test
  @DisplayName("two resume processes on one journal at once download each task exactly once")
  void concurrentResumes() throws Exception {
    Path home = dir.resolve("home2");
    Path videos = Files.createDirectories(dir.resolve("videos2"));
    Path log = dir.resolve("resume2.log");
    VideoClient client =
        VideoProviderFactory.find("gmi")
            .orElseThrow()
            .create(ClientConfig.builder().apiKey(key).baseUrl(baseUrl).build());
    List<TaskHandle> handles = new ArrayList<>();
    try (FileTaskJournal journal = TaskJournal.file(home)) {
      for (int i = 0; i < 6; i++) {
        handles.add(
            client
                .withJournal(journal)
                .generate(
                    ImageToVideoRequest.builder()
                        .image(ImageInput.url("https://example.com/cat.png"))
                        .prompt("twice-" + i)
                        .build(),
                    Map.of(JournalEntry.LABEL_TARGET, videos.resolve("r" + i + ".mp4").toString()))
                .firstElement()
                .blockingGet()
                .handle());
      }
    }
    Process a = cli(home, log, "resume", "--poll-interval", "30ms");
    Process b = cli(home, log, "resume", "--poll-interval", "30ms");
    lines(a);
    lines(b);
    assertThat(a.waitFor(180, TimeUnit.SECONDS)).isTrue();
    assertThat(b.waitFor(180, TimeUnit.SECONDS)).isTrue();
    assertThat(a.exitValue()).as("see %s", log).isZero();
    assertThat(b.exitValue()).as("see %s", log).isZero();
    Map<String, Job> byId = new LinkedHashMap<>();
    for (Job j : jobs()) byId.put(j.id, j);
    try (FileTaskJournal journal = FileTaskJournal.builder(home).build()) {
      for (int i = 0; i < handles.size(); i++) {
        TaskHandle h = handles.get(i);
        assertThat(Files.readAllBytes(videos.resolve("r" + i + ".mp4"))).isEqualTo(media);
        assertThat(byId.get(h.taskId()).mediaGets)
            .as("%s downloaded once", h.taskId())
            .isEqualTo(1);
        long downloadedRecords =
            journal.records().stream()
                .filter(
                    r -> r.kind() == JournalRecord.Kind.DOWNLOADED && h.token().equals(r.token()))
                .count();
        assertThat(downloadedRecords).isEqualTo(1);
      }
      assertThat(journal.unfinished()).isEmpty();
    }
  }
}
