package io.github.pixverse4j.api;

/** Where a task is in its life. Terminal states never change again. */
public enum TaskState {
  /** Accepted and waiting for capacity. */
  QUEUED,
  /** Being generated. */
  RUNNING,
  /** Done; the status carries at least one {@link Video}. */
  SUCCEEDED,
  /** Ended without a video; the status carries a {@link TaskFailure}. */
  FAILED,
  /** Cancelled before it finished. */
  CANCELLED;

  /** Whether this state is final. */
  public boolean isTerminal() {
    return this == SUCCEEDED || this == FAILED || this == CANCELLED;
  }
}
