package io.github.pixverse4j.cli;

import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.client.PollingPolicy;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;

/** {@code pixverse4j cancel TOKEN}: asks the provider to cancel a task. */
@Command(
    name = "cancel",
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {
      ExitCodes.CANCEL_REQUESTED,
      ExitCodes.OTHER_TEXT,
      ExitCodes.USAGE_TEXT,
      ExitCodes.AUTH_TEXT,
      ExitCodes.CREDITS_TEXT,
      ExitCodes.ALREADY_ENDED_TEXT,
      ExitCodes.INTERRUPTED_TEXT
    },
    description = "Ask the provider to cancel a task (where the provider can).")
final class CancelCommand extends TaskCommand {
  @Override
  PollingPolicy policy(boolean simulated) {
    return once();
  }

  @Override
  int run(TaskHandle h, Connection c, Output out) throws InterruptedException {
    out.waiting("Asking " + c.factory.id() + " to cancel the task");
    parent.waits.await(c.client.cancel(h));
    // One more read, so that a cancellation the provider already carried out goes into the task
    // journal (tasks then no longer lists the task as needing attention); it is not worth an error.
    parent.waits.await(c.client.status(h).map(s -> Boolean.TRUE).onErrorReturnItem(Boolean.FALSE));
    out.done();
    if (out.json()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("event", "cancelled");
      m.put("task", h.token());
      out.line(m);
    } else {
      out.say("Cancellation requested for %s", h.token());
    }
    return ExitCodes.OK;
  }
}
