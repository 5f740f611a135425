package io.github.pixverse4j.api;

/**
 * The provider refused the prompt or image on content-moderation grounds before creating a task.
 */
public class ContentRejectedException extends VideoApiException {
  private static final long serialVersionUID = 1L;

  public ContentRejectedException(String message, ErrorDetails details, Throwable cause) {
    super(message, details, cause);
  }

  public ContentRejectedException(String message, ErrorDetails details) {
    super(message, details, null);
  }
}
