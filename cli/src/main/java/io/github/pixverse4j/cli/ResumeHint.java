package io.github.pixverse4j.cli;

import java.util.Optional;

/**
 * The command a message suggests for picking a task up again. A simulated task lives only in the
 * command that created it, so for it there is none and messages say that instead.
 */
final class ResumeHint {
  /** The command that follows a task again; the one place to change when that command changes. */
  static final String FOLLOW = "watch";
  /** The command that downloads a finished task's video. */
  static final String DOWNLOAD = "download";

  private static final ResumeHint SIMULATED = new ResumeHint(true, null);

  private final boolean simulated;
  private final String baseUrl;

  private ResumeHint(boolean simulated, String baseUrl) {
    this.simulated = simulated;
    this.baseUrl = baseUrl;
  }

  /** A task at a real service; {@code baseUrl} (may be null) is repeated in the suggested command. */
  static ResumeHint real(String baseUrl) {
    return new ResumeHint(false, baseUrl);
  }

  static ResumeHint simulated() {
    return SIMULATED;
  }

  boolean isSimulated() {
    return simulated;
  }

  /** {@code pixverse4j <verb> <token> [--base-url URL]}; empty for a simulated task. */
  Optional<String> command(String verb, String token) {
    if (simulated || token == null) return Optional.empty();
    return Optional.of("pixverse4j " + verb + " " + token + (baseUrl == null ? "" : " --base-url " + baseUrl));
  }

  /** A sentence ending a message about {@code token}: how to go on with {@code verb}, or why one cannot. */
  String sentence(String verb, String token) {
    if (simulated) return "The simulated task ended with this command.";
    return command(verb, token).map(c -> "Resume with: " + c).orElse("");
  }
}
