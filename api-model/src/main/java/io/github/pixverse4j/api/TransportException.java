package io.github.pixverse4j.api;

/**
 * The HTTP exchange failed below the protocol: connection refused or reset, timeout, broken body.
 */
public class TransportException extends VideoApiException {
  private static final long serialVersionUID = 1L;

  private final boolean requestMayHaveReachedServer;

  public TransportException(
      String message, ErrorDetails details, Throwable cause, boolean requestMayHaveReachedServer) {
    super(message, details, cause);
    this.requestMayHaveReachedServer = requestMayHaveReachedServer;
  }

  /**
   * Whether the server may have received the request. {@code false} only when it provably did not
   * (for example, the connection was refused), which makes even a submit safe to resend.
   */
  public boolean requestMayHaveReachedServer() {
    return requestMayHaveReachedServer;
  }
}
