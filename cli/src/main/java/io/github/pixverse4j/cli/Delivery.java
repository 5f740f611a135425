package io.github.pixverse4j.cli;

import io.github.pixverse4j.api.RetryState;
import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.api.TaskState;
import io.github.pixverse4j.api.TaskStatus;
import io.github.pixverse4j.client.DownloadTargets;
import io.github.pixverse4j.client.SubmitListener;
import io.github.pixverse4j.client.VideoClient;
import io.github.pixverse4j.client.journal.JournalEntry;
import io.reactivex.rxjava3.core.Observable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Following a task to its end and saving its video, as generate, watch and resume do; and saving
 * the video of a finished task, as download does. Every wait is {@link Main#waits}, so Ctrl-C stops
 * each of them the same way.
 */
final class Delivery {
  private final Main main;
  private final Connection connection;
  private final Output output;
  private final boolean verbose;

  /** What the library said a Ctrl-C before the submit's answer left: null until it did. */
  private final AtomicReference<Boolean> abandonedMayHaveReached = new AtomicReference<>();

  Delivery(Main main, Connection connection, Output output, boolean verbose) {
    this.main = main;
    this.connection = connection;
    this.output = output;
    this.verbose = verbose;
  }

  /**
   * Follows {@code stream} to its end, then downloads the video to {@code explicitOutput} (null:
   * the default name in the working directory; a directory: the default name inside it) unless
   * {@code noDownload}; prints the outcome and returns the exit code.
   */
  int followAndSave(
      Observable<TaskStatus> stream,
      String knownToken,
      boolean noDownload,
      Path explicitOutput,
      boolean force)
      throws InterruptedException {
    AtomicReference<String> token = new AtomicReference<>(knownToken);
    AtomicReference<TaskStatus> last = new AtomicReference<>();
    try {
      main.waits.each(
          stream,
          s -> {
            if (token.get() == null) {
              token.set(s.handle().token());
              if (!output.json()) {
                output.say(
                    "Task: %s%s", token.get(), output.hint().isSimulated() ? " (simulated)" : "");
              }
            }
            last.set(s);
            output.status(s);
          });
    } catch (Waits.CommandInterruptedException e) {
      String t = token.get();
      output.interrupted(
          interruptedMessage(
              output.hint(),
              connection.factory.id(),
              t,
              !Boolean.FALSE.equals(abandonedMayHaveReached.get())),
          t);
      return ExitCodes.INTERRUPTED;
    } catch (RuntimeException e) {
      String t = Main.tokenOf(e) != null ? Main.tokenOf(e) : token.get();
      int code = ExitCodes.forError(e, t != null);
      output.error(e, t, code, verbose);
      return code;
    }
    TaskStatus end = last.get();
    int code = ExitCodes.forTerminal(end.state());
    Path target = null;
    if (end.state() == TaskState.SUCCEEDED && !noDownload) {
      target =
          DownloadTargets.resolve(
              explicitOutput != null ? explicitOutput : main.cwd, defaultName(end.handle()));
      if (Files.exists(target) && !force) {
        // The job has run, so this is not exit 2 ("nothing was sent"): the video exists and can be
        // fetched.
        String how =
            output
                .hint()
                .command(ResumeHint.DOWNLOAD, token.get())
                .map(
                    cmd ->
                        ": download it with " + cmd + " --output <another file> (or add --force)")
                .orElse(
                    " (the simulated task ended with this command): choose another --output or add"
                        + " --force");
        output.error(
            new ErrorKinds.OutputExistsException(
                target + " already exists, so the video was not saved" + how),
            token.get(),
            ExitCodes.OTHER,
            verbose);
        return ExitCodes.OTHER;
      }
      try {
        download(connection.client, end, target);
      } catch (Waits.CommandInterruptedException e) {
        output.interrupted(
            "Interrupted: download stopped, no partial file left. "
                + output.hint().sentence(ResumeHint.FOLLOW, token.get()),
            token.get());
        return ExitCodes.INTERRUPTED;
      } catch (RuntimeException e) {
        int dcode = ExitCodes.forError(e, true);
        output.error(e, token.get(), dcode, verbose);
        return dcode;
      }
    }
    output.result(token.get(), end, target, code);
    if (noDownload && connection.simulated() && !end.videos().isEmpty() && !output.json()) {
      output.say(
          "The URL is served by the in-process simulator: it stops working when this command"
              + " ends.");
    }
    if (connection.simulated() && !end.videos().isEmpty() && !output.json()) {
      output.say(SimulateCommand.PLACEHOLDER_NOTE);
    }
    return code;
  }

  /**
   * Shows each retry of the submit (text and {@code --json}), and remembers what a Ctrl-C before
   * its answer left, for {@link #interruptedMessage}.
   */
  SubmitListener submitListener() {
    return new SubmitListener() {
      @Override
      public void retrying(RetryState state, int attemptLimit) {
        output.submitRetry(state, attemptLimit, connection.where());
      }

      @Override
      public void abandoned(boolean requestMayHaveReachedProvider) {
        abandonedMayHaveReached.set(requestMayHaveReachedProvider);
      }
    };
  }

  /** Downloads the first video of {@code status} to {@code target}, showing the progress. */
  void download(VideoClient client, TaskStatus status, Path target) throws InterruptedException {
    main.waits.each(client.download(status, target), output::download);
  }

  /**
   * What Ctrl-C stopped: before the provider answered the submit no task is known, so nothing was
   * polled; the job may or may not exist ({@code mayHaveReached}: the journal records that outcome
   * as unknown), or provably does not (every attempt so far failed before sending: recorded as not
   * accepted). After the answer, polling stopped and the task goes on.
   */
  static String interruptedMessage(
      ResumeHint hint, String provider, String token, boolean mayHaveReached) {
    if (token == null) {
      if (hint.isSimulated()) {
        return "Interrupted before the simulated "
            + provider
            + " answered the submit: no task was started"
            + " and nothing is charged.";
      }
      return mayHaveReached
          ? "Interrupted before "
              + provider
              + " answered the submit: the job may or may not have reached it"
              + " (a job may exist and be billed). Check with: pixverse4j tasks (and "
              + provider
              + "'s console)."
          : "Interrupted while waiting to send the submit again: every attempt so far failed before"
              + " sending, so nothing reached "
              + provider
              + " and no job exists.";
    }
    if (hint.isSimulated())
      return "Interrupted: polling stopped; the simulated task ended with this command.";
    return "Interrupted: polling stopped; the task goes on at the provider. "
        + hint.sentence(ResumeHint.FOLLOW, token);
  }

  /** The file name a task's video gets when no {@code --output} names one. */
  static String defaultName(TaskHandle h) {
    String id = h.taskId().replaceAll("[^A-Za-z0-9._-]", "_");
    if (id.length() > 48) id = id.substring(0, 48);
    return "pixverse4j-" + h.providerId() + "-" + id + ".mp4";
  }

  /**
   * The journal labels of a task whose video this command saves: where it goes ({@code target},
   * else the working directory), so a resume downloads it there; none with {@code --no-download}.
   */
  static Map<String, String> targetLabels(boolean noDownload, Path target, Path cwd) {
    return noDownload
        ? Map.of()
        : Map.of(JournalEntry.LABEL_TARGET, (target != null ? target : cwd).toString());
  }
}
