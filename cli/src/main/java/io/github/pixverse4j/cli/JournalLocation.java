package io.github.pixverse4j.cli;

import io.github.pixverse4j.client.journal.FileTaskJournal;
import io.github.pixverse4j.client.journal.JournalException;
import io.github.pixverse4j.client.journal.TaskJournal;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Where the command keeps its task journal: {@code $PIXVERSE4J_HOME}, else {@code
 * $XDG_STATE_HOME/pixverse4j}, else {@code ~/.local/state/pixverse4j} (the XDG base directory
 * specification's place for state that outlives a run but is not configuration).
 */
final class JournalLocation {
  static final String HOME_VARIABLE = "PIXVERSE4J_HOME";

  private JournalLocation() {}

  static Path directory(Env env) {
    String home = env.get(HOME_VARIABLE);
    if (home != null && !home.trim().isEmpty()) return Paths.get(home.trim()).toAbsolutePath();
    String state = env.get("XDG_STATE_HOME");
    // The XDG specification says a relative value is invalid and must be ignored.
    if (state != null && !state.trim().isEmpty() && Paths.get(state.trim()).isAbsolute()) {
      return Paths.get(state.trim(), "pixverse4j");
    }
    String user = env.get("HOME");
    if (user == null || user.trim().isEmpty()) user = System.getProperty("user.home");
    return Paths.get(user, ".local", "state", "pixverse4j");
  }

  /**
   * Opens the journal, as a pre-flight check too.
   *
   * @throws IllegalArgumentException (exit code 2) when it cannot be created or written
   */
  static FileTaskJournal open(Env env) {
    Path dir = directory(env);
    try {
      return TaskJournal.file(dir);
    } catch (JournalException e) {
      throw new IllegalArgumentException(
          e.getMessage()
              + ". Set "
              + HOME_VARIABLE
              + " to a writable directory (nothing was sent).",
          e);
    }
  }

  /**
   * The journal for a connection to {@code providerId}, or null when that connection will be
   * simulated: simulated tasks never go into the journal, so a resume never meets them.
   */
  static TaskJournal forConnection(String providerId, Env env, boolean simulate) {
    if (simulate || !Connection.key(Connection.factory(providerId), env).isPresent()) return null;
    return open(env);
  }
}
