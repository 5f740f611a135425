package io.github.pixverse4j.cli;

import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.api.TaskStatus;
import io.github.pixverse4j.client.PollingPolicy;
import picocli.CommandLine.Command;

/** {@code pixverse4j status TOKEN}: prints a task's status once. */
@Command(
    name = "status",
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {
      ExitCodes.STATUS_PRINTED,
      ExitCodes.OTHER_TEXT,
      ExitCodes.USAGE_TEXT,
      ExitCodes.AUTH_TEXT,
      ExitCodes.CREDITS_TEXT,
      ExitCodes.TASK_FAILED_TEXT,
      ExitCodes.CANCELLED_TEXT,
      ExitCodes.INTERRUPTED_TEXT
    },
    description = "Print a task's status once.")
final class StatusCommand extends TaskCommand {
  @Override
  PollingPolicy policy(boolean simulated) {
    return once();
  }

  @Override
  int run(TaskHandle h, Connection c, Output out) throws InterruptedException {
    out.waiting("Asking " + c.factory.id() + " for the task's status");
    TaskStatus s = parent.waits.await(c.client.status(h));
    out.statusResult(s);
    return s.isTerminal() ? ExitCodes.forTerminal(s.state()) : ExitCodes.OK;
  }
}
