package io.github.pixverse4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Cost estimates on the command line (docs/pricing.md): generate and extend print one before
 * sending, from published prices, the user's {@code --price-table} or neither; {@code providers}
 * lists them; a bad table or credit price stops the command before anything is sent.
 */
class PriceCliTest {
  private static final Path CAT =
      Paths.get("..", "examples", "cat.png").toAbsolutePath().normalize();
  private static final String IMAGE_URL = "https://example.com/images/cat.png";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private final Map<String, String> env = new HashMap<>();
  private String stdout = "";
  private String stderr = "";

  @BeforeEach
  void journalHome() {
    env.put("PIXVERSE4J_HOME", dir.resolve("state").toString());
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

  private Path table(String name, String text) throws Exception {
    return Files.write(dir.resolve(name), text.getBytes(StandardCharsets.UTF_8));
  }

  private static String[] generate(String provider, String image, String... extra) {
    List<String> a =
        new ArrayList<>(
            List.of(
                "generate",
                "--provider",
                provider,
                "--simulate",
                "--image",
                image,
                "--prompt",
                "the cat turns its head",
                "--poll-interval",
                "20ms",
                "--no-download"));
    a.addAll(List.of(extra));
    return a.toArray(new String[0]);
  }

  @Test
  @DisplayName("generate on pixverse shows credits and dollars; --credit-price changes the dollars")
  void pixverseCredits() {
    assertThat(run(generate("pixverse", CAT.toString(), "--quality", "720p", "--duration", "8")))
        .as(stderr)
        .isZero();
    assertThat(stderr)
        .contains(
            "Estimated cost at pixverse's published prices (as of 2026-12-05): 120 credits ="
                + " 1.20 USD at 0.01 USD per credit (simulated: nothing is charged)");
    assertThat(
            run(
                generate(
                    "pixverse", CAT.toString(), "--quality", "720p", "--credit-price", "0.008")))
        .as(stderr)
        .isZero();
    assertThat(stderr).contains(": 60 credits = 0.48 USD at 0.008 USD per credit (simulated");
    env.put(PriceOptions.CREDIT_PRICE_VARIABLE, "0.005");
    assertThat(run(generate("pixverse", CAT.toString(), "--quality", "720p"))).isZero();
    assertThat(stderr).contains(": 60 credits = 0.30 USD at 0.005 USD per credit");
  }

  @Test
  @DisplayName("generate on gmi keeps its published USD estimate, with the prices' date")
  void gmiUsd() {
    assertThat(run(generate("gmi", IMAGE_URL, "--duration", "8", "--quality", "1080p", "--audio")))
        .as(stderr)
        .isZero();
    assertThat(stderr)
        .contains(
            "Estimated cost at gmi's published prices (as of 2026-06-05): 0.92 USD (simulated:"
                + " nothing is charged)");
  }

  @Test
  @DisplayName(
      "a host without published prices says how to get an estimate; --price-table (or its"
          + " variable) gives one")
  void userTable() throws Exception {
    assertThat(run(generate("odirouter", IMAGE_URL))).as(stderr).isZero();
    assertThat(stderr)
        .contains(
            "No cost estimate: odirouter publishes no prices; give your own with --price-table"
                + " FILE (docs/pricing.md)")
        .doesNotContain("Estimated cost");
    table(
        "prices.txt",
        "# my invoice\nprovider=odirouter 0.05/s\nprovider=odirouter quality=1080p 0.09/s\n");
    assertThat(
            run(
                generate(
                    "odirouter",
                    IMAGE_URL,
                    "--price-table",
                    "prices.txt",
                    "--quality",
                    "1080p",
                    "--duration",
                    "10")))
        .as(stderr)
        .isZero();
    assertThat(stderr)
        .contains(
            "Estimated cost at the prices in prices.txt (line 3): 0.90 USD (simulated: nothing is"
                + " charged)");
    env.put(PriceOptions.TABLE_VARIABLE, dir.resolve("prices.txt").toString());
    assertThat(run(generate("odirouter", IMAGE_URL, "--duration", "4"))).isZero();
    assertThat(stderr).contains("Estimated cost at the prices in prices.txt (line 2): 0.20 USD");
  }

  @Test
  @DisplayName(
      "a bad price table or credit price is a usage error naming the line, before anything runs")
  void badSettings() throws Exception {
    table("bad.txt", "quality=720p 0.05/s\nqualty=1080p 0.09/s\n");
    assertThat(run(generate("odirouter", IMAGE_URL, "--price-table", "bad.txt"))).isEqualTo(2);
    assertThat(stderr)
        .contains("bad.txt line 2: unknown condition 'qualty'")
        .doesNotContain("Simulating")
        .doesNotContain("Task:");
    assertThat(run(generate("pixverse", CAT.toString(), "--credit-price", "abc"))).isEqualTo(2);
    assertThat(stderr)
        .contains(
            "--credit-price takes the US dollars one credit costs, a number above 0 such as"
                + " 0.008, not 'abc'")
        .doesNotContain("Task:");
    assertThat(run(generate("gmi", IMAGE_URL, "--price-table", "missing.txt"))).isEqualTo(2);
    assertThat(stderr).contains("--price-table missing.txt: no such file");
    env.put(PriceOptions.TABLE_VARIABLE, "missing.txt");
    assertThat(run("providers")).isEqualTo(2);
    assertThat(stderr).contains("$PIXVERSE4J_PRICE_TABLE missing.txt: no such file");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"fal", "odirouter", "wavespeed"})
  @DisplayName(
      "a per-second rate of the user's table for a host without a default length asks for"
          + " --duration, and prices it when given")
  void perSecondWithoutDefaultLength(String provider) throws Exception {
    table("mine.txt", "provider=" + provider + " 0.07/s\n");
    assertThat(run(generate(provider, IMAGE_URL, "--price-table", "mine.txt"))).as(stderr).isZero();
    assertThat(stderr)
        .contains(
            "No cost estimate: your price table (mine.txt line 1) prices "
                + provider
                + " per second, but "
                + provider
                + " does not say how long a video is when --duration is unset; give --duration"
                + " SECONDS (docs/pricing.md)")
        .doesNotContain("publishes no prices");
    assertThat(run(generate(provider, IMAGE_URL, "--price-table", "mine.txt", "--duration", "4")))
        .as(stderr)
        .isZero();
    assertThat(stderr).contains("Estimated cost at the prices in mine.txt (line 1): 0.28 USD");
  }

  @Test
  @DisplayName(
      "myrouter takes no duration: a per-second rate asks for a per-video one, which prices it")
  void myrouterFixedLength() throws Exception {
    table("mine.txt", "provider=myrouter 0.05/s\n");
    assertThat(run(generate("myrouter", IMAGE_URL, "--price-table", "mine.txt")))
        .as(stderr)
        .isZero();
    assertThat(stderr)
        .contains(
            "No cost estimate: your price table (mine.txt line 1) prices myrouter per second, but"
                + " myrouter does not say how long its videos are and takes no --duration; price"
                + " it per video instead (provider=myrouter AMOUNT/video; docs/pricing.md)");
    table("video.txt", "provider=myrouter 0.45/video\n");
    assertThat(run(generate("myrouter", IMAGE_URL, "--price-table", "video.txt"))).isZero();
    assertThat(stderr).contains("Estimated cost at the prices in video.txt (line 1): 0.45 USD");
  }

  @Test
  @DisplayName("a table without a rate for the provider says so, not that none was given")
  void tableWithoutRate() throws Exception {
    table("mine.txt", "provider=odirouter quality=1080p 0.09/s\n");
    assertThat(run(generate("highway", IMAGE_URL, "--price-table", "mine.txt")))
        .as(stderr)
        .isZero();
    assertThat(stderr)
        .contains(
            "No cost estimate: your price table (mine.txt) has no rate for highway and highway"
                + " publishes no prices; add one such as 'provider=highway 0.05/s'");
    assertThat(
            run(generate("odirouter", IMAGE_URL, "--price-table", "mine.txt", "--duration", "5")))
        .isZero();
    assertThat(stderr)
        .contains(
            "No cost estimate: your price table (mine.txt) has no rate for odirouter matching"
                + " these settings and odirouter publishes no prices");
  }

  @Test
  @DisplayName(
      "a rate for an unknown provider is warned about, naming the known ones; a UTF-16 table is"
          + " refused as not UTF-8")
  void tableMistakes() throws Exception {
    table("mine.txt", "provider=nosuch 1/s\nprovider=odirouter 0.05/s\nprovider=nosuch2 2/s\n");
    assertThat(
            run(generate("odirouter", IMAGE_URL, "--price-table", "mine.txt", "--duration", "2")))
        .as(stderr)
        .isZero();
    assertThat(stderr)
        .contains("Warning: mine.txt line 1: no provider 'nosuch' (known: ")
        .contains("odirouter, ")
        .contains("); this rate is never used")
        .contains("Estimated cost at the prices in mine.txt (line 2): 0.10 USD");
    assertThat(stderr.indexOf("'nosuch'")).isLessThan(stderr.indexOf("'nosuch2'"));
    Files.write(
        dir.resolve("utf16.txt"),
        "\uFEFFprovider=odirouter 0.05/s\n".getBytes(StandardCharsets.UTF_16LE));
    assertThat(run(generate("odirouter", IMAGE_URL, "--price-table", "utf16.txt"))).isEqualTo(2);
    assertThat(stderr)
        .contains("utf16.txt line 1: not UTF-8 (it starts with the bytes FF FE")
        .doesNotContain("unknown condition")
        .doesNotContain("Task:");
  }

  @Test
  @DisplayName("extend prints its estimate before sending, as generate does")
  void extendEstimate() throws Exception {
    byte[] mp4;
    try (ProviderSimulator sim = EmbeddedSimulators.start("pixverse")) {
      mp4 = sim.mediaBytes();
    }
    Files.write(dir.resolve("clip.mp4"), mp4);
    assertThat(
            run(
                "extend",
                "--provider",
                "pixverse",
                "--simulate",
                "--video",
                "clip.mp4",
                "--prompt",
                "the cat jumps",
                "--quality",
                "1080p",
                "--poll-interval",
                "20ms",
                "--no-download"))
        .as(stderr)
        .isZero();
    assertThat(stderr)
        .contains(
            "Estimated cost at pixverse's published prices (as of 2026-12-05): 120 credits ="
                + " 1.20 USD at 0.01 USD per credit (simulated: nothing is charged)");
    assertThat(stderr.indexOf("Estimated cost")).isLessThan(stderr.indexOf("Task:"));
  }

  @Test
  @DisplayName(
      "providers lists published prices, the user's table for the providers it covers, or how to"
          + " set one")
  void providers() throws Exception {
    assertThat(run("providers")).as(stderr).isZero();
    assertThat(stdout)
        .contains("price: no published prices: set --price-table (docs/pricing.md)")
        .contains("price credits (0.01 USD each): v6 per second of video: 360p 5 (7 with audio)")
        .contains("price USD per second of video: 360p 0.025 (0.035 with audio)");
    table("prices.txt", "source my invoice\nprovider=odirouter quality=720p 0.05/s\n");
    assertThat(run("providers", "--price-table", "prices.txt", "--credit-price", "0.008"))
        .as(stderr)
        .isZero();
    assertThat(stdout)
        .contains(
            "your price (my invoice, used first) USD odirouter per second of video: 720p 0.05")
        .contains("price credits (0.008 USD each): v6 per second of video: 360p 5 (7 with audio)")
        .contains("; at your --credit-price (packs: 0.01 USD each)")
        .doesNotContain("(0.01 USD each): v6");
    String odirouter = stdout.substring(stdout.indexOf("odirouter "), stdout.indexOf("highway "));
    assertThat(odirouter).doesNotContain("no published prices");
    assertThat(run("providers", "--json", "--price-table", "prices.txt")).isZero();
    Map<String, JsonNode> byId = new HashMap<>();
    for (String line : stdout.split("\n")) {
      JsonNode n = JSON.readTree(line);
      byId.put(n.get("id").asText(), n);
    }
    assertThat(byId.get("odirouter").get("pricesPublished").asBoolean()).isFalse();
    assertThat(byId.get("odirouter").get("yourPrice").asText()).contains("720p 0.05");
    assertThat(byId.get("highway").has("yourPrice")).isFalse();
    assertThat(byId.get("pixverse").get("pricesPublished").asBoolean()).isTrue();
    assertThat(byId.get("pixverse").get("price").asText()).contains("v4.5/v4/v3.5 per video");
  }
}
