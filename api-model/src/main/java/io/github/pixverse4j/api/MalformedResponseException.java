package io.github.pixverse4j.api;

/** The provider answered something this library cannot read: bad JSON, wrong shape, or an unknown status value. */
public class MalformedResponseException extends VideoApiException {
  private static final long serialVersionUID = 1L;

  public MalformedResponseException(String message, ErrorDetails details, Throwable cause) {
    super(message, details, cause);
  }

  public MalformedResponseException(String message, ErrorDetails details) {
    super(message, details, null);
  }
}
