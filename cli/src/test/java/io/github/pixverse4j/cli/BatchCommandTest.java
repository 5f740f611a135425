package io.github.pixverse4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.pixverse4j.simulator.Lifecycle;
import io.github.pixverse4j.simulator.ProviderSimulator;
import io.github.pixverse4j.simulator.SimJob;
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

/** {@code pixverse4j batch}, in-process, against a GMI simulator with a concurrency limit. */
class BatchCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path EXAMPLE =
      Paths.get("..", "examples", "batch.jsonl").toAbsolutePath().normalize();

  @TempDir Path dir;
  private final Map<String, String> env = new HashMap<>();
  private ProviderSimulator sim;
  private String stdout = "";
  private String stderr = "";

  @BeforeEach
  void realService() {
    env.put("PIXVERSE4J_HOME", dir.resolve("state").toString());
    sim = EmbeddedSimulators.start("gmi");
    sim.defaultLifecycle(Lifecycle.builder().queued(1, 1).running(50).succeeded());
    sim.concurrencyLimit(2);
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

  private Path input(String... lines) throws Exception {
    Path f = dir.resolve("items.jsonl");
    Files.write(f, String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
    return f;
  }

  private List<JsonNode> jsonLines() throws Exception {
    List<JsonNode> out = new ArrayList<>();
    for (String l : stdout.split("\n")) if (!l.isEmpty()) out.add(JSON.readTree(l));
    return out;
  }

  private String[] batch(Path file, String... extra) {
    List<String> a = new ArrayList<>();
    a.add("batch");
    a.add(file.toString());
    a.add("--provider");
    a.add("gmi");
    a.add("--base-url");
    a.add(sim.baseUrl());
    a.add("--output-dir");
    a.add(dir.resolve("videos").toString());
    a.add("--poll-interval");
    a.add("20ms");
    for (String e : extra) a.add(e);
    return a.toArray(new String[0]);
  }

  @Test
  @DisplayName(
      "the example file: every item saved as DIR/<id>.mp4, one job each, then resumed as done")
  void example() throws Exception {
    assertThat(run(batch(EXAMPLE, "--concurrency", "4"))).as(stderr).isZero();
    assertThat(stdout).contains("4 of 4 items delivered");
    for (String id : new String[] {"cat-smiles", "cat-jumps", "cat-720p", "4"}) {
      assertThat(dir.resolve("videos").resolve(id + ".mp4")).isRegularFile();
    }
    assertThat(sim.jobCount()).isEqualTo(4);
    for (SimJob j : sim.jobs()) assertThat(j.submitCount()).isEqualTo(1);
    assertThat(sim.peakConcurrentJobs()).isLessThanOrEqualTo(2);

    int submits = sim.requestCount("submit");
    assertThat(run(batch(EXAMPLE, "--json"))).as(stderr).isZero();
    assertThat(sim.requestCount("submit")).as("a second run sends nothing").isEqualTo(submits);
    List<JsonNode> lines = jsonLines();
    assertThat(lines).hasSize(5);
    assertThat(lines.get(4).get("event").asText()).isEqualTo("summary");
    assertThat(lines.get(4).get("outcomes").get("DELIVERED").asInt()).isEqualTo(4);
    for (JsonNode l : lines.subList(0, 4)) assertThat(l.get("fromEarlierRun").asBoolean()).isTrue();
  }

  @Test
  @DisplayName("the dry run accepts the example file and sends nothing")
  void dryRunOfExample() throws Exception {
    assertThat(run(batch(EXAMPLE, "--dry-run", "--json"))).as(stderr).isZero();
    assertThat(sim.requestCount("submit")).isZero();
    List<JsonNode> lines = jsonLines();
    assertThat(lines).hasSize(5);
    for (JsonNode l : lines.subList(0, 4))
      assertThat(l.get("outcome").asText()).isEqualTo("WOULD_SUBMIT");
    assertThat(lines.get(4).get("estimatedUsd").decimalValue()).isPositive();
  }

  @Test
  @DisplayName("invalid items are reported with their id and every problem; the others are made")
  void invalidItems() throws Exception {
    Path f =
        input(
            "{\"id\":\"ok\",\"image\":\"https://example.com/a.png\",\"prompt\":\"fine\"}",
            "not json",
            "{\"id\":\"bad\",\"image\":\"https://example.com/a.png\",\"prompt\":\"x\","
                + "\"duration\":999,\"quality\":\"4k\",\"colour\":\"red\"}",
            "",
            "{\"id\":\"../escape\",\"image\":\"https://example.com/a.png\",\"prompt\":\"x\"}");
    assertThat(run(batch(f, "--json"))).isEqualTo(1);
    Map<String, JsonNode> byId = new HashMap<>();
    for (JsonNode l : jsonLines()) if (l.has("id")) byId.put(l.get("id").asText(), l);
    assertThat(byId.get("ok").get("outcome").asText()).isEqualTo("DELIVERED");
    assertThat(byId.get("2").get("outcome").asText()).isEqualTo("INVALID");
    assertThat(byId.get("2").get("problems").get(0).asText()).contains("Line 2 is not JSON");
    String bad = byId.get("bad").get("problems").toString();
    assertThat(bad).contains("Unknown field 'colour'").contains("quality");
    assertThat(byId.get("5").get("problems").toString()).contains("cannot name a file");
    assertThat(sim.jobCount()).isEqualTo(1);
  }

  @Test
  @DisplayName("a budget stops items whose estimate would pass it")
  void budget() throws Exception {
    assertThat(run(batch(EXAMPLE, "--budget", "0.01", "--json"))).isEqualTo(1);
    List<JsonNode> lines = jsonLines();
    assertThat(lines.get(lines.size() - 1).get("outcomes").get("OVER_BUDGET").asInt()).isEqualTo(4);
    assertThat(sim.requestCount("submit")).isZero();
  }

  @Test
  @DisplayName("the budget uses --price-table before the published prices")
  void budgetWithOwnPrices() throws Exception {
    Path table = dir.resolve("prices.txt");
    Files.write(table, "provider=gmi 0.0001/s\n".getBytes(StandardCharsets.UTF_8));
    assertThat(run(batch(EXAMPLE, "--budget", "0.01", "--price-table", table.toString(), "--json")))
        .as(stderr)
        .isZero();
    List<JsonNode> lines = jsonLines();
    assertThat(lines.get(lines.size() - 1).get("outcomes").get("DELIVERED").asInt()).isEqualTo(4);
    assertThat(sim.jobs()).as("one job per item (refused submits make none)").hasSize(4);
  }

  @Test
  @DisplayName("tasks lists batch items grouped under their batch")
  void tasksGrouped() throws Exception {
    assertThat(run(batch(EXAMPLE))).as(stderr).isZero();
    assertThat(run("tasks", "--all")).isZero();
    assertThat(stdout).contains("Batch " + dir.resolve("videos").toAbsolutePath());
  }
}
