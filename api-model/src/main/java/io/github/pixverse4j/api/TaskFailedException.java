package io.github.pixverse4j.api;

/** A task ended FAILED or CANCELLED; thrown by the convenience methods that expect videos. */
public class TaskFailedException extends VideoApiException {
  private static final long serialVersionUID = 1L;

  private final transient TaskStatus status;

  public TaskFailedException(TaskStatus status) {
    super(
        describe(status),
        ErrorDetails.provider(status.handle().providerId())
            .withProviderCode(status.failure().flatMap(TaskFailure::providerCode).orElse(null)),
        null);
    this.status = status;
    attachHandle(status.handle());
  }

  /** The terminal status. */
  public TaskStatus status() {
    return status;
  }

  private static String describe(TaskStatus s) {
    if (s.state() == TaskState.CANCELLED) return "The task was cancelled";
    TaskFailure f = s.failure().orElse(null);
    return f == null ? "The task failed" : "The task failed (" + f.category() + "): " + f.message();
  }
}
