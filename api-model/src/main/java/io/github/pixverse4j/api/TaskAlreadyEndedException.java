package io.github.pixverse4j.api;

import java.util.Optional;

/**
 * A cancel reached a task that had already ended: nothing was cancelled, and whatever the task cost
 * is spent. {@link #finalState()} says how it ended (a SUCCEEDED task has a video to fetch).
 */
public class TaskAlreadyEndedException extends VideoApiException {
  private static final long serialVersionUID = 1L;

  private final TaskState finalState;
  private final transient TaskStatus finalStatus;

  /**
   * @param finalState how the task ended; must be terminal
   * @param finalStatus the final status when it was read, or {@code null}
   */
  public TaskAlreadyEndedException(
      String message, ErrorDetails details, TaskState finalState, TaskStatus finalStatus) {
    super(message, details, null);
    if (finalState == null) throw new NullPointerException("finalState == null");
    if (!finalState.isTerminal()) {
      throw new IllegalArgumentException("finalState must be terminal, got " + finalState);
    }
    this.finalState = finalState;
    this.finalStatus = finalStatus;
    if (finalStatus != null) attachHandle(finalStatus.handle());
  }

  /** How the task ended: SUCCEEDED, FAILED or CANCELLED. */
  public TaskState finalState() {
    return finalState;
  }

  /** The task's final status, when it was read. */
  public Optional<TaskStatus> finalStatus() {
    return Optional.ofNullable(finalStatus);
  }
}
