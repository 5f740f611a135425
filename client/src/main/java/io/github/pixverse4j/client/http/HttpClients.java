package io.github.pixverse4j.client.http;

import io.github.pixverse4j.api.internal.DurationText;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Builds the {@link OkHttpClient}s pixverse4j uses: one base client per application (dispatcher,
 * connection pool, threads), and per provider a derived client that shares them and adds the
 * provider's credential and the response-size cap.
 */
public final class HttpClients {
  private HttpClients() {}

  /**
   * A new base client with {@link Options#defaults()}. Its dispatcher threads are daemon threads
   * (OkHttp's own are not), so an idle client never keeps the JVM alive.
   */
  public static OkHttpClient newDefault() {
    return newDefault(Options.defaults());
  }

  /** A new base client with the given limits and timeouts. */
  public static OkHttpClient newDefault(Options options) {
    if (options == null) throw new NullPointerException("options == null");
    Dispatcher dispatcher = new Dispatcher(daemonExecutor(options.maxRequests));
    dispatcher.setMaxRequests(options.maxRequests);
    dispatcher.setMaxRequestsPerHost(options.maxRequestsPerHost);
    return new OkHttpClient.Builder()
        .dispatcher(dispatcher)
        .connectionPool(
            new ConnectionPool(
                options.maxIdleConnections, options.keepAlive.toMillis(), TimeUnit.MILLISECONDS))
        .connectTimeout(options.connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
        .readTimeout(options.readTimeout.toMillis(), TimeUnit.MILLISECONDS)
        .writeTimeout(options.writeTimeout.toMillis(), TimeUnit.MILLISECONDS)
        .callTimeout(options.callTimeout.toMillis(), TimeUnit.MILLISECONDS)
        .build();
  }

  /**
   * The process-wide base client used when a provider is built without one: created on first use
   * with {@link Options#defaults()}, shared by every provider so that they share one dispatcher and
   * connection pool.
   */
  public static OkHttpClient sharedDefault() {
    return SharedHolder.CLIENT;
  }

  /**
   * Same as {@link #forProvider(OkHttpClient, HttpUrl, AuthInterceptor, long)} with the 2 MiB cap.
   */
  public static OkHttpClient forProvider(OkHttpClient base, HttpUrl baseUrl, AuthInterceptor auth) {
    return forProvider(base, baseUrl, auth, BodyLimitInterceptor.DEFAULT_MAX_BYTES);
  }

  /**
   * A client for one provider's API, derived from {@code base} (so it shares its dispatcher,
   * connection pool and the application's own interceptors) plus {@code auth} as the last network
   * interceptor that touches the request (only the marker of a request about to be written runs
   * after it) and a {@link BodyLimitInterceptor} of {@code maxBodyBytes}. OkHttp's own silent retry
   * on connection failure is off for every call: only the engine decides what may be sent again.
   * Submits need it off (a resent submit can create a second job); reads keep it off so that the
   * engine is the one retry layer and every failed read shows in {@code TaskStatus.retry()} and its
   * backoff. A call that fails before any byte of its request was written (connect, TLS, taking a
   * pooled connection that turns out closed) fails with a {@link RequestNotSentException}, which
   * lets the engine resend even a submit; once writing may have begun, failures are plain {@link
   * java.io.IOException}s. A connection found with its socket closed before writing (one that a
   * cancel closed, which OkHttp 3 would keep pooled and fail every call on) is discarded, and the
   * call is sent once more on another connection before it fails that way. An answer whose framing
   * cannot be trusted (an interim {@code 1xx}, conflicting {@code Content-Length}s) fails as a
   * {@link java.net.ProtocolException} and its connection is closed.
   *
   * @param base the application's client, or {@code null} for {@link #sharedDefault()}
   * @param baseUrl the provider's base URL; must pass {@link BaseUrls#require(HttpUrl)}
   * @param auth the credential; its base URL must have the same origin as {@code baseUrl}
   */
  public static OkHttpClient forProvider(
      OkHttpClient base, HttpUrl baseUrl, AuthInterceptor auth, long maxBodyBytes) {
    return forProvider(
        base, baseUrl, auth, maxBodyBytes, BodyLimitInterceptor.DEFAULT_MAX_BODY_TIME);
  }

  /**
   * {@link #forProvider(OkHttpClient, HttpUrl, AuthInterceptor, long)} whose answers' bodies must
   * arrive within {@code maxBodyTime} of their headers ({@link BodyLimitInterceptor}); a slower
   * body fails as a timed-out read.
   */
  public static OkHttpClient forProvider(
      OkHttpClient base,
      HttpUrl baseUrl,
      AuthInterceptor auth,
      long maxBodyBytes,
      Duration maxBodyTime) {
    if (baseUrl == null) throw new NullPointerException("baseUrl == null");
    if (auth == null) throw new NullPointerException("auth == null");
    BaseUrls.require(baseUrl);
    if (!BaseUrls.sameOrigin(auth.baseUrl(), baseUrl)) {
      throw new IllegalArgumentException(
          "auth is for "
              + auth.baseUrl().host()
              + ":"
              + auth.baseUrl().port()
              + " but the provider's base URL is "
              + baseUrl.host()
              + ":"
              + baseUrl.port());
    }
    OkHttpClient.Builder b = (base == null ? sharedDefault() : base).newBuilder();
    RequestWriteTracker tracker = new RequestWriteTracker();
    b.addInterceptor(new BodyLimitInterceptor(maxBodyBytes, maxBodyTime));
    b.addInterceptor(tracker.application());
    b.interceptors().remove(HttpFraming.APPLICATION);
    b.addInterceptor(HttpFraming.APPLICATION);
    // Sees the answer first: refuses interim 1xx answers and conflicting lengths (HttpFraming).
    b.networkInterceptors().remove(HttpFraming.INSTANCE);
    b.addNetworkInterceptor(HttpFraming.INSTANCE);
    b.addNetworkInterceptor(auth);
    // Last, so that it runs only when nothing remains between it and writing the request.
    b.addNetworkInterceptor(tracker.network());
    // OkHttp would otherwise silently resend a request (a submit too) after a connection failure,
    // which can create a second job, and would hide failed reads from the engine's accounting.
    b.retryOnConnectionFailure(false);
    return b.build();
  }

  private static ExecutorService daemonExecutor(int threads) {
    // At most one thread per allowed concurrent call. OkHttp's own executor (unbounded, handing
    // work over through a SynchronousQueue) briefly runs more threads than calls: the dispatcher
    // starts the next call before the finishing thread is back in the pool. A bounded pool with a
    // queue keeps the thread count at the dispatcher's limit; idle threads still die after 60 s.
    final AtomicInteger n = new AtomicInteger();
    ThreadFactory factory =
        r -> {
          Thread t = new Thread(r, "pixverse4j-http-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        };
    ThreadPoolExecutor executor =
        new ThreadPoolExecutor(
            threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), factory);
    executor.allowCoreThreadTimeOut(true);
    return executor;
  }

  private static final class SharedHolder {
    static final OkHttpClient CLIENT = newDefault();
  }

  /**
   * Limits and timeouts for {@link #newDefault(Options)}. OkHttp 3 runs each executing call on a
   * thread of its own, so the request limit is also the thread limit: calls beyond it wait in the
   * dispatcher's queue, not on threads. Defaults: 32 concurrent requests (32 per host), 64 idle
   * connections kept 5 minutes, connect 10 s, read 30 s, write 30 s, whole call 60 s.
   */
  public static final class Options {
    final int maxRequests;
    final int maxRequestsPerHost;
    final int maxIdleConnections;
    final Duration keepAlive;
    final Duration connectTimeout;
    final Duration readTimeout;
    final Duration writeTimeout;
    final Duration callTimeout;

    private Options(Builder b) {
      this.maxRequests = b.maxRequests;
      this.maxRequestsPerHost = b.maxRequestsPerHost;
      this.maxIdleConnections = b.maxIdleConnections;
      this.keepAlive = b.keepAlive;
      this.connectTimeout = b.connectTimeout;
      this.readTimeout = b.readTimeout;
      this.writeTimeout = b.writeTimeout;
      this.callTimeout = b.callTimeout;
    }

    public static Options defaults() {
      return builder().build();
    }

    public static Builder builder() {
      return new Builder();
    }

    /** Builds {@link Options}; every setting starts at its default. */
    public static final class Builder {
      private int maxRequests = 32;
      private int maxRequestsPerHost = 32;
      private int maxIdleConnections = 64;
      private Duration keepAlive = Duration.ofMinutes(5);
      private Duration connectTimeout = Duration.ofSeconds(10);
      private Duration readTimeout = Duration.ofSeconds(30);
      private Duration writeTimeout = Duration.ofSeconds(30);
      private Duration callTimeout = Duration.ofSeconds(60);

      private Builder() {}

      /** Requests running at once across all hosts; more wait in the dispatcher's queue. */
      public Builder maxRequests(int maxRequests) {
        if (maxRequests < 1) throw new IllegalArgumentException("maxRequests < 1: " + maxRequests);
        this.maxRequests = maxRequests;
        return this;
      }

      public Builder maxRequestsPerHost(int maxRequestsPerHost) {
        if (maxRequestsPerHost < 1) {
          throw new IllegalArgumentException("maxRequestsPerHost < 1: " + maxRequestsPerHost);
        }
        this.maxRequestsPerHost = maxRequestsPerHost;
        return this;
      }

      public Builder maxIdleConnections(int maxIdleConnections) {
        if (maxIdleConnections < 0) {
          throw new IllegalArgumentException("maxIdleConnections < 0: " + maxIdleConnections);
        }
        this.maxIdleConnections = maxIdleConnections;
        return this;
      }

      public Builder keepAlive(Duration keepAlive) {
        this.keepAlive = positive(keepAlive, "keepAlive");
        return this;
      }

      /** {@link Duration#ZERO} means no timeout, as in OkHttp. */
      public Builder connectTimeout(Duration connectTimeout) {
        this.connectTimeout = nonNegative(connectTimeout, "connectTimeout");
        return this;
      }

      /** Longest silence while reading; {@link Duration#ZERO} means no timeout. */
      public Builder readTimeout(Duration readTimeout) {
        this.readTimeout = nonNegative(readTimeout, "readTimeout");
        return this;
      }

      /** Longest stall while writing; {@link Duration#ZERO} means no timeout. */
      public Builder writeTimeout(Duration writeTimeout) {
        this.writeTimeout = nonNegative(writeTimeout, "writeTimeout");
        return this;
      }

      /**
       * Longest time for one whole API call, redirects included; {@link Duration#ZERO} means no
       * timeout. Video downloads ignore it.
       */
      public Builder callTimeout(Duration callTimeout) {
        this.callTimeout = nonNegative(callTimeout, "callTimeout");
        return this;
      }

      public Options build() {
        return new Options(this);
      }

      private static Duration nonNegative(Duration d, String name) {
        if (d == null) throw new NullPointerException(name + " == null");
        if (d.isNegative())
          throw new IllegalArgumentException(name + " is negative: " + DurationText.of(d));
        return d;
      }

      private static Duration positive(Duration d, String name) {
        nonNegative(d, name);
        if (d.isZero()) throw new IllegalArgumentException(name + " is zero");
        return d;
      }
    }
  }
}
