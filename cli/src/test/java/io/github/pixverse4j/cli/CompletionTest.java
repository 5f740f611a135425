package io.github.pixverse4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The completion script comes from the command model and completes in a real bash. */
class CompletionTest {
  @TempDir Path dir;
  private Path script;

  @BeforeEach
  void generate() throws Exception {
    StringWriter out = new StringWriter();
    int code =
        new Main(
                n -> null,
                new PrintWriter(out, true),
                new PrintWriter(new StringWriter(), true),
                Paths.get(""),
                false)
            .execute("completion");
    assertThat(code).isZero();
    script = dir.resolve("pixverse4j.bash");
    Files.writeString(script, out.toString());
  }

  /** What bash offers after {@code line} (the cursor at its end). */
  private String complete(String line) throws Exception {
    assumeTrue(
        new File("/bin/bash").canExecute() || new File("/usr/bin/bash").canExecute(), "needs bash");
    String words = line.endsWith(" ") ? line + "''" : line;
    String program =
        "source '"
            + script
            + "' 2>/dev/null; COMP_LINE='"
            + line
            + "'; COMP_POINT=${#COMP_LINE};"
            + " COMP_WORDS=("
            + words
            + "); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ));"
            + " _complete_pixverse4j 2>/dev/null; echo \"${COMPREPLY[*]}\"";
    Process p = new ProcessBuilder("bash", "-c", program).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return out;
  }

  @Test
  @DisplayName("commands, options and provider ids complete; a command offers only its own options")
  void completes() throws Exception {
    assertThat(complete("pixverse4j gen")).isEqualTo("generate");
    assertThat(complete("pixverse4j st")).isEqualTo("status");
    assertThat(complete("pixverse4j generate --dur")).isEqualTo("--duration");
    assertThat(complete("pixverse4j generate --provider g")).isEqualTo("gmi");
    assertThat(complete("pixverse4j status --ti")).isEmpty();
    assertThat(complete("pixverse4j watch --ti")).isEqualTo("--timeout");
    assertThat(complete("pixverse4j ext")).isEqualTo("extend");
    assertThat(complete("pixverse4j extend --vi")).isEqualTo("--video");
    assertThat(complete("pixverse4j extend --provider p")).isEqualTo("pixverse");
  }

  @Test
  @DisplayName("the script is valid bash and registers the pixverse4j command")
  void validScript() throws Exception {
    assumeTrue(
        new File("/bin/bash").canExecute() || new File("/usr/bin/bash").canExecute(), "needs bash");
    Process p =
        new ProcessBuilder("bash", "-n", script.toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(Files.readString(script)).contains("complete -F _complete_pixverse4j");
  }
}
