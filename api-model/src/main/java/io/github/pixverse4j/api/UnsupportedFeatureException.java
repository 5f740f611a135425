package io.github.pixverse4j.api;

/**
 * The provider has no such operation (for example, no cancel endpoint). Thrown before any request
 * is sent.
 */
public class UnsupportedFeatureException extends VideoApiException {
  private static final long serialVersionUID = 1L;

  public UnsupportedFeatureException(String message, ErrorDetails details, Throwable cause) {
    super(message, details, cause);
  }

  public UnsupportedFeatureException(String message, ErrorDetails details) {
    super(message, details, null);
  }
}
