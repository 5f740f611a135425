package io.github.pixverse4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pixverse4j.api.ImageInput;
import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.api.ProviderCapabilities;
import io.github.pixverse4j.api.VideoApiException;
import io.github.pixverse4j.api.Violation;
import io.github.pixverse4j.client.http.HttpErrors;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import okhttp3.Headers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Messages speak the command's language: option names, 2s-style durations, command-line advice. */
class MessagesTest {
  private static final Path CAT =
      Paths.get("..", "examples", "cat.png").toAbsolutePath().normalize();

  @TempDir Path dir;
  private final Map<String, String> env = new HashMap<>();
  private String stderr;

  private int run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        new Main(env::get, new PrintWriter(out, true), new PrintWriter(err, true), dir, false)
            .execute(args);
    stderr = err.toString();
    return code;
  }

  @Test
  @DisplayName("durations read like the options take them: 2s, 20m, 1m30s, never PT2S")
  void durations() {
    // The format itself (2s, 20m, 1m30s, 1h5m, 300ms, 1.5s, 0s) is DurationTextTest's; here the
    // library's own messages, printed as they are (no rewriting in the command).
    VideoApiException rateLimited =
        HttpErrors.fromResponse("gmi", 429, Headers.of("Retry-After", "90"), null, null, null);
    assertThat(Messages.of(rateLimited, ResumeHint.simulated(), Duration.ofMinutes(20)))
        .contains("(it asked to wait 1m30s)")
        .doesNotContain("PT");
    Violation seconds =
        ProviderCapabilities.builder()
            .providerId("x")
            .model("m")
            .maxPromptLength(10)
            .durationRange(5, 8)
            .addImageKinds(ImageInput.Kind.URL)
            .build()
            .validate(
                ImageToVideoRequest.builder()
                    .image(ImageInput.url("https://e.com/a.png"))
                    .prompt("hi")
                    .duration(Duration.ofMillis(5500))
                    .build())
            .get(0);
    assertThat(Messages.describe(seconds))
        .isEqualTo(
            "--duration: The duration must be a whole number of seconds for x (m), got 5.5s.");
  }

  @Test
  @DisplayName("violations name options (--negative-prompt, --multi-clip), never request fields")
  void violationsNameOptions() {
    assertThat(
            Messages.describe(
                Violation.of(
                    "negativePrompt",
                    "at most 2048 characters",
                    "aaa",
                    "The negativePrompt has 3000 characters; the limit for pixverse (v4.5) is"
                        + " 2048.")))
        .isEqualTo(
            "The --negative-prompt has 3000 characters; the limit for pixverse (v4.5) is 2048.");
    assertThat(
            Messages.describe(
                Violation.of(
                    "multiClip",
                    "not supported",
                    "true",
                    "multiClip is not supported for x (m); leave it unset.")))
        .isEqualTo("--multi-clip is not supported for x (m); leave out --multi-clip.");
    assertThat(
            Messages.describe(
                Violation.of(
                    "seed",
                    "not supported",
                    "1",
                    "seed is not supported for x (m); leave it unset.")))
        .isEqualTo("--seed is not supported for x (m); leave out --seed.");
    assertThat(
            Messages.describe(
                Violation.of(
                    "duration",
                    "not supported",
                    "5s",
                    "This endpoint has no duration setting for x (m); leave duration unset.")))
        .isEqualTo("This endpoint has no duration setting for x (m); leave out --duration.");
    assertThat(
            Messages.describe(
                Violation.of(
                    "duration",
                    "5 or 8 seconds",
                    "7s",
                    "The duration must be 5 or 8 seconds for x (m), got 7s.")))
        .isEqualTo("--duration: The duration must be 5 or 8 seconds for x (m), got 7s.");
  }

  @Test
  @DisplayName("an invalid request lists every problem in option names")
  void invalidRequestInOptionNames() {
    int code =
        run(
            "generate",
            "--image",
            CAT.toString(),
            "--prompt",
            "hi",
            "--duration",
            "7",
            "--negative-prompt",
            "a".repeat(3000));
    assertThat(code).isEqualTo(2);
    assertThat(stderr)
        .contains("--negative-prompt")
        .contains("--duration")
        .doesNotContain("negativePrompt");
  }

  @Test
  @DisplayName("validation errors come before the cost estimate (and before any simulator starts)")
  void validationBeforeEstimate() {
    assertThat(
            run(
                "generate",
                "--provider",
                "gmi",
                "--image",
                "https://example.com/cat.png",
                "--prompt",
                "hi",
                "--duration",
                "99"))
        .isEqualTo(2);
    assertThat(stderr)
        .contains("--duration")
        .doesNotContain("Estimated cost")
        .doesNotContain("Simulating");
  }

  @Test
  @DisplayName("a bad token says to use the token printed by generate, not TaskHandle.token()")
  void tokenAdvice() {
    assertThat(run("status", "pv4j.1.xx")).isEqualTo(2);
    assertThat(stderr).contains("Use the token printed by generate").doesNotContain("TaskHandle");
  }
}
