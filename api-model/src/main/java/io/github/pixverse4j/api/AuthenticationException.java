package io.github.pixverse4j.api;

/**
 * The API key is missing, wrong, or lacks permission (HTTP 401/403). Not retried: check the key.
 */
public class AuthenticationException extends VideoApiException {
  private static final long serialVersionUID = 1L;

  public AuthenticationException(String message, ErrorDetails details, Throwable cause) {
    super(message, details, cause);
  }

  public AuthenticationException(String message, ErrorDetails details) {
    super(message, details, null);
  }
}
