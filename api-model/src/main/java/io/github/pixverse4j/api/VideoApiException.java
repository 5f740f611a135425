package io.github.pixverse4j.api;

import java.util.Optional;

/**
 * Base of every error pixverse4j reports. Unchecked. Carries the provider, HTTP status and provider
 * error code where known, and the {@link TaskHandle} once a task exists, so that a caller can
 * {@code watch} the task again. Messages never contain API keys.
 */
public class VideoApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorDetails details;
  private volatile TaskHandle handle;

  public VideoApiException(String message, ErrorDetails details, Throwable cause) {
    super(message, cause);
    this.details = details == null ? ErrorDetails.none() : details;
  }

  public VideoApiException(String message, ErrorDetails details) {
    this(message, details, null);
  }

  public ErrorDetails details() {
    return details;
  }

  public Optional<String> providerId() {
    return details.providerId();
  }

  public Optional<Integer> httpStatus() {
    return details.httpStatus();
  }

  public Optional<String> providerCode() {
    return details.providerCode();
  }

  /** The task this error concerns, once the provider had accepted one. */
  public Optional<TaskHandle> handle() {
    return Optional.ofNullable(handle);
  }

  /**
   * Records the task this error concerns, unless one is recorded already. Called by the client
   * engine as the error passes through it; returns {@code this}.
   */
  public VideoApiException attachHandle(TaskHandle handle) {
    if (this.handle == null && handle != null) {
      synchronized (this) {
        if (this.handle == null) this.handle = handle;
      }
    }
    return this;
  }

  /** The message without the details and task suffix. */
  public String baseMessage() {
    return super.getMessage();
  }

  @Override
  public String getMessage() {
    String base = String.valueOf(super.getMessage());
    StringBuilder b = new StringBuilder(base);
    // A message that names its provider already ("Could not connect to provider gmi …") does not
    // repeat it in the suffix.
    String id = details.providerId().orElse(null);
    String d =
        details.describe(
            id == null
                || !java.util.regex.Pattern.compile(
                        "(?<![\\w.-])" + java.util.regex.Pattern.quote(id) + "(?![\\w-]|\\.\\w)")
                    .matcher(base)
                    .find());
    if (!d.isEmpty()) b.append(" (").append(d).append(')');
    TaskHandle h = handle;
    if (h != null) b.append(" [task ").append(h.token()).append(']');
    return b.toString();
  }
}
