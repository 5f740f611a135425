package io.github.pixverse4j.client.http;

import io.github.pixverse4j.api.ErrorDetails;
import io.github.pixverse4j.api.VideoApiException;
import io.reactivex.rxjava3.core.Completable;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.core.Maybe;
import io.reactivex.rxjava3.core.Observable;
import io.reactivex.rxjava3.core.Single;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.function.Function;
import retrofit2.Call;
import retrofit2.CallAdapter;
import retrofit2.HttpException;
import retrofit2.Invocation;
import retrofit2.Retrofit;

/**
 * Maps the errors of every call of a provider's Retrofit interface in one place, so that no call
 * site can forget it: a delegating {@link CallAdapter.Factory} that wraps the next adapter (the
 * RxJava 3 one of {@link Retrofits#create}) and applies {@link HttpErrors#toVideoApiException} to
 * the error of the {@code Single}, {@code Maybe}, {@code Completable}, {@code Observable} or {@code
 * Flowable} it returns. Non-2xx answers go through the provider's mapper (which may return {@code
 * null} for the shared table), unreadable JSON becomes {@code MalformedResponseException}, I/O
 * failures {@code TransportException}.
 *
 * <p>The API key is scrubbed from every message: a provider's mapper that leaks it into a message
 * is overruled by the shared mapping, which never does. Obtain a {@link retrofit2.Retrofit} with it
 * from {@link #retrofit}; a method returning {@code Response<T>} receives non-2xx answers as
 * values, which its caller interprets (and maps with the same mapper, see {@link #map}).
 */
public final class ErrorMappingCallAdapterFactory extends CallAdapter.Factory {
  private final String providerId;
  private final Function<? super HttpException, ? extends VideoApiException> httpMapper;
  private final ApiKey key;

  private ErrorMappingCallAdapterFactory(
      String providerId,
      Function<? super HttpException, ? extends VideoApiException> httpMapper,
      ApiKey key) {
    this.providerId = providerId;
    this.httpMapper = httpMapper;
    this.key = key;
  }

  /**
   * @param providerId the id named in every mapped exception
   * @param httpMapper maps a non-2xx answer; returns {@code null} for the shared table of {@link
   *     HttpErrors#fromResponse}. {@link #callName(HttpException)} tells which interface method the
   *     answer belongs to.
   * @param key scrubbed from every message; may be {@code null}
   */
  public static ErrorMappingCallAdapterFactory create(
      String providerId,
      Function<? super HttpException, ? extends VideoApiException> httpMapper,
      ApiKey key) {
    if (providerId == null) throw new NullPointerException("providerId == null");
    if (httpMapper == null) throw new NullPointerException("httpMapper == null");
    return new ErrorMappingCallAdapterFactory(providerId, httpMapper, key);
  }

  /**
   * {@link Retrofits#create} with this factory in front of the RxJava 3 adapter: every call of an
   * interface made from it reports {@link VideoApiException}s.
   */
  public retrofit2.Retrofit retrofit(okhttp3.HttpUrl baseUrl, okhttp3.OkHttpClient client) {
    Retrofit.Builder b = Retrofits.create(baseUrl, client).newBuilder();
    b.callAdapterFactories().add(0, this);
    return b.build();
  }

  /**
   * The name of the interface method whose call got {@code e} ({@code "submit"}, {@code "status"}),
   * or {@code ""} when the answer does not say (a hand-made {@code HttpException}). Read from
   * Retrofit's {@link Invocation} tag; a shrinker that renames interface methods (R8 may,
   * Retrofit's rules allow it) renames this too, so use it for messages, not for decisions that
   * must survive shrinking.
   */
  public static String callName(HttpException e) {
    retrofit2.Response<?> r = e == null ? null : e.response();
    Invocation inv = r == null ? null : r.raw().request().tag(Invocation.class);
    return inv == null ? "" : inv.method().getName();
  }

  /** What a failed call reports: the error mapped as described in the class comment. */
  public Throwable map(Throwable error) {
    Throwable mapped = HttpErrors.toVideoApiException(providerId, error, httpMapper, key);
    if (!(mapped instanceof VideoApiException) || key == null) return mapped;
    if (!key.occursIn(mapped.getMessage())) return mapped;
    // The provider's mapper quoted the key: fall back to the shared mapping, which scrubs it.
    if (error instanceof HttpException) {
      return HttpErrors.fromHttpException(providerId, (HttpException) error, key);
    }
    VideoApiException v = (VideoApiException) mapped;
    return new VideoApiException(
        HttpErrors.snippet(v.baseMessage(), key),
        v.details() == null ? ErrorDetails.provider(providerId) : v.details());
  }

  @Override
  public CallAdapter<?, ?> get(Type returnType, Annotation[] annotations, Retrofit retrofit) {
    return wrap(retrofit.nextCallAdapter(this, returnType, annotations));
  }

  private <R, T> CallAdapter<R, Object> wrap(CallAdapter<R, T> next) {
    return new Mapping<>(next);
  }

  private final class Mapping<R, T> implements CallAdapter<R, Object> {
    private final CallAdapter<R, T> next;

    Mapping(CallAdapter<R, T> next) {
      this.next = next;
    }

    @Override
    public Type responseType() {
      return next.responseType();
    }

    @Override
    public Object adapt(Call<R> call) {
      Object adapted = next.adapt(call);
      if (adapted instanceof Single) {
        return ((Single<?>) adapted).onErrorResumeNext(t -> Single.error(map(t)));
      }
      if (adapted instanceof Maybe) {
        return ((Maybe<?>) adapted).onErrorResumeNext(t -> Maybe.error(map(t)));
      }
      if (adapted instanceof Completable) {
        return ((Completable) adapted).onErrorResumeNext(t -> Completable.error(map(t)));
      }
      if (adapted instanceof Observable) {
        return ((Observable<?>) adapted).onErrorResumeNext(t -> Observable.error(map(t)));
      }
      if (adapted instanceof Flowable) {
        return ((Flowable<?>) adapted).onErrorResumeNext(t -> Flowable.error(map(t)));
      }
      return adapted;
    }
  }
}
