package io.github.pixverse4j.client.internal;

import io.github.pixverse4j.client.http.ApiKey;
import io.reactivex.rxjava3.core.Observable;
import io.reactivex.rxjava3.core.Observer;
import io.reactivex.rxjava3.core.Single;
import io.reactivex.rxjava3.core.SingleObserver;
import java.io.IOException;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Tells an operation's event listeners of each HTTP call made for it ({@code
 * VideoEventListener.httpCallStart}/{@code httpCallEnd}); installed on the base client by {@code
 * ClientModule} when the client has listeners.
 *
 * <p>Which operation a call belongs to crosses to OkHttp's threads the way {@link HttpLog}'s
 * attempt number does: the engine marks the subscription of each provider call ({@link #marked})
 * and the creation of each download call ({@link #mark}), and the base client's event listener
 * factory, which OkHttp calls on the thread that creates the call, keeps the mark for that call. A
 * call a provider makes after another one's answer (PixVerse's submit after its upload, the queue
 * family's result after a status) is created in that answer's callback, on the OkHttp thread that
 * ran the first call: it gets that call's operation, which this interceptor leaves on the thread. A
 * mark left over from an operation that has ended is ignored ({@link EngineEvents#httpStart}
 * returns null).
 */
public final class HttpCalls implements Interceptor {
  /** The operation whose calls this thread creates now (explicit marks). */
  private static final ThreadLocal<EngineEvents> MARK = new ThreadLocal<>();

  /** The operation of the call this thread ran last: its callback may chain another call. */
  private static final ThreadLocal<EngineEvents> RAN = new ThreadLocal<>();

  /** The operation of each call created while marked; weak keys: an unused call is forgotten. */
  private static final Map<Call, EngineEvents> CALLS =
      Collections.synchronizedMap(new WeakHashMap<Call, EngineEvents>());

  private final ApiKey key;

  private HttpCalls(ApiKey key) {
    this.key = key;
  }

  /**
   * {@code base} telling each call's operation of it, for every client derived from it.
   *
   * @param key scrubbed from every URL passed on; may be {@code null}
   */
  public static OkHttpClient install(OkHttpClient base, ApiKey key) {
    OkHttpClient.Builder b = base.newBuilder();
    EventListener.Factory user = base.eventListenerFactory();
    b.eventListenerFactory(
        call -> {
          EngineEvents events = MARK.get();
          if (events == null) events = RAN.get();
          if (events != null) CALLS.put(call, events);
          return user.create(call);
        });
    b.interceptors().add(0, new HttpCalls(key));
    return b.build();
  }

  /** {@code call} whose subscription marks the calls it creates as {@code events}' own. */
  static <T> Single<T> marked(Single<T> call, EngineEvents events) {
    return new Single<T>() {
      @Override
      protected void subscribeActual(SingleObserver<? super T> observer) {
        HttpLog.during(MARK, events, () -> call.subscribe(observer));
      }
    };
  }

  /** {@code stream} whose subscription marks the calls it creates as {@code events}' own. */
  static <T> Observable<T> marked(Observable<T> stream, EngineEvents events) {
    return new Observable<T>() {
      @Override
      protected void subscribeActual(Observer<? super T> observer) {
        HttpLog.during(MARK, events, () -> stream.subscribe(observer));
      }
    };
  }

  /**
   * The operation marking this thread now, or {@code null}: a blocking caller captures it where it
   * is subscribed and {@linkplain #mark marks} the thread that later creates its calls.
   */
  public static EngineEvents current() {
    return MARK.get();
  }

  /** Marks the calls this thread creates as {@code events}' until {@link #unmark()}. */
  public static void mark(EngineEvents events) {
    if (events != null) MARK.set(events);
  }

  /** Ends {@link #mark}. */
  public static void unmark() {
    MARK.remove();
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    EngineEvents events = CALLS.remove(chain.call());
    RAN.set(events);
    Request request = chain.request();
    Object exchange = null;
    if (events != null) {
      String shown = HttpLog.redacted(request.url());
      exchange =
          events.httpStart(request.method(), request.url(), key == null ? shown : key.scrub(shown));
    }
    if (exchange == null) return chain.proceed(request);
    try {
      Response response = chain.proceed(request);
      events.httpEnd(exchange, response.code(), null);
      return response;
    } catch (IOException | RuntimeException e) {
      events.httpEnd(exchange, -1, e);
      throw e;
    }
  }
}
