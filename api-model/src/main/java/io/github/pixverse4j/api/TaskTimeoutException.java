package io.github.pixverse4j.api;

import java.util.Optional;

/**
 * The task did not finish before the polling deadline. The task may still finish: {@code watch} its
 * handle again later.
 */
public class TaskTimeoutException extends VideoApiException {
  private static final long serialVersionUID = 1L;

  private final transient TaskStatus lastStatus;

  public TaskTimeoutException(String message, ErrorDetails details, TaskStatus lastStatus) {
    this(message, details, lastStatus, null);
  }

  /**
   * @param cause the last failed read when the provider was not answering at the deadline, or
   *     {@code null}
   */
  public TaskTimeoutException(
      String message, ErrorDetails details, TaskStatus lastStatus, Throwable cause) {
    super(message, details, cause);
    this.lastStatus = lastStatus;
    if (lastStatus != null) attachHandle(lastStatus.handle());
  }

  /** The last status observed before the deadline, if any was. */
  public Optional<TaskStatus> lastStatus() {
    return Optional.ofNullable(lastStatus);
  }
}
