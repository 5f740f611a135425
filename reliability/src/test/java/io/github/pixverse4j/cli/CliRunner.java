package io.github.pixverse4j.cli;

import io.github.pixverse4j.api.TaskHandle;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

/**
 * Test hook for the reliability suite: runs the command in-process through its package-private
 * constructor, with a given environment and working directory, capturing stdout and stderr.
 */
public final class CliRunner {
  private CliRunner() {}

  /** What one run printed, and its exit code. */
  public static final class Result {
    public final int exitCode;
    public final String stdout;
    public final String stderr;

    Result(int exitCode, String stdout, String stderr) {
      this.exitCode = exitCode;
      this.stdout = stdout;
      this.stderr = stderr;
    }

    /** Everything printed, for searching. */
    public String all() {
      return stdout + "\n" + stderr;
    }

    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout ---\n" + stdout + "\n--- stderr ---\n" + stderr;
    }
  }

  /** Runs {@code pixverse4j args...} in {@code cwd} with only {@code env} as the environment. */
  public static Result run(Map<String, String> env, Path cwd, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    // The task journal goes to a directory of the run's own unless the caller chose one, never
    // to the home directory of whoever runs the build.
    Env withJournal =
        name ->
            name.equals(JournalLocation.HOME_VARIABLE) && !env.containsKey(name)
                ? journalHome().toString()
                : env.get(name);
    Main main =
        new Main(withJournal, new PrintWriter(out, true), new PrintWriter(err, true), cwd, false);
    int code = main.execute(args);
    return new Result(code, out.toString(), err.toString());
  }

  private static Path journalHome;

  private static synchronized Path journalHome() {
    if (journalHome == null) {
      try {
        journalHome = java.nio.file.Files.createTempDirectory("pixverse4j-reliability-journal");
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    return journalHome;
  }

  /** The file name the command saves a task's video under when no {@code --output} is given. */
  public static String defaultName(TaskHandle handle) {
    return Delivery.defaultName(handle);
  }
}
