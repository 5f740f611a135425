package io.github.pixverse4j.cli;

import io.github.pixverse4j.client.ClientConfig;
import io.github.pixverse4j.client.PollingPolicy;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * The option groups the commands share, each a picocli mixin ({@code @Mixin}): a command declares
 * only the groups whose options do something for it, so its help lists nothing it ignores.
 */
final class Options {
  private Options() {}

  /** How the command prints: every command that reports on a task. */
  static final class Print {
    @Option(
        names = "--json",
        description =
            "Print one JSON object per line on stdout and nothing else"
                + " (messages stay on stderr). Default: text for people.")
    boolean json;

    @Option(
        names = "--verbose",
        description =
            "Print one line per HTTP exchange on stderr (method, URL without query values, status,"
                + " time, retry attempt; never the key) and stack traces of errors. Default: one"
                + " sentence per error.")
    boolean verbose;

    /** The HTTP log for {@link Connection.Settings}: lines on {@code err}, or null. */
    java.util.function.Consumer<String> httpLog(java.io.PrintWriter err) {
      if (!verbose) return null;
      return line -> {
        synchronized (err) {
          err.println("http: " + line);
          err.flush();
        }
      };
    }
  }

  /** {@code --base-url}: the commands that reach a provider at a host the user names. */
  static final class BaseUrl {
    @Option(
        names = "--base-url",
        paramLabel = "URL",
        description =
            "Another host speaking the provider's protocol (http only for loopback addresses)."
                + " Default: the provider's own service.")
    String value;

    /**
     * The URL, checked the way the client will check it (so a wrong one is a usage error, exit 2,
     * before anything else happens); null when not given.
     */
    String checked() {
      if (value == null) return null;
      try {
        ClientConfig.builder().baseUrl(value);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--base-url " + value + ": " + e.getMessage(), e);
      }
      return value;
    }
  }

  /** {@code --simulate}: generate only (a fresh simulator cannot know an existing task). */
  static final class Simulate {
    @Option(
        names = "--simulate",
        description =
            "Use the provider's in-process simulator even if its key is set (no credits are used;"
                + " the task ends with the command). Default: simulate only when the key is not"
                + " set.")
    boolean simulate;
  }

  /** How long to follow a task: the commands that wait for its end. */
  static final class Follow {
    @Option(
        names = "--timeout",
        paramLabel = "DURATION",
        converter = Durations.Converter.class,
        description =
            "Stop waiting after this long, e.g. 90s, 20m, 1h30m (more than 0). Default: 20m."
                + " The task goes on at the provider.")
    Duration timeout;

    @Option(
        names = "--poll-interval",
        paramLabel = "DURATION",
        converter = Durations.Converter.class,
        hidden = true,
        description = "Poll at this fixed interval (for tests and demos).")
    Duration pollInterval;

    /** The polling policy; a simulated provider is polled often so the demo shows its progress. */
    PollingPolicy policy(boolean simulated) {
      PollingPolicy.Builder b = PollingPolicy.defaults().toBuilder();
      if (timeout != null) b.deadline(timeout);
      Duration every =
          pollInterval != null ? pollInterval : simulated ? Duration.ofMillis(400) : null;
      if (every != null) b.fixedInterval(every).retryDelay(every).maxRetryDelay(every);
      return b.build();
    }
  }

  /** Where the video goes: the commands that save one. */
  static final class Save {
    @Option(
        names = "--output",
        paramLabel = "FILE",
        description =
            "Where to save the video. Default: pixverse4j-<provider>-<task id>.mp4 in the current"
                + " directory (for a task in the task journal: where it was to be saved when it was"
                + " submitted).")
    Path output;

    @Option(
        names = "--force",
        description =
            "Overwrite the output file if it exists. Default: an existing file"
                + " is never overwritten.")
    boolean force;
  }

  /**
   * {@code --no-download}: the commands that would otherwise download the video after following the
   * task.
   */
  static final class NoDownload {
    @Option(
        names = "--no-download",
        description =
            "Print the video URL instead of downloading the video (a simulated task's URL stops"
                + " working when the command ends). Default: download.")
    boolean noDownload;
  }
}
