package io.github.pixverse4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pixverse4j batch} as a real process, killed with SIGKILL at seeded random instants and
 * started again, against a GMI simulator with a concurrency limit in another process. Kills: {@code
 * -Dbatch.chaos.kills=N} (default 8: a few minutes in {@code verify}; raise it for a long run),
 * seed {@code -Dbatch.chaos.seed=S} (printed).
 *
 * <p>Invariants: no item ever gets a second job (the simulator counts the jobs per item); the run
 * after the kills ends with every item delivered, with the simulator's exact bytes, or listed as
 * {@code OUTCOME_UNKNOWN} (a kill between the provider's acceptance and the journal's record); a
 * further run sends nothing.
 */
class BatchChaosTest {
  static final int KILLS = Integer.getInteger("batch.chaos.kills", 8);
  static final long SEED = Long.getLong("batch.chaos.seed", 20261205L);
  static final int ITEMS = Math.max(16, 4 * KILLS);
  static final Pattern ITEM = Pattern.compile("batch-chaos-item-(\\d+)");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  static Process simulator;
  static BufferedReader simOut;
  static PrintWriter simIn;
  static String baseUrl;
  static String key;

  @BeforeAll
  static void startSimulator() throws IOException {
    ChaosTest.SimulatorProcess sp =
        new ChaosTest.SimulatorProcess(dir.resolve("simulator.log"), "3");
    simulator = sp.process;
    simOut = sp.out;
    simIn = sp.in;
    baseUrl = sp.baseUrl;
    key = sp.key;
  }

  @AfterAll
  static void stopSimulator() throws InterruptedException {
    if (simIn != null) simIn.close();
    if (simulator != null && !simulator.waitFor(10, TimeUnit.SECONDS)) simulator.destroyForcibly();
  }

  static synchronized List<String> sim(String command) throws IOException {
    simIn.println(command);
    List<String> reply = new ArrayList<>();
    String line;
    while ((line = simOut.readLine()) != null && !line.equals("OK")) reply.add(line);
    return reply;
  }

  private static Process batch(Path home, Path input, Path videos, Path log) throws IOException {
    return ChaosTest.cli(
        key,
        home,
        log,
        "batch",
        input.toString(),
        "--provider",
        "gmi",
        "--base-url",
        baseUrl,
        "--output-dir",
        videos.toString(),
        "--concurrency",
        "5",
        "--poll-interval",
        "30ms",
        "--json");
  }

  private static int submits() throws IOException {
    return Integer.parseInt(sim("submits").get(0));
  }

  /** Jobs the simulator holds per item number. */
  private static Map<Integer, Integer> jobsPerItem() throws IOException {
    Map<Integer, Integer> jobs = new HashMap<>();
    for (String l : sim("jobs")) {
      ChaosTest.Job job = new ChaosTest.Job(l);
      Matcher m = ITEM.matcher(job.body);
      assertThat(m.find()).as(job.body).isTrue();
      jobs.merge(Integer.parseInt(m.group(1)), job.submits, Integer::sum);
    }
    return jobs;
  }

  @Test
  @DisplayName("kill -9 at random instants, run again: no second job for any item, all honest")
  void killAndRunAgain() throws Exception {
    System.out.printf(
        "BatchChaosTest: seed %d (-Dbatch.chaos.seed), %d kills (-Dbatch.chaos.kills)%n",
        SEED, KILLS);
    Random random = new Random(SEED);
    Path home = dir.resolve("home");
    Path videos = dir.resolve("videos");
    Path log = dir.resolve("cli.log");
    Path input = dir.resolve("items.jsonl");
    StringBuilder lines = new StringBuilder();
    for (int i = 1; i <= ITEMS; i++) {
      lines.append(
          String.format(
              "{\"id\":\"v%02d\",\"image\":\"https://example.com/cat.png\","
                  + "\"prompt\":\"batch-chaos-item-%d\"}%n",
              i, i));
    }
    Files.write(input, lines.toString().getBytes(StandardCharsets.UTF_8));
    sim("media " + dir.resolve("media.bin"));
    byte[] media = Files.readAllBytes(dir.resolve("media.bin"));

    int kills = 0;
    for (int round = 0; round < KILLS; round++) {
      int before = submits();
      int after = random.nextInt(8);
      Process p = batch(home, input, videos, log);
      ChaosTest.lines(p);
      // Kill once the run has sent `after` more submits (0: while it starts), a little later:
      // every phase of an item (starting, submitting, queued, running, saving) gets kills.
      ChaosTest.await(
          p,
          () -> {
            try {
              return submits() - before >= after;
            } catch (IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          });
      Thread.sleep(random.nextInt(400));
      if (p.isAlive()) {
        p.destroyForcibly();
        kills++;
      }
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      for (Map.Entry<Integer, Integer> e : jobsPerItem().entrySet()) {
        assertThat(e.getValue())
            .as("jobs of item %d after round %d", e.getKey(), round)
            .isEqualTo(1);
      }
    }

    Process last = batch(home, input, videos, log);
    List<String> out = ChaosTest.lines(last);
    assertThat(last.waitFor(180, TimeUnit.SECONDS)).isTrue();
    Thread.sleep(100);
    int delivered = 0;
    int unknown = 0;
    for (String l : out) {
      JsonNode n = JSON.readTree(l);
      if (!"item".equals(n.get("event").asText())) continue;
      String outcome = n.get("outcome").asText();
      if (outcome.equals("DELIVERED")) {
        delivered++;
        assertThat(Files.readAllBytes(videos.resolve(n.get("id").asText() + ".mp4")))
            .isEqualTo(media);
      } else {
        assertThat(outcome).as(l).isEqualTo("OUTCOME_UNKNOWN");
        assertThat(n.get("problems").toString()).contains("never answered");
        unknown++;
      }
    }
    assertThat(delivered + unknown).as("every item reported; see %s", log).isEqualTo(ITEMS);
    assertThat(last.exitValue()).isEqualTo(unknown == 0 ? 0 : 1);
    for (int v : jobsPerItem().values()) assertThat(v).isEqualTo(1);
    // Every video in place is whole (a kill mid-download leaves at most a hidden .part file).
    try (java.util.stream.Stream<Path> files = Files.list(videos)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        if (f.getFileName().toString().startsWith(".")) continue;
        assertThat(Files.readAllBytes(f)).as("%s is complete", f).isEqualTo(media);
      }
    }

    int submits = submits();
    Process again = batch(home, input, videos, log);
    ChaosTest.lines(again);
    assertThat(again.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(submits()).as("a run after that sends nothing").isEqualTo(submits);
    System.out.printf(
        "BatchChaosTest: %d kills, %d delivered, %d listed as outcome unknown%n",
        kills, delivered, unknown);
  }
}
