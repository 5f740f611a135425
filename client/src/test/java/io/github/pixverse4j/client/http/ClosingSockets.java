package io.github.pixverse4j.client.http;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reproduces, deterministically, the failure the journal benchmark hit: a connection taken from
 * OkHttp's pool turns out closed while OkHttp sets up its codec, after the pool's health check
 * passed, so {@code RealConnection.newCodec} throws {@code SocketException: Socket is closed}
 * before any byte of the request is written. When {@linkplain #armOnce() armed}, the next socket
 * that OkHttp sets up a codec on closes itself at that moment; the JDK then throws the real
 * exception. The client retires such a connection and sends the call once more on another one
 * ({@code DeadConnections}), so it takes {@link #arm(int) two} closures to fail a call.
 */
public final class ClosingSockets extends OkHttpSocketFactory {
  private final AtomicInteger armed = new AtomicInteger();
  private final AtomicInteger fired = new AtomicInteger();
  private final AtomicInteger created = new AtomicInteger();

  /** The next codec set-up on any socket of this factory fails. */
  public void armOnce() {
    arm(1);
  }

  /** The next {@code times} codec set-ups on sockets of this factory fail. */
  public void arm(int times) {
    armed.set(times);
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
        if (isConnected() && settingUpCodec() && armed.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
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
    return inRealConnection("newCodec");
  }
}
