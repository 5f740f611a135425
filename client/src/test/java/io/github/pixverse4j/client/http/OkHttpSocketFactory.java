package io.github.pixverse4j.client.http;

import java.net.InetAddress;
import java.net.Socket;
import java.util.Arrays;
import javax.net.SocketFactory;

/**
 * A test {@link SocketFactory} for OkHttp, which only ever calls {@link #createSocket()} (and
 * connects the socket itself); the other ways to make a socket are refused.
 */
public abstract class OkHttpSocketFactory extends SocketFactory {
  @Override
  public abstract Socket createSocket();

  /** Whether the current thread is inside OkHttp 3.14's {@code RealConnection.<method>}. */
  protected static boolean inRealConnection(String method) {
    return Arrays.stream(new Throwable().getStackTrace())
        .anyMatch(
            f ->
                f.getClassName().equals("okhttp3.internal.connection.RealConnection")
                    && f.getMethodName().equals(method));
  }

  @Override
  public Socket createSocket(String host, int port) {
    throw new UnsupportedOperationException("OkHttp uses createSocket()");
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort) {
    throw new UnsupportedOperationException("OkHttp uses createSocket()");
  }

  @Override
  public Socket createSocket(InetAddress host, int port) {
    throw new UnsupportedOperationException("OkHttp uses createSocket()");
  }

  @Override
  public Socket createSocket(
      InetAddress address, int port, InetAddress localAddress, int localPort) {
    throw new UnsupportedOperationException("OkHttp uses createSocket()");
  }
}
