package io.github.pixverse4j.client.http;

import java.io.IOException;
import java.net.ProtocolException;
import java.net.Socket;
import java.util.List;
import okhttp3.Connection;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * A network interceptor that refuses answers whose framing cannot be trusted, and closes their
 * connection so that no later call reads the rest of them as its own answer:
 *
 * <ul>
 *   <li>conflicting {@code Content-Length} headers (RFC 9112 section 6.3: an unrecoverable error;
 *       OkHttp 3 would use the last one and cut or misframe the body);
 *   <li>an interim {@code 1xx} answer ({@code 102 Processing}, {@code 103 Early Hints}, a second
 *       {@code 100 Continue}) that OkHttp 3.14 hands over as if it were the answer: it skips one
 *       {@code 100} only, and cannot read past any other, so the real answer stays unread on the
 *       connection.
 * </ul>
 *
 * <p>Both fail the call with an {@link UntrustedFramingException}, a {@link ProtocolException}: the
 * engine counts it as a failed read (retried within the deadline), a submit's outcome as unknown
 * (the request was written), and OkHttp does not resend it on its own. The connection's socket is
 * closed: it holds bytes of an answer no one will read. Installed by {@link
 * HttpClients#forProvider} and by {@link VideoDownloader}.
 */
final class HttpFraming implements Interceptor {
  static final HttpFraming INSTANCE = new HttpFraming();

  private HttpFraming() {}

  @Override
  public Response intercept(Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    String problem = problem(response);
    if (problem == null) return response;
    try {
      response.close();
    } finally {
      closeSocket(chain.connection());
    }
    throw new UntrustedFramingException(
        chain.request().url().host() + " " + problem + "; the connection was closed");
  }

  /**
   * The application-interceptor half: OkHttp 3.14 skips one {@code 100 Continue} and then cannot
   * open the body of a second one; its HTTP/1 codec throws {@code IllegalStateException("state:
   * 3")} (reading headers where it expected a body), which would reach the caller as a crash. It
   * becomes an {@link UntrustedFramingException} here, outside the call's own clean-up (caught
   * inside it, among the network interceptors, OkHttp's release of the connection hangs).
   */
  static final Interceptor APPLICATION =
      chain -> {
        try {
          return chain.proceed(chain.request());
        } catch (IllegalStateException e) {
          if (e.getMessage() == null || !e.getMessage().startsWith("state:")) throw e;
          UntrustedFramingException refused =
              new UntrustedFramingException(
                  chain.request().url().host()
                      + " answered with more interim answers (1xx) than OkHttp 3 can skip");
          refused.initCause(e);
          throw refused;
        }
      };

  private static void closeSocket(Connection connection) {
    Socket socket = connection == null ? null : connection.socket();
    if (socket == null) return;
    try {
      socket.close();
    } catch (IOException ignored) {
      // closed either way
    }
  }

  /** What is wrong with the answer's framing, or null. */
  static String problem(Response response) {
    int code = response.code();
    if (code >= 100 && code < 200 && code != 101) {
      return "answered HTTP " + code + " (an interim answer) where OkHttp 3 expects the final one";
    }
    List<String> lengths = response.headers("Content-Length");
    String first = null;
    for (String value : lengths) {
      // One header may carry a list too ("Content-Length: 42, 42"); equal values are harmless.
      for (String part : value.split(",", -1)) {
        String v = part.trim();
        if (first == null) {
          first = v;
        } else if (!first.equals(v)) {
          return "answered with conflicting Content-Length values ("
              + String.join(", ", lengths)
              + "), which RFC 9112 section 6.3 says to reject";
        }
      }
    }
    return null;
  }

  /** An answer whose framing cannot be trusted; see {@link HttpFraming}. */
  static final class UntrustedFramingException extends ProtocolException {
    private static final long serialVersionUID = 1L;

    UntrustedFramingException(String message) {
      super(message);
    }
  }
}
