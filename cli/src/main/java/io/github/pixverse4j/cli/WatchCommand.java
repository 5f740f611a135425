package io.github.pixverse4j.cli;

import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.client.PollingPolicy;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code pixverse4j watch TOKEN}: follows a task again, then downloads its video. */
@Command(
    name = "watch",
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {
      ExitCodes.VIDEO_SAVED,
      ExitCodes.OTHER_TEXT,
      ExitCodes.USAGE_TEXT,
      ExitCodes.AUTH_TEXT,
      ExitCodes.CREDITS_TEXT,
      ExitCodes.TASK_FAILED_TEXT,
      ExitCodes.TIMEOUT_TEXT,
      ExitCodes.CANCELLED_TEXT,
      ExitCodes.INTERRUPTED_TEXT
    },
    description =
        "Resume following a task (after a crash, or on another machine), then download its video.")
final class WatchCommand extends TaskCommand {
  @Mixin Options.Follow follow;
  @Mixin Options.Save save;
  @Mixin Options.NoDownload noDownload;

  @Override
  PollingPolicy policy(boolean simulated) {
    return follow.policy(simulated);
  }

  /**
   * Where the video goes: --output, else where the journal recorded it at submit, else null (the
   * default).
   */
  private Path target() {
    Path explicit = parent.resolveOutput(save.output);
    return explicit != null ? explicit : DownloadCommand.recordedTarget(journaled);
  }

  @Override
  void checkBeforeConnecting(TaskHandle h) {
    if (!noDownload.noDownload) {
      Path t = target();
      Preflight.outputTarget(t != null ? t : parent.cwd, save.force);
    }
  }

  @Override
  int run(TaskHandle h, Connection c, Output out) throws Exception {
    out.waiting("Asking " + c.factory.id() + " for the task's status");
    Path target = target();
    // Recorded with the task when the journal does not know it yet, so a bare resume finishes
    // a watch that was killed: it downloads where this watch would have.
    return new Delivery(parent, c, out, print.verbose)
        .followAndSave(
            c.client.watch(h, Delivery.targetLabels(noDownload.noDownload, target, parent.cwd)),
            h.token(),
            noDownload.noDownload,
            target,
            save.force);
  }
}
