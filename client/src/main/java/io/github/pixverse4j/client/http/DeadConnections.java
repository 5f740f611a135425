package io.github.pixverse4j.client.http;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import okhttp3.Interceptor;
import okhttp3.internal.connection.RealConnection;
import okhttp3.internal.http.RealInterceptorChain;

/**
 * Takes a connection whose socket was closed under it out of OkHttp 3's pool (issue 27, the "Socket
 * is closed" storm).
 *
 * <p>How a closed socket gets into the pool: {@code Call.cancel()} (an RxJava stream disposed, a
 * call timeout) closes the socket of the call's connection when the call holds a connection but no
 * exchange: just after a new connection was set up and before its codec, or just after the answer
 * was read and before the connection is released. OkHttp 3.14 then fails the next codec set-up on
 * it ({@code SocketException: Socket is closed} at {@code RealConnection.newCodec}) without marking
 * the connection, and releases it to the pool as idle. Its pool health check cannot catch it when
 * the connection never completed an exchange (3.14 skips the check then) or when the socket is TLS
 * over the closed raw socket (the TLS socket still says it is open; OkHttp issue 5819). Every call
 * that takes it fails the same way, at once, and it is never the longest idle connection, so the
 * pool never evicts it: one cancel at the wrong instant failed 9,953 of 10,000 tasks in the journal
 * benchmark. OkHttp 4.6 fixed both checks; 3.14.9 is the last OkHttp 3 and will not.
 *
 * <p>The only public way to retire a connection is {@code ConnectionPool.evictAll()}, which closes
 * every idle connection and cannot reach this one while the failed call still holds it, so this
 * class uses OkHttp 3.14's internals: the call's {@code Transmitter} and {@code
 * RealConnection.noNewExchanges()}. When they are not there (another OkHttp 3 release, a chain that
 * is not OkHttp's own), it does nothing, and the call fails as before ({@code
 * DeadConnectionsFallbackTest} hides them from this class for real).
 */
final class DeadConnections {
  private DeadConnections() {}

  /**
   * Called by an application interceptor with the failure of {@code chain.proceed}: when the call
   * still holds a connection that failed this way (its socket is closed, or setting it up threw a
   * {@link SocketException}), marks it so that OkHttp closes it when the call releases it, instead
   * of pooling it, and so that a new attempt of the call takes another connection.
   *
   * @return whether a connection was retired
   */
  static boolean retire(Interceptor.Chain chain, IOException failure) {
    try {
      if (!(chain instanceof RealInterceptorChain)) return false;
      // Written only by the call's own thread (this one); a concurrent cancel only reads it.
      RealConnection connection = ((RealInterceptorChain) chain).transmitter().connection;
      if (connection == null) return false;
      Socket socket = connection.socket();
      if (!(failure instanceof SocketException) && (socket == null || !socket.isClosed())) {
        return false;
      }
      connection.noNewExchanges();
      return true;
    } catch (LinkageError notOkHttp314) {
      return false;
    }
  }
}
