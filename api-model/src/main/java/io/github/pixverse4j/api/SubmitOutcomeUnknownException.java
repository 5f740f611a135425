package io.github.pixverse4j.api;

/**
 * The submit may have reached the provider, but no answer arrived: a job may exist and may be
 * billed. The client never resends such a submit. Check the provider's dashboard before submitting
 * again.
 */
public class SubmitOutcomeUnknownException extends VideoApiException {
  private static final long serialVersionUID = 1L;

  public SubmitOutcomeUnknownException(String message, ErrorDetails details, Throwable cause) {
    super(message, details, cause);
  }
}
