package io.github.pixverse4j.api;

/**
 * The provider answered with a server error or is overloaded (5xx). Retried for status calls; try
 * again later.
 */
public class ProviderUnavailableException extends VideoApiException {
  private static final long serialVersionUID = 1L;

  public ProviderUnavailableException(String message, ErrorDetails details, Throwable cause) {
    super(message, details, cause);
  }

  public ProviderUnavailableException(String message, ErrorDetails details) {
    super(message, details, null);
  }
}
