package io.github.pixverse4j.client.internal;

import io.github.pixverse4j.client.http.ApiKey;
import io.reactivex.rxjava3.core.Single;
import io.reactivex.rxjava3.core.SingleObserver;
import java.io.IOException;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The client's HTTP log ({@code ClientConfig.Builder.httpLog}): one line per exchange, such as
 * {@code POST https://host/v1/submit -> 200 in 35 ms (attempt 2)}, written when the exchange ends.
 * No header is written, every query value is replaced by {@code …} (presigned media URLs carry
 * their credentials there), user info is left out, and the API key is scrubbed from the line.
 *
 * <p>The attempt number comes from the engine: {@link #attempt} marks the subscription of a retried
 * call, and the base client's event listener factory, which OkHttp calls on the thread that creates
 * the call (Retrofit creates it while the call is subscribed), remembers the mark for that call. A
 * first attempt is not marked and shows no number; so is a call a provider makes after another
 * one's answer (on OkHttp's thread).
 */
public final class HttpLog implements Interceptor {
  private static final ThreadLocal<Integer> ATTEMPT = new ThreadLocal<>();

  /** The attempt of each call created while marked; weak keys: an unused call is forgotten. */
  private static final Map<Call, Integer> ATTEMPTS =
      Collections.synchronizedMap(new WeakHashMap<Call, Integer>());

  private final Consumer<String> log;
  private final ApiKey key;

  private HttpLog(Consumer<String> log, ApiKey key) {
    this.log = log;
    this.key = key;
  }

  /**
   * {@code base} with the HTTP log: {@code log} hears one line per exchange of every client derived
   * from it (provider calls and video downloads).
   *
   * @param key scrubbed from every line; may be {@code null}
   */
  public static OkHttpClient install(OkHttpClient base, Consumer<String> log, ApiKey key) {
    OkHttpClient.Builder b = base.newBuilder();
    EventListener.Factory user = base.eventListenerFactory();
    b.eventListenerFactory(
        call -> {
          Integer attempt = ATTEMPT.get();
          if (attempt != null) ATTEMPTS.put(call, attempt);
          return user.create(call);
        });
    b.interceptors().add(0, new HttpLog(log, key));
    return b.build();
  }

  /**
   * {@code call} whose subscription is marked as attempt {@code attempt} of the engine; {@code
   * call} itself for the first attempt.
   */
  public static <T> Single<T> attempt(Single<T> call, int attempt) {
    if (attempt <= 1) return call;
    return new Single<T>() {
      @Override
      protected void subscribeActual(SingleObserver<? super T> observer) {
        during(ATTEMPT, attempt, () -> call.subscribe(observer));
      }
    };
  }

  /**
   * Runs {@code subscribe} with {@code mark} set to {@code value} on this thread, then puts back
   * what it held: the engine's marks for the calls a subscription creates (here and {@link
   * HttpCalls}).
   */
  static <M> void during(ThreadLocal<M> mark, M value, Runnable subscribe) {
    M before = mark.get();
    mark.set(value);
    try {
      subscribe.run();
    } finally {
      if (before == null) mark.remove();
      else mark.set(before);
    }
  }

  /** Marks the calls this thread creates until {@link #endAttempt()}, for blocking callers. */
  public static void startAttempt(int attempt) {
    if (attempt > 1) ATTEMPT.set(attempt);
  }

  /** Ends {@link #startAttempt}. */
  public static void endAttempt() {
    ATTEMPT.remove();
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    long start = System.nanoTime();
    Integer attempt = ATTEMPTS.remove(chain.call());
    try {
      Response response = chain.proceed(request);
      write(request, String.valueOf(response.code()), start, attempt);
      return response;
    } catch (IOException | RuntimeException e) {
      write(request, "failed (" + e.getClass().getSimpleName() + ")", start, attempt);
      throw e;
    }
  }

  private void write(Request request, String outcome, long startNanos, Integer attempt) {
    String line =
        request.method()
            + " "
            + redacted(request.url())
            + " -> "
            + outcome
            + " in "
            + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos)
            + " ms"
            + (attempt == null ? "" : " (attempt " + attempt + ")");
    try {
      log.accept(key == null ? line : key.scrub(line));
    } catch (RuntimeException ignored) {
      // A log that fails must not fail the call.
    }
  }

  /** Scheme, host, port and path; each query parameter's name with its value replaced by "…". */
  public static String redacted(HttpUrl url) {
    StringBuilder s = new StringBuilder().append(url.scheme()).append("://").append(url.host());
    if (url.port() != HttpUrl.defaultPort(url.scheme())) s.append(':').append(url.port());
    s.append(url.encodedPath());
    for (int i = 0; i < url.querySize(); i++) {
      s.append(i == 0 ? '?' : '&').append(url.queryParameterName(i)).append("=…");
    }
    return s.toString();
  }
}
