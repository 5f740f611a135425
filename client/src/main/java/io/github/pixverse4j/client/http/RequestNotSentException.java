package io.github.pixverse4j.client.http;

import java.io.IOException;

/**
 * A call failed before any byte of its request was written to the connection: while resolving the
 * host, connecting, in the TLS handshake, or while taking a pooled connection (OkHttp 3's {@code
 * SocketException: Socket is closed} at {@code RealConnection.newCodec}). The server cannot have
 * received the request, so even a submit is safe to send again. The cause is what went wrong.
 *
 * <p>Every client built by {@link HttpClients#forProvider} reports such failures this way, and
 * {@link HttpErrors#fromIOException} turns them into a {@link
 * io.github.pixverse4j.api.TransportException} whose {@code requestMayHaveReachedServer()} is
 * {@code false}. Anything that fails once writing has begun is a plain {@link IOException}: the
 * request may have reached the server.
 */
public final class RequestNotSentException extends IOException {
  private static final long serialVersionUID = 1L;

  RequestNotSentException(IOException cause) {
    super("the request was not sent: " + cause, cause);
  }

  @Override
  public synchronized IOException getCause() {
    return (IOException) super.getCause();
  }
}
