package io.github.pixverse4j.cli;

import io.github.pixverse4j.api.DownloadProgress;
import io.github.pixverse4j.api.TaskStatus;
import io.github.pixverse4j.api.internal.DurationText;
import io.reactivex.rxjava3.core.Observable;
import io.reactivex.rxjava3.core.Scheduler;
import io.reactivex.rxjava3.disposables.Disposable;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The progress shown on stderr while a command waits for a provider. On a terminal one line is
 * redrawn every second, so the elapsed time ticks and a spinner moves even when the provider
 * reports nothing new; the ETA counts down; while the provider is not answering, a {@link Retrying}
 * description replaces the bar (which would otherwise stand still). When stderr is not a terminal,
 * one plain line is written per change instead.
 *
 * <p>All time comes from the {@link Scheduler} (its {@code now()} is the clock, its timer the
 * tick), so tests drive it with a {@code TestScheduler}.
 */
final class ProgressRenderer {
  private static final int BAR_WIDTH = 30;
  private static final char[] SPINNER = {'|', '/', '-', '\\'};

  /** When piped, a wait with no answer is mentioned once after this long. */
  static final Duration QUIET_LIMIT = Duration.ofSeconds(3);

  /**
   * Why the provider is being asked again: it has not answered properly since {@code failingSince},
   * {@code failedAttempts} calls in a row failed, the last with {@code lastFailure} (e.g. "HTTP
   * 502"), and the next call is at {@code nextAttemptAt}.
   */
  static final class Retrying {
    final Instant failingSince;
    final int failedAttempts;
    final String lastFailure;
    final Instant nextAttemptAt;

    private Retrying(
        Instant failingSince, int failedAttempts, String lastFailure, Instant nextAttemptAt) {
      this.failingSince = Objects.requireNonNull(failingSince, "failingSince == null");
      this.failedAttempts = failedAttempts;
      this.lastFailure = Objects.requireNonNull(lastFailure, "lastFailure == null");
      this.nextAttemptAt = Objects.requireNonNull(nextAttemptAt, "nextAttemptAt == null");
    }

    static Retrying of(
        Instant failingSince, int failedAttempts, String lastFailure, Instant nextAttemptAt) {
      return new Retrying(failingSince, failedAttempts, lastFailure, nextAttemptAt);
    }

    /**
     * {@code provider not answering for 42s (HTTP 502); next try in 20s}, as seen at {@code now}.
     */
    String describe(Instant now) {
      Duration next = Duration.between(now, nextAttemptAt);
      return "provider not answering for "
          + DurationText.of(seconds(Duration.between(failingSince, now)))
          + " ("
          + lastFailure
          + "); "
          + (next.isNegative() || next.isZero()
              ? "trying again now"
              : "next try in " + DurationText.of(seconds(next.plusMillis(999))));
    }

    @Override
    public boolean equals(Object o) {
      if (!(o instanceof Retrying)) return false;
      Retrying r = (Retrying) o;
      return failingSince.equals(r.failingSince)
          && failedAttempts == r.failedAttempts
          && lastFailure.equals(r.lastFailure)
          && nextAttemptAt.equals(r.nextAttemptAt);
    }

    @Override
    public int hashCode() {
      return Objects.hash(failingSince, failedAttempts, lastFailure, nextAttemptAt);
    }
  }

  private final PrintWriter err;
  private final boolean terminal;
  private final Scheduler scheduler;
  private final Instant start;

  private Disposable ticker;
  private int frame;
  private int shownLength;
  private boolean lineOpen;

  private String waitingFor;
  private boolean quietNoticeShown;
  private TaskStatus status;
  private Instant statusSeenAt;
  private Retrying retrying;
  private DownloadProgress download;
  private boolean ended;

  ProgressRenderer(PrintWriter err, boolean terminal, Scheduler scheduler) {
    this.err = err;
    this.terminal = terminal;
    this.scheduler = scheduler;
    this.start = now();
  }

  /** Now, on the clock that ticks the line. */
  Instant now() {
    return Instant.ofEpochMilli(scheduler.now(TimeUnit.MILLISECONDS));
  }

  /**
   * Shows that the command waits for {@code what} (e.g. "Asking gmi for the status") before any
   * status.
   */
  synchronized void waiting(String what) {
    waitingFor = what;
    quietNoticeShown = false;
    ended = false;
    startTicking();
    if (terminal) draw();
  }

  /** A status from the provider, with the retry state when calls are failing (else empty). */
  synchronized void status(TaskStatus s, Optional<Retrying> retry) {
    boolean changed = status == null || !s.sameProgressAs(status) || s.state() != status.state();
    Retrying r = retry.orElse(null);
    boolean retryChanged = !Objects.equals(r, retrying);
    waitingFor = null;
    status = s;
    statusSeenAt = now();
    retrying = r;
    ended = false;
    if (terminal) {
      startTicking();
      draw();
      if (s.isTerminal()) end();
      return;
    }
    startTicking();
    if (changed) println(plainStatus());
    if (retryChanged && r != null) println("Retrying: " + r.describe(now()));
    if (s.isTerminal()) end();
  }

  /** Download progress; the final one ends the line. */
  synchronized void download(DownloadProgress p) {
    download = p;
    waitingFor = null;
    if (terminal) {
      draw();
      if (p.done()) end();
    } else if (p.done()) {
      println(downloadText(p));
      end();
    }
  }

  /**
   * Redraws the line (on a terminal) or mentions a long quiet wait (when piped); called every
   * second.
   */
  synchronized void tick() {
    if (ended) return;
    frame++;
    if (terminal) {
      draw();
    } else if (waitingFor != null
        && !quietNoticeShown
        && Duration.between(start, now()).compareTo(QUIET_LIMIT) >= 0) {
      quietNoticeShown = true;
      println(
          waitingFor
              + ": no answer yet after "
              + DurationText.of(seconds(Duration.between(start, now())))
              + "; still trying.");
    }
  }

  /** Ends the current line for a message; ticking goes on, on the next line. */
  synchronized void breakLine() {
    if (lineOpen) {
      err.println();
      err.flush();
      lineOpen = false;
      shownLength = 0;
    }
  }

  /** Stops ticking and ends the line, so that the next message starts on a fresh line. */
  synchronized void end() {
    ended = true;
    if (ticker != null) {
      ticker.dispose();
      ticker = null;
    }
    if (lineOpen) {
      err.println();
      err.flush();
      lineOpen = false;
      shownLength = 0;
    }
  }

  private void startTicking() {
    if (ticker == null) {
      ticker = Observable.interval(1, 1, TimeUnit.SECONDS, scheduler).subscribe(t -> tick());
    }
  }

  /** The line as drawn on a terminal now. */
  synchronized String line() {
    Instant now = now();
    StringBuilder b = new StringBuilder().append(SPINNER[frame % SPINNER.length]).append(' ');
    if (download != null) return b.append(downloadText(download)).toString();
    String elapsed = Durations.format(Duration.between(start, now));
    if (status == null) {
      return b.append(waitingFor == null ? "Waiting" : waitingFor)
          .append("  ")
          .append(elapsed)
          .toString();
    }
    Optional<Integer> percent = status.progressPercent();
    if (retrying == null && percent.isPresent()) {
      int filled = percent.get() * BAR_WIDTH / 100;
      b.append('[');
      for (int i = 0; i < BAR_WIDTH; i++) b.append(i < filled ? '#' : '-');
      b.append("] ");
    }
    b.append(status.state().name());
    status.queuePosition().ifPresent(p -> b.append(" (queue position ").append(p).append(')'));
    percent.ifPresent(p -> b.append(' ').append(p).append('%'));
    b.append("  ").append(elapsed);
    if (retrying != null) {
      b.append("  ").append(retrying.describe(now));
    } else {
      eta(now).ifPresent(d -> b.append("  eta ").append(Durations.format(d)));
    }
    return b.toString();
  }

  /** The provider's estimate, counted down since it was received. */
  private Optional<Duration> eta(Instant now) {
    return status
        .estimatedTimeRemaining()
        .map(
            d -> {
              Duration left = d.minus(Duration.between(statusSeenAt, now));
              return left.isNegative() ? Duration.ZERO : left;
            });
  }

  private String plainStatus() {
    StringBuilder text = new StringBuilder(status.state().name());
    status.queuePosition().ifPresent(p -> text.append(" (queue position ").append(p).append(')'));
    status.progressPercent().ifPresent(p -> text.append(' ').append(p).append('%'));
    text.append("  elapsed ").append(Durations.format(Duration.between(start, now())));
    status
        .estimatedTimeRemaining()
        .ifPresent(d -> text.append("  eta ").append(Durations.format(d)));
    return text.toString();
  }

  private static String downloadText(DownloadProgress p) {
    String size = p.totalBytes().map(t -> " of " + t).orElse("");
    return "Downloading "
        + p.bytesRead()
        + size
        + " bytes"
        + p.fraction().map(f -> String.format(" (%d%%)", Math.round(f * 100))).orElse("");
  }

  private void draw() {
    String text = line();
    StringBuilder b = new StringBuilder("\r").append(text);
    // Blank out what a longer previous line left behind.
    for (int i = text.length(); i < shownLength; i++) b.append(' ');
    shownLength = text.length();
    err.print(b);
    err.flush();
    lineOpen = true;
  }

  private void println(String text) {
    if (lineOpen) {
      err.println();
      lineOpen = false;
      shownLength = 0;
    }
    err.println(text);
    err.flush();
  }

  /** {@code d} in whole seconds, never negative. */
  static Duration seconds(Duration d) {
    return Duration.ofSeconds(Math.max(0, d.getSeconds()));
  }
}
