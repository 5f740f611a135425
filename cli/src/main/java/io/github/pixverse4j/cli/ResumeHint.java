package io.github.pixverse4j.cli;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The command a message suggests for picking a task up again. A simulated task lives only in the
 * command that created it, so for it there is none and messages say that instead. A task in the
 * task journal is picked up with {@code resume}, which reaches the base URL and saves to the output
 * recorded at submit; one that is not is followed with {@code watch}, which is told both.
 */
final class ResumeHint {
  /** The command that follows a task again; the one place to change when that command changes. */
  static final String FOLLOW = "watch";

  /** The command that downloads a finished task's video. */
  static final String DOWNLOAD = "download";

  /** The command that continues a task recorded in the task journal. */
  static final String RESUME = "resume";

  private static final ResumeHint SIMULATED = new ResumeHint(true, null, false, null, true);

  private final boolean simulated;
  private final String baseUrl;
  private final boolean journaled;
  private final Path output;
  private final boolean followable;

  private ResumeHint(
      boolean simulated, String baseUrl, boolean journaled, Path output, boolean followable) {
    this.simulated = simulated;
    this.baseUrl = baseUrl;
    this.journaled = journaled;
    this.output = output;
    this.followable = followable;
  }

  /**
   * A task at a real service; {@code baseUrl} (may be null) is repeated in the suggested command.
   */
  static ResumeHint real(String baseUrl) {
    return new ResumeHint(false, baseUrl, false, null, true);
  }

  /** A task at a real service, recorded in the task journal when {@code journaled}. */
  static ResumeHint real(String baseUrl, boolean journaled) {
    return new ResumeHint(false, baseUrl, journaled, null, true);
  }

  static ResumeHint simulated() {
    return SIMULATED;
  }

  /** This hint for a task whose video goes to {@code output} (null: the default file name). */
  ResumeHint output(Path output) {
    return simulated ? this : new ResumeHint(false, baseUrl, journaled, output, followable);
  }

  /**
   * This hint for a task there is nothing more to follow of: the journal records its end (its video
   * saved, say), or the provider no longer knows it. No message then suggests following it.
   */
  ResumeHint ended() {
    return simulated ? this : new ResumeHint(false, baseUrl, journaled, output, false);
  }

  boolean isSimulated() {
    return simulated;
  }

  /**
   * {@code pixverse4j <verb> <token> [--base-url URL]}; empty for a simulated task. Following a
   * journaled task is {@code pixverse4j resume <token>}; following one that is not carries the
   * {@code --output} it was started with, so the video lands where the user asked.
   */
  Optional<String> command(String verb, String token) {
    if (simulated || token == null || (!followable && verb.equals(FOLLOW))) return Optional.empty();
    if (journaled && verb.equals(FOLLOW)) return Optional.of("pixverse4j " + RESUME + " " + token);
    return Optional.of(
        "pixverse4j "
            + verb
            + " "
            + token
            + (baseUrl == null ? "" : " --base-url " + baseUrl)
            + (output != null && verb.equals(FOLLOW)
                ? " --output " + quoted(output.toString())
                : ""));
  }

  private static String quoted(String path) {
    return path.matches("[A-Za-z0-9_./:@%+=,-]+") ? path : "'" + path.replace("'", "'\\''") + "'";
  }

  /**
   * A sentence ending a message about {@code token}: how to go on with {@code verb}, or why one
   * cannot.
   */
  String sentence(String verb, String token) {
    if (simulated) return "The simulated task ended with this command.";
    return command(verb, token).map(c -> "Resume with: " + c).orElse("");
  }
}
