package io.github.pixverse4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pixverse4j.api.ProviderCapabilities;
import io.github.pixverse4j.client.VideoProviderFactory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** --help explains every option, with its default and, where providers differ, each one's range. */
class HelpTest {
  private final Map<String, String> env = new HashMap<>();
  private String stdout;
  private String stderr;

  private int run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        new Main(
                env::get,
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                Paths.get(""),
                false)
            .execute(args);
    stdout = out.toString().replaceAll("\\s+", " ");
    stderr = err.toString();
    return code;
  }

  private static CommandLine model() {
    StringWriter sink = new StringWriter();
    return new Main(n -> null, new PrintWriter(sink), new PrintWriter(sink), Paths.get(""), false)
        .commandLine();
  }

  @Test
  @DisplayName(
      "every visible option of every command has a description, and each value option names its"
          + " default")
  void everyOptionExplained() {
    for (Map.Entry<String, CommandLine> c : model().getSubcommands().entrySet()) {
      for (OptionSpec o : c.getValue().getCommandSpec().options()) {
        if (o.hidden() || o.usageHelp() || o.versionHelp()) continue;
        String text = String.join(" ", o.description());
        assertThat(text).as("%s %s", c.getKey(), o.longestName()).isNotBlank();
        if (!o.required()) {
          assertThat(text)
              .as("%s %s names its default", c.getKey(), o.longestName())
              .contains("Default");
        }
      }
    }
  }

  @Test
  @DisplayName(
      "generate --help gives each provider's duration range, qualities, prompt limit and defaults")
  void perProviderRanges() {
    assertThat(run("generate", "--help")).isZero();
    for (VideoProviderFactory f : Connection.factories()) {
      ProviderCapabilities c = f.capabilities();
      assertThat(stdout).as(f.id()).containsPattern(f.id() + "[^;.]*: " + c.describeDurations());
      assertThat(stdout)
          .as(f.id())
          .containsPattern(f.id() + "[^;.]*: " + c.maxPromptLength() + " characters");
    }
    assertThat(stdout)
        .contains("myrouter: not selectable")
        .contains("pixverse: 5 or 8 seconds")
        .contains("Default: 20m")
        .contains("0 to 2147483647");
  }

  @Test
  @DisplayName(
      "status and cancel offer only what does something for them: no --timeout, --simulate,"
          + " --output")
  void commandsOfferOnlyUsefulOptions() {
    CommandLine cl = model();
    assertThat(names(cl, "status"))
        .doesNotContain("--timeout", "--simulate", "--output", "--poll-interval")
        .contains("--base-url", "--json");
    assertThat(names(cl, "cancel")).doesNotContain("--timeout", "--simulate", "--output");
    assertThat(names(cl, "download"))
        .doesNotContain("--timeout", "--simulate")
        .contains("--output", "--force");
    assertThat(names(cl, "watch")).doesNotContain("--simulate").contains("--timeout", "--output");
    assertThat(names(cl, "generate")).contains("--simulate", "--timeout", "--duration", "--seed");
    assertThat(run("status", "pv4j.1.x.y.z", "--timeout", "5s")).isEqualTo(2);
    assertThat(stderr).contains("Unknown option").contains("'--timeout'");
  }

  @Test
  @DisplayName(
      "extend is listed by --help and offers generate's options where they apply, not --image or"
          + " --audio")
  void extendHelp() {
    assertThat(run("--help")).isZero();
    assertThat(stdout).contains("extend Continue a video with a prompt");
    assertThat(run("extend", "--help")).isZero();
    assertThat(stdout).contains("--video=TOKEN|FILE|URL").contains("pixverse: 5 or 8 seconds");
    assertThat(names(model(), "extend"))
        .contains(
            "--prompt",
            "--prompt-file",
            "--provider",
            "--base-url",
            "--duration",
            "--quality",
            "--model",
            "--seed",
            "--negative-prompt",
            "--output",
            "--json",
            "--timeout",
            "--simulate",
            "--no-download")
        .doesNotContain("--image", "--audio", "--multi-clip");
  }

  @Test
  @DisplayName(
      "a task command without the provider's key says so instead of asking a simulator that cannot"
          + " know the task")
  void taskCommandNeedsTheKey() {
    String token = io.github.pixverse4j.api.TaskHandle.of("gmi", "pixverse-v6-i2v", "abc").token();
    assertThat(run("status", token)).isEqualTo(3);
    assertThat(stderr).contains("GMI_API_KEY is not set").doesNotContain("Simulating");
  }

  private static Set<String> names(CommandLine cl, String command) {
    Set<String> names = new TreeSet<>();
    for (OptionSpec o : cl.getSubcommands().get(command).getCommandSpec().options())
      names.add(o.longestName());
    return names;
  }
}
