package io.github.pixverse4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pixverse4j.api.Violation;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Messages speak the command's language: option names, 2s-style durations, command-line advice. */
class MessagesTest {
  private static final Path CAT = Paths.get("..", "examples", "cat.png").toAbsolutePath().normalize();

  @TempDir Path dir;
  private final Map<String, String> env = new HashMap<>();
  private String stderr;

  private int run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = new Main(env::get, new PrintWriter(out, true), new PrintWriter(err, true), dir, false).execute(args);
    stderr = err.toString();
    return code;
  }

  @Test
  @DisplayName("durations read like the options take them: 2s, 20m, 1m30s, never PT2S")
  void durations() {
    assertThat(Durations.human(Duration.ofSeconds(2))).isEqualTo("2s");
    assertThat(Durations.human(Duration.ofMinutes(20))).isEqualTo("20m");
    assertThat(Durations.human(Duration.ofSeconds(90))).isEqualTo("1m30s");
    assertThat(Durations.human(Duration.ofMinutes(65))).isEqualTo("1h5m");
    assertThat(Durations.human(Duration.ofMillis(300))).isEqualTo("300ms");
    assertThat(Durations.human(Duration.ofMillis(1500))).isEqualTo("1.5s");
    assertThat(Durations.human(Duration.ZERO)).isEqualTo("0s");
    assertThat(Durations.humanizeIn("within PT20M, then PT0.3S or PT1M30S; PTA stays"))
        .isEqualTo("within 20m, then 300ms or 1m30s; PTA stays");
  }

  @Test
  @DisplayName("violations name options (--negative-prompt, --multi-clip), never request fields")
  void violationsNameOptions() {
    assertThat(Messages.describe(Violation.of("negativePrompt", "at most 2048 characters", "aaa",
        "The negativePrompt has 3000 characters; the limit for pixverse (v4.5) is 2048.")))
        .isEqualTo("The --negative-prompt has 3000 characters; the limit for pixverse (v4.5) is 2048.");
    assertThat(Messages.describe(Violation.of("multiClip", "not supported", "true",
        "multiClip is not supported for x (m); leave it unset.")))
        .isEqualTo("--multi-clip is not supported for x (m); leave out --multi-clip.");
    assertThat(Messages.describe(Violation.of("seed", "not supported", "1",
        "seed is not supported for x (m); leave it unset.")))
        .isEqualTo("--seed is not supported for x (m); leave out --seed.");
    assertThat(Messages.describe(Violation.of("duration", "not supported", "5 s",
        "This endpoint has no duration setting for x (m); leave duration unset.")))
        .isEqualTo("This endpoint has no duration setting for x (m); leave out --duration.");
    assertThat(Messages.describe(Violation.of("duration", "5 or 8 seconds", "7 s",
        "The duration must be 5 or 8 seconds for x (m), got 7 s.")))
        .isEqualTo("--duration: The duration must be 5 or 8 seconds for x (m), got 7s.");
  }

  @Test
  @DisplayName("an invalid request lists every problem in option names")
  void invalidRequestInOptionNames() {
    int code = run("generate", "--image", CAT.toString(), "--prompt", "hi", "--duration", "7",
        "--negative-prompt", "a".repeat(3000));
    assertThat(code).isEqualTo(2);
    assertThat(stderr).contains("--negative-prompt").contains("--duration").doesNotContain("negativePrompt");
  }

  @Test
  @DisplayName("validation errors come before the cost estimate (and before any simulator starts)")
  void validationBeforeEstimate() {
    assertThat(run("generate", "--provider", "gmi", "--image", "https://example.com/cat.png", "--prompt", "hi",
        "--duration", "99")).isEqualTo(2);
    assertThat(stderr).contains("--duration").doesNotContain("Estimated cost").doesNotContain("Simulating");
  }

  @Test
  @DisplayName("a bad token says to use the token printed by generate, not TaskHandle.token()")
  void tokenAdvice() {
    assertThat(run("status", "pv4j.1.xx")).isEqualTo(2);
    assertThat(stderr).contains("Use the token printed by generate").doesNotContain("TaskHandle");
  }
}
