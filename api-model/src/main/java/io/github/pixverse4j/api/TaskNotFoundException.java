package io.github.pixverse4j.api;

/** The provider does not know the task: wrong id, another account, or it has expired. */
public class TaskNotFoundException extends VideoApiException {
  private static final long serialVersionUID = 1L;

  public TaskNotFoundException(String message, ErrorDetails details, Throwable cause) {
    super(message, details, cause);
  }

  public TaskNotFoundException(String message, ErrorDetails details) {
    super(message, details, null);
  }
}
