package io.github.pixverse4j.client.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.SocketFactory;

/**
 * Reproduces, deterministically, the failure the journal benchmark hit: a connection taken from
 * OkHttp's pool turns out closed while OkHttp sets up its codec, after the pool's health check
 * passed, so {@code RealConnection.newCodec} throws {@code SocketException: Socket is closed}
 * before any byte of the request is written. When {@linkplain #armOnce() armed}, the next socket
 * that OkHttp sets up a codec on closes itself at that moment; the JDK then throws the real
 * exception.
 */
public final class ClosingSockets extends SocketFactory {
  private final AtomicBoolean armed = new AtomicBoolean();
  private final AtomicInteger fired = new AtomicInteger();
  private final AtomicInteger created = new AtomicInteger();

  /** The next codec set-up on any socket of this factory fails. */
  public void armOnce() {
    armed.set(true);
  }

  /** How many times an armed socket closed itself. */
  public int fired() {
    return fired.get();
  }

  /** How many sockets OkHttp asked for (one per new connection). */
  public int created() {
    return created.get();
  }

  @Override
  public Socket createSocket() {
    created.incrementAndGet();
    return new Socket() {
      @Override
      public void setSoTimeout(int timeout) throws SocketException {
        if (isConnected() && settingUpCodec() && armed.compareAndSet(true, false)) {
          fired.incrementAndGet();
          try {
            close();
          } catch (IOException e) {
            throw new AssertionError(e);
          }
        }
        super.setSoTimeout(timeout);
      }
    };
  }

  private static boolean settingUpCodec() {
    // Only the codec set-up: the health check before it also sets timeouts, and a socket that
    // failed there would simply be replaced (no failure at all).
    return Arrays.stream(new Throwable().getStackTrace())
        .anyMatch(
            f ->
                f.getClassName().equals("okhttp3.internal.connection.RealConnection")
                    && f.getMethodName().equals("newCodec"));
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
