package io.github.pixverse4j.temporal;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Generates one video durably: submits once, polls with workflow timers, optionally downloads.
 * Start it through {@link VideoWorkflows#start}, which makes the workflow id the caller's
 * idempotency key; register it on workers with {@link VideoWorker#registerOn}.
 *
 * <p>The workflow fails with an {@code ApplicationFailure} whose type is one of {@link
 * VideoFailureTypes} or the simple name of another pixverse4j exception, with a {@link FailureInfo}
 * as details. A task that ends FAILED or CANCELLED at the provider is a result. Cancelling the
 * workflow cancels the task at the provider when the provider can cancel.
 */
@WorkflowInterface
public interface GenerateVideoWorkflow {
  @WorkflowMethod(name = "pixverse4j.GenerateVideo")
  VideoJobResult generate(VideoJob job);

  /**
   * Tells the workflow that the provider called back: its task ended (a verified callback, see
   * {@link VideoWorkflows#signalTaskEnded}). The workflow reads the status at once instead of
   * waiting for its next poll timer; a signal before the task exists is kept until it does. A
   * signal that turns out early (the status read does not show the end yet) only costs that read.
   */
  @SignalMethod(name = "pixverse4j.taskEnded")
  void taskEnded();

  /** The latest status the workflow saw; {@code null} until the provider accepted the job. */
  @QueryMethod(name = "status")
  TaskStatusView status();
}
