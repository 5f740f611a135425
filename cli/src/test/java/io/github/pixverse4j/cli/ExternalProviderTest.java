package io.github.pixverse4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.cli.external.Acme;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A provider module from outside this repository, found through {@code ServiceLoader} on the class
 * path the command runs with (the launcher's extra jars), is listed, described and, when its module
 * registers a simulator, simulated like a built-in one.
 */
class ExternalProviderTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private final Map<String, String> env = new HashMap<>();
  private String stdout;
  private String stderr;

  @BeforeEach
  void journalHome() {
    env.put("PIXVERSE4J_HOME", dir.resolve("state").toString());
  }

  /** A class path entry holding only the registrations, as the provider's jar would. */
  private URL module(boolean withSimulator) throws Exception {
    Path root = dir.resolve(withSimulator ? "acme-with-simulator" : "acme-without-simulator");
    Path services = Files.createDirectories(root.resolve("META-INF/services"));
    Files.writeString(
        services.resolve("io.github.pixverse4j.client.VideoProviderFactory"),
        Acme.Factory.class.getName() + "\n");
    if (withSimulator) {
      Files.writeString(
          services.resolve("io.github.pixverse4j.simulator.SimulatorFactory"),
          Acme.SimFactory.class.getName() + "\n");
    }
    return root.toUri().toURL();
  }

  /**
   * Runs the command with {@code module} on its class path, as {@code PIXVERSE4J_CLASSPATH} puts it
   * there.
   */
  private int run(URL module, String... args) throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Thread thread = Thread.currentThread();
    ClassLoader before = thread.getContextClassLoader();
    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {module}, getClass().getClassLoader())) {
      thread.setContextClassLoader(loader);
      int code =
          new Main(env::get, new PrintWriter(out, true), new PrintWriter(err, true), dir, false)
              .execute(args);
      stdout = out.toString();
      stderr = err.toString();
      return code;
    } finally {
      thread.setContextClassLoader(before);
    }
  }

  private List<JsonNode> jsonLines() throws Exception {
    List<JsonNode> lines = new ArrayList<>();
    for (String line : stdout.split("\n")) if (!line.isBlank()) lines.add(JSON.readTree(line));
    return lines;
  }

  @Test
  @DisplayName(
      "providers lists the external provider after the built-in ones, with its key variable and"
          + " simulator")
  void listed() throws Exception {
    assertThat(run(module(true), "providers", "--json")).as(stderr).isZero();
    List<JsonNode> lines = jsonLines();
    assertThat(lines)
        .extracting(n -> n.get("id").asText())
        .containsExactly(
            "odirouter", "highway", "myrouter", "gmi", "pixverse", "wavespeed", "fal", "acme");
    JsonNode acme = lines.get(7);
    assertThat(acme.get("name").asText()).isEqualTo("Acme Video (a third-party module)");
    assertThat(acme.get("apiKeyVariable").asText()).isEqualTo("ACME_API_KEY");
    assertThat(acme.get("simulator").asBoolean()).isTrue();
    assertThat(lines.get(0).get("simulator").asBoolean()).isTrue();
    assertThat(run(module(true), "--help")).isZero();
    assertThat(stdout).contains("FAL_KEY, ACME_API_KEY.");
  }

  @Test
  @DisplayName("--simulate runs the external provider against the simulator its module registers")
  void simulated() throws Exception {
    int code =
        run(
            module(true),
            "generate",
            "--provider",
            "acme",
            "--simulate",
            "--image",
            "https://example.com/cat.png",
            "--prompt",
            "a cat",
            "--no-download",
            "--json");
    assertThat(code).as("stderr: %s", stderr).isZero();
    assertThat(stderr).contains("Simulating acme in-process (--simulate was given)");
    List<JsonNode> lines = jsonLines();
    JsonNode last = lines.get(lines.size() - 1);
    assertThat(last.get("state").asText()).isEqualTo("SUCCEEDED");
    assertThat(TaskHandle.parse(last.get("task").asText()).providerId()).isEqualTo("acme");
  }

  @Test
  @DisplayName(
      "without a registered simulator, a keyless run says it cannot simulate and how to use the"
          + " real service")
  void noSimulator() throws Exception {
    int code =
        run(
            module(false),
            "generate",
            "--provider",
            "acme",
            "--image",
            "https://example.com/cat.png",
            "--prompt",
            "a cat",
            "--no-download");
    assertThat(code).isEqualTo(2);
    assertThat(stderr)
        .contains(
            "Cannot simulate acme (ACME_API_KEY is not set): its module registers no simulator")
        .contains("set ACME_API_KEY")
        .doesNotContain("Simulating")
        .as("--simulate was not given")
        .doesNotContain("--simulate");
    assertThat(run(module(false), "providers")).isZero();
    assertThat(stdout).contains("key ACME_API_KEY (not set, and no simulator)");
  }

  @Test
  @DisplayName(
      "a misspelt nested class in a provider jar's services files is skipped with one warning;"
          + " every command still works")
  void misspeltServicesEntry() throws Exception {
    Path root = dir.resolve("zeta-typo");
    Path services = Files.createDirectories(root.resolve("META-INF/services"));
    Files.writeString(
        services.resolve("io.github.pixverse4j.client.VideoProviderFactory"),
        "com.example.zeta.ZetaProvider.Factory\n" + Acme.Factory.class.getName() + "\n");
    Files.writeString(
        services.resolve("io.github.pixverse4j.simulator.SimulatorFactory"),
        "com.example.zeta.ZetaSimulator.Factory\n");
    URL module = root.toUri().toURL();
    assertThat(run(module, "providers", "--json")).as(stderr).isZero();
    assertThat(jsonLines())
        .extracting(n -> n.get("id").asText())
        .containsExactly(
            "odirouter", "highway", "myrouter", "gmi", "pixverse", "wavespeed", "fal", "acme");
    assertThat(stderr.lines().filter(l -> l.startsWith("pixverse4j: ignoring")))
        .containsExactly(
            "pixverse4j: ignoring provider entry com.example.zeta.ZetaProvider.Factory (in"
                + " META-INF/services/io.github.pixverse4j.client.VideoProviderFactory): class not"
                + " found (a nested class is written Outer$Inner)",
            "pixverse4j: ignoring simulator entry com.example.zeta.ZetaSimulator.Factory (in"
                + " META-INF/services/io.github.pixverse4j.simulator.SimulatorFactory): class not"
                + " found (a nested class is written Outer$Inner)");
    assertThat(stderr).doesNotContain("ServiceConfigurationError").doesNotContain("Interrupted");
    int code =
        run(
            module,
            "generate",
            "--provider",
            "gmi",
            "--simulate",
            "--image",
            "https://example.com/cat.png",
            "--prompt",
            "a cat",
            "--no-download",
            "--json");
    assertThat(code).as(stderr).isZero();
    List<JsonNode> lines = jsonLines();
    assertThat(lines.get(lines.size() - 1).get("state").asText()).isEqualTo("SUCCEEDED");
  }
}
