package io.github.pixverse4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Paths;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command documents its own exit codes, and the codes follow the documented table. */
class ExitCodesTest {
  private static CommandLine model() {
    StringWriter sink = new StringWriter();
    Main main =
        new Main(name -> null, new PrintWriter(sink), new PrintWriter(sink), Paths.get(""), false);
    return main.commandLine();
  }

  private static String help(CommandLine cl) {
    return cl.getUsageMessage(CommandLine.Help.Ansi.OFF);
  }

  @Test
  @DisplayName("every command declares its exit codes, listed under 'Exit codes:' in its --help")
  void everyCommandHasItsOwnList() {
    for (Map.Entry<String, CommandLine> e : model().getSubcommands().entrySet()) {
      CommandLine.Model.UsageMessageSpec usage = e.getValue().getCommandSpec().usageMessage();
      assertThat(usage.exitCodeList())
          .as(
              "command %s must declare exitCodeList (entries from ExitCodes) in its @Command",
              e.getKey())
          .isNotEmpty();
      assertThat(help(e.getValue())).as(e.getKey()).contains("Exit codes:");
    }
  }

  @Test
  @DisplayName(
      "issue 24 #14: every command's help lists exit code 2, which a command line it cannot read"
          + " gives")
  void everyCommandListsUsage() {
    for (Map.Entry<String, CommandLine> e : model().getSubcommands().entrySet()) {
      assertThat(help(e.getValue())).as(e.getKey()).containsPattern("\\n +2 +usage error");
    }
    StringWriter sink = new StringWriter();
    assertThat(
            new Main(n -> null, new PrintWriter(sink), new PrintWriter(sink), Paths.get(""), false)
                .execute("providers", "--bogus"))
        .isEqualTo(ExitCodes.USAGE);
    String row =
        java.util.Arrays.stream(readDocs().split("\n"))
            .filter(l -> l.startsWith("| 2 |"))
            .findFirst()
            .orElseThrow();
    assertThat(row).as("docs/cli.md's exit-code table").doesNotContain("all but");
  }

  private static String readDocs() {
    try {
      return java.nio.file.Files.readString(Paths.get("..", "docs", "cli.md"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  @DisplayName(
      "only generate and watch promise a generated video; status, cancel and download say what they"
          + " do")
  void listsFitTheirCommand() {
    Map<String, CommandLine> sub = model().getSubcommands();
    assertThat(help(sub.get("generate"))).contains("video generated").contains("timed out");
    assertThat(help(sub.get("watch"))).contains("video generated");
    assertThat(help(sub.get("status")))
        .doesNotContain("video generated")
        .contains("status printed")
        .doesNotContain("timed out");
    assertThat(help(sub.get("cancel")))
        .doesNotContain("video generated")
        .contains("cancellation requested");
    assertThat(help(sub.get("download")))
        .doesNotContain("video generated")
        .contains("video downloaded");
    assertThat(help(sub.get("providers"))).doesNotContain("video generated");
  }

  @Test
  @DisplayName("a usage-type error after a task exists is exit 1: exit 2 promises nothing was sent")
  void usageAfterTheTaskExistsIsOther() {
    assertThat(ExitCodes.forError(new IllegalArgumentException("x"), false))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(ExitCodes.forError(new IllegalArgumentException("x"), true))
        .isEqualTo(ExitCodes.OTHER);
  }
}
