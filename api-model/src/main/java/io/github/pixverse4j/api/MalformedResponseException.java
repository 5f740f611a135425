package io.github.pixverse4j.api;

/**
 * The provider answered something this library cannot read: bad JSON, wrong shape, or an unknown
 * status value.
 */
public class MalformedResponseException extends VideoApiException {
  private static final long serialVersionUID = 1L;

  private final boolean unreadable;

  public MalformedResponseException(String message, ErrorDetails details, Throwable cause) {
    this(message, details, cause, false);
  }

  public MalformedResponseException(String message, ErrorDetails details) {
    this(message, details, null, false);
  }

  /**
   * @param unreadable the answer was not JSON at all (see {@link #unreadable()})
   */
  public MalformedResponseException(
      String message, ErrorDetails details, Throwable cause, boolean unreadable) {
    super(message, details, cause);
    this.unreadable = unreadable;
  }

  /**
   * Whether the body was not JSON at all: an HTML page, an empty or cut-off body. Such answers come
   * from a gateway or proxy in front of the provider, not from the provider, so reads of a task are
   * retried after them. {@code false} for well-formed JSON the client cannot use (a missing field,
   * an unknown status value), which is not retried.
   */
  public boolean unreadable() {
    return unreadable;
  }
}
