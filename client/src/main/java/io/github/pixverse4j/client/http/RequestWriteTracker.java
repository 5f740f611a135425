package io.github.pixverse4j.client.http;

import java.io.IOException;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import okhttp3.Call;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Tells a call that failed before its request reached the wire from one that may have been
 * received, so that the engine can resend a submit that was provably not sent (issue 17: a pooled
 * connection found closed at {@code RealConnection.newCodec} failed many submits at once, each
 * reported as outcome unknown although nothing was sent).
 *
 * <p>Two interceptors share one record per {@link Call}. The {@linkplain #network() network
 * interceptor}, added after every other network interceptor, marks the call when OkHttp has
 * acquired a connection and is about to write the request: nothing of the request is written before
 * it runs (DNS, connect, TLS handshake, pool acquisition and codec set-up all happen before network
 * interceptors), and once it has run, writing may have begun. The {@linkplain #application()
 * application interceptor} turns an {@link IOException} of a call that was never marked into a
 * {@link RequestNotSentException}.
 *
 * <p>Why interceptors and not an {@code EventListener} ({@code requestHeadersStart} would give the
 * same boundary): the listener factory is one slot of the application's {@code OkHttpClient} that
 * it may already use, and a listener cannot change the exception the caller sees, so an interceptor
 * would be needed anyway.
 *
 * <p>Conservative by construction: the mark is per {@link Call} and never cleared, so a call that
 * any earlier attempt (a redirect, OkHttp's own follow-up, an application interceptor that proceeds
 * twice) carried to the wire stays "may have been received" whatever fails later.
 *
 * <p>A failure that leaves the call holding a connection whose socket is closed (issue 27: a cancel
 * closed it while it had no exchange, and OkHttp 3 would pool it and fail every call that takes it)
 * retires that connection ({@link DeadConnections}) whether or not the call was marked; an unmarked
 * call that is not cancelled is then sent once more, on another connection.
 *
 * <p>Installed by every client pixverse4j makes: the provider clients ({@link
 * HttpClients#forProvider}) and the {@link VideoDownloader}. Each must have OkHttp's {@code
 * retryOnConnectionFailure} off: with it on, OkHttp 3.14 retries a call that failed on such a
 * connection on that same connection, without end, before this interceptor ever sees the failure.
 */
final class RequestWriteTracker {
  /** Calls whose request may have reached the wire; weak so that finished calls are forgotten. */
  private final Map<Call, Boolean> written =
      Collections.synchronizedMap(new WeakHashMap<Call, Boolean>());

  private final Interceptor application = new Application();
  private final Interceptor network = new Network();

  /**
   * Whether {@code interceptor} is half of a tracker: a client derived from one that has a tracker
   * (the downloader built from a provider's client) removes it and installs its own.
   */
  static boolean isTracker(Object interceptor) {
    return interceptor instanceof Application || interceptor instanceof Network;
  }

  /** Add with {@code addInterceptor}. */
  Interceptor application() {
    return application;
  }

  /** Add with {@code addNetworkInterceptor}, after every other network interceptor. */
  Interceptor network() {
    return network;
  }

  private Response interceptApplication(Interceptor.Chain chain) throws IOException {
    try {
      return chain.proceed(chain.request());
    } catch (RequestNotSentException e) {
      throw e;
    } catch (IOException e) {
      boolean retired = DeadConnections.retire(chain, e);
      if (written.containsKey(chain.call())) throw e;
      if (!retired || chain.call().isCanceled()) throw new RequestNotSentException(e);
      return sendAgain(chain, e);
    }
  }

  /**
   * The one resend at this layer: the call's connection was found closed before any byte of the
   * request was written, and is retired ({@link DeadConnections}); the same call takes another
   * connection. Nothing of the request reached any server, so this is not a resend of anything the
   * provider could have seen, and a pool with one dead connection costs no failure at all. A second
   * failure before writing is reported as not sent; the engine decides what follows.
   */
  private Response sendAgain(Interceptor.Chain chain, IOException first) throws IOException {
    try {
      return chain.proceed(chain.request());
    } catch (IOException again) {
      DeadConnections.retire(chain, again);
      again.addSuppressed(first);
      if (written.containsKey(chain.call())) throw again;
      throw new RequestNotSentException(again);
    }
  }

  private Response interceptNetwork(Interceptor.Chain chain) throws IOException {
    // Marked before proceeding: the next step writes the request headers.
    written.put(chain.call(), Boolean.TRUE);
    return chain.proceed(chain.request());
  }

  private final class Application implements Interceptor {
    @Override
    public Response intercept(Chain chain) throws IOException {
      return interceptApplication(chain);
    }
  }

  private final class Network implements Interceptor {
    @Override
    public Response intercept(Chain chain) throws IOException {
      return interceptNetwork(chain);
    }
  }
}
