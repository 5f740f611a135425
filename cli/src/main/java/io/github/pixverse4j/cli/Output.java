package io.github.pixverse4j.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.pixverse4j.api.DownloadProgress;
import io.github.pixverse4j.api.RetryState;
import io.github.pixverse4j.api.TaskFailure;
import io.github.pixverse4j.api.TaskStatus;
import io.github.pixverse4j.api.Video;
import io.github.pixverse4j.api.internal.DurationText;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the command prints. With {@code --json}, stdout carries one JSON object per line and
 * nothing else; otherwise a progress bar on a terminal, or plain lines when piped. Messages for
 * people go to stderr. Never prints an API key: nothing here ever sees one.
 */
final class Output {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final PrintWriter out;
  private final PrintWriter err;
  private final boolean json;
  private final ProgressRenderer progress;
  private ResumeHint hint = ResumeHint.real(null);
  private Duration watchLimit = io.github.pixverse4j.client.PollingPolicy.defaults().deadline();

  Output(PrintWriter out, PrintWriter err, boolean json, boolean terminal) {
    this(out, err, json, terminal, io.reactivex.rxjava3.schedulers.Schedulers.computation());
  }

  /**
   * With the scheduler that clocks and ticks the progress line (a {@code TestScheduler} in tests).
   */
  Output(
      PrintWriter out,
      PrintWriter err,
      boolean json,
      boolean terminal,
      io.reactivex.rxjava3.core.Scheduler clock) {
    this.out = out;
    this.err = err;
    this.json = json;
    this.progress = new ProgressRenderer(err, terminal, clock);
  }

  boolean json() {
    return json;
  }

  /** Sets how messages suggest picking the task up again (known once the connection is open). */
  void hint(ResumeHint hint) {
    this.hint = hint;
  }

  ResumeHint hint() {
    return hint;
  }

  /** How long the command watches a task before giving up ({@code --timeout}), for messages. */
  void watchLimit(Duration limit) {
    this.watchLimit = limit;
  }

  /** A human message on stderr. */
  void say(String format, Object... args) {
    progress.breakLine();
    err.printf(format + "%n", args);
    err.flush();
  }

  /** The fixed-precision form of {@link TaskStatus#observedAt()}: every object has milliseconds. */
  static final java.time.format.DateTimeFormatter OBSERVED_AT =
      java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
          .withZone(java.time.ZoneOffset.UTC);

  /** A status as one JSON object. */
  static Map<String, Object> statusJson(TaskStatus s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("event", "status");
    m.put("task", s.handle().token());
    m.put("state", s.state().name());
    s.queuePosition().ifPresent(p -> m.put("queuePosition", p));
    s.progressPercent().ifPresent(p -> m.put("progress", p));
    s.estimatedTimeRemaining().ifPresent(d -> m.put("etaSeconds", d.getSeconds()));
    s.rawStatus().ifPresent(r -> m.put("providerStatus", r));
    s.failure().ifPresent(f -> m.put("failure", failure(f)));
    if (!s.videos().isEmpty()) {
      List<String> urls = new ArrayList<>();
      for (Video v : s.videos()) urls.add(v.url().toString());
      m.put("videos", urls);
    }
    m.put("observedAt", OBSERVED_AT.format(s.observedAt()));
    s.retry()
        .ifPresent(
            r -> {
              Map<String, Object> retry = new LinkedHashMap<>();
              retry.put("failingSince", OBSERVED_AT.format(r.failingSince()));
              retry.put("failedAttempts", r.failedAttempts());
              retry.put("lastFailure", r.lastFailure());
              retry.put("nextAttemptAt", OBSERVED_AT.format(r.nextAttemptAt()));
              m.put("retry", retry);
            });
    return m;
  }

  /** A status as one plain line, e.g. {@code RUNNING 40% eta 20s} or {@code SUCCEEDED <url>}. */
  static String statusLine(TaskStatus s) {
    StringBuilder b = new StringBuilder(s.state().name());
    s.queuePosition().ifPresent(p -> b.append(" queue-position ").append(p));
    s.progressPercent().ifPresent(p -> b.append(' ').append(p).append('%'));
    s.estimatedTimeRemaining().ifPresent(d -> b.append(" eta ").append(DurationText.of(d)));
    s.failure().ifPresent(f -> b.append(' ').append(f.category()).append(": ").append(f.message()));
    for (Video v : s.videos()) b.append(' ').append(v.url());
    return b.toString();
  }

  /** The answer of the {@code status} command: one line (or one JSON object) on stdout. */
  void statusResult(TaskStatus s) {
    endBar();
    if (json) {
      line(statusJson(s));
    } else {
      out.println(statusLine(s));
      out.flush();
    }
  }

  /**
   * A status while following a task; its {@link TaskStatus#retry()} state replaces the bar while
   * reads fail.
   */
  void status(TaskStatus s) {
    status(
        s,
        s.retry()
            .map(
                r ->
                    ProgressRenderer.Retrying.of(
                        r.failingSince(), r.failedAttempts(), r.lastFailure(), r.nextAttemptAt())));
  }

  /**
   * A status while following a task, with the retry state while the provider is not answering: on
   * the progress line it replaces the bar, which would otherwise stand still.
   */
  void status(TaskStatus s, Optional<ProgressRenderer.Retrying> retry) {
    if (json) {
      line(statusJson(s));
      return;
    }
    progress.status(s, retry);
  }

  /**
   * A submit attempt failed before sending and another follows: on stderr, {@code connection
   * refused (gmi at 127.0.0.1:9, attempt 3 of 6): nothing was sent; trying again in 4s}; with
   * {@code --json}, a {@code submitRetry} object.
   *
   * @param where the provider, and its host when {@code --base-url} named one
   */
  void submitRetry(RetryState r, int attemptLimit, String where) {
    if (json) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("event", "submitRetry");
      m.put("failedAttempts", r.failedAttempts());
      if (attemptLimit != Integer.MAX_VALUE) m.put("attemptLimit", attemptLimit);
      m.put("lastFailure", r.lastFailure());
      m.put("failingSince", OBSERVED_AT.format(r.failingSince()));
      m.put("nextAttemptAt", OBSERVED_AT.format(r.nextAttemptAt()));
      line(m);
      return;
    }
    Duration wait = Duration.between(progress.now(), r.nextAttemptAt());
    say(
        "%s (%s, attempt %d%s): nothing was sent; trying again in %s",
        r.lastFailure(),
        where,
        r.failedAttempts(),
        attemptLimit == Integer.MAX_VALUE ? "" : " of " + attemptLimit,
        DurationText.of(ProgressRenderer.seconds(wait.plusMillis(999))));
  }

  /** Ends the progress line: the wait is over. */
  void done() {
    endBar();
  }

  /** Shows, until the first status, that the command waits for {@code what}; silent with --json. */
  void waiting(String what) {
    if (!json) progress.waiting(what);
  }

  void download(DownloadProgress p) {
    if (!json) progress.download(p);
  }

  /** The label of the line naming the saved video, on stdout. */
  static final String SAVED_TO = "Saved to ";

  /** The final object of a run: always the last line of {@code --json} output. */
  void result(String token, TaskStatus last, Path output, int exitCode) {
    endBar();
    if (json) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("event", "result");
      m.put("task", token);
      m.put("state", last == null ? null : last.state().name());
      if (last != null) {
        List<String> urls = new ArrayList<>();
        for (Video v : last.videos()) urls.add(v.url().toString());
        m.put("videos", urls);
        last.failure().ifPresent(f -> m.put("failure", failure(f)));
      }
      if (output != null) m.put("output", output.toString());
      // A simulated task's URLs die with the command; scripts must not store them.
      if (hint.isSimulated()) m.put("simulated", true);
      m.put("exitCode", exitCode);
      line(m);
      return;
    }
    if (last != null) {
      // Once the video is saved its URL is no answer: a simulated one is dead when the command
      // ends,
      // and the task's token (printed when the provider accepted it) finds a real one again.
      if (output == null) for (Video v : last.videos()) out.println(v.url());
      last.failure()
          .ifPresent(
              f ->
                  err.printf(
                      "The task failed (%s%s): %s%n",
                      f.category(),
                      f.providerCode().map(c -> ", code " + c).orElse(""),
                      f.message()));
    }
    if (output != null) out.println(SAVED_TO + output);
    out.flush();
    err.flush();
  }

  /** An error that ends the command: one sentence on stderr (and a JSON line with --json). */
  void error(Throwable e, String token, int exitCode, boolean verbose) {
    endBar();
    String message = Messages.of(e, hint, watchLimit);
    if (json) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("event", "error");
      m.put("error", ErrorKinds.of(e));
      m.put("message", message);
      if (token != null) m.put("task", token);
      m.put("exitCode", exitCode);
      line(m);
    }
    err.println("Error: " + message);
    // A task that has ended, or that the provider no longer knows, has nothing left to follow.
    boolean over =
        e instanceof io.github.pixverse4j.api.TaskAlreadyEndedException
            || e instanceof io.github.pixverse4j.api.TaskNotFoundException;
    if (token != null && over) {
      err.println("Task: " + token);
    } else if (token != null) {
      err.println(
          "Task: "
              + token
              + hint.command(ResumeHint.FOLLOW, token)
                  .map(c -> " (resume with: " + c + ")")
                  .orElse(hint.isSimulated() ? " (simulated: it ended with this command)" : ""));
    }
    if (verbose) e.printStackTrace(err);
    err.flush();
  }

  /**
   * The end of a run stopped by Ctrl-C: the sentence on stderr, and with --json a final error
   * object.
   */
  void interrupted(String message, String token) {
    endBar();
    if (json) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("event", "error");
      m.put("error", ErrorKinds.INTERRUPTED);
      m.put("message", message);
      if (token != null) m.put("task", token);
      m.put("exitCode", ExitCodes.INTERRUPTED);
      line(m);
    }
    err.println(message);
    err.flush();
  }

  private static Map<String, Object> failure(TaskFailure f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("category", f.category().name());
    f.providerCode().ifPresent(c -> m.put("code", c));
    m.put("message", f.message());
    return m;
  }

  void line(Map<String, Object> m) {
    try {
      out.println(JSON.writeValueAsString(m));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    out.flush();
  }

  private void endBar() {
    progress.end();
  }
}
