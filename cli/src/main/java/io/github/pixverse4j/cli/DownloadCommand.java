package io.github.pixverse4j.cli;

import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.api.TaskState;
import io.github.pixverse4j.api.TaskStatus;
import io.github.pixverse4j.client.DownloadTargets;
import io.github.pixverse4j.client.journal.JournalEntry;
import java.nio.file.Path;
import java.nio.file.Paths;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code pixverse4j download TOKEN}: saves the video of a finished task. */
@Command(
    name = "download",
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {
      ExitCodes.VIDEO_DOWNLOADED,
      ExitCodes.OTHER_TEXT,
      ExitCodes.USAGE_TEXT,
      ExitCodes.AUTH_TEXT,
      ExitCodes.CREDITS_TEXT,
      ExitCodes.TASK_FAILED_TEXT,
      ExitCodes.CANCELLED_TEXT,
      ExitCodes.INTERRUPTED_TEXT
    },
    description = "Download the video of a finished task.")
final class DownloadCommand extends TaskCommand {
  @Mixin Options.Save save;

  /**
   * Where the journal says {@code entry}'s video was to be saved at submit; null when it says
   * nothing.
   */
  static Path recordedTarget(JournalEntry entry) {
    return entry == null ? null : entry.target().map(Paths::get).orElse(null);
  }

  /**
   * --output, else the target recorded at submit, else the working directory; with the default name
   * inside a directory.
   */
  private Path target(TaskHandle h) {
    Path target = parent.resolveOutput(save.output);
    if (target == null) target = recordedTarget(journaled);
    return DownloadTargets.resolve(target != null ? target : parent.cwd, Delivery.defaultName(h));
  }

  @Override
  void checkBeforeConnecting(TaskHandle h) {
    Preflight.outputTarget(target(h), save.force);
  }

  @Override
  int run(TaskHandle h, Connection c, Output out) throws Exception {
    out.waiting("Asking " + c.factory.id() + " for the task's status");
    TaskStatus s = parent.waits.await(c.client.status(h));
    out.done();
    if (s.state() != TaskState.SUCCEEDED) {
      int code = s.isTerminal() ? ExitCodes.forTerminal(s.state()) : ExitCodes.OTHER;
      out.error(
          new ErrorKinds.NoVideoException(
              "The task is "
                  + s.state()
                  + ", there is no video to download"
                  + (s.isTerminal() ? "" : " yet: try again later or use watch")),
          h.token(),
          code,
          print.verbose);
      return code;
    }
    try {
      new Delivery(parent, c, out, print.verbose).download(c.client, s, target(h));
    } catch (Waits.CommandInterruptedException e) {
      out.interrupted("Interrupted: download stopped, no partial file left.", h.token());
      return ExitCodes.INTERRUPTED;
    }
    out.result(h.token(), s, target(h), ExitCodes.OK);
    return ExitCodes.OK;
  }
}
