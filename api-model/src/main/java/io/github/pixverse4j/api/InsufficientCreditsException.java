package io.github.pixverse4j.api;

/** The account cannot pay for the job. Not retried: top up the account or use a cheaper setting. */
public class InsufficientCreditsException extends VideoApiException {
  private static final long serialVersionUID = 1L;

  public InsufficientCreditsException(String message, ErrorDetails details, Throwable cause) {
    super(message, details, cause);
  }

  public InsufficientCreditsException(String message, ErrorDetails details) {
    super(message, details, null);
  }
}
