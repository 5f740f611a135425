package io.github.pixverse4j.client.http;

import io.github.pixverse4j.api.VideoApiException;
import io.reactivex.rxjava3.core.Completable;
import io.reactivex.rxjava3.core.CompletableSource;
import io.reactivex.rxjava3.core.CompletableTransformer;
import io.reactivex.rxjava3.core.Maybe;
import io.reactivex.rxjava3.core.MaybeSource;
import io.reactivex.rxjava3.core.MaybeTransformer;
import io.reactivex.rxjava3.core.Observable;
import io.reactivex.rxjava3.core.ObservableSource;
import io.reactivex.rxjava3.core.ObservableTransformer;
import io.reactivex.rxjava3.core.Single;
import io.reactivex.rxjava3.core.SingleSource;
import io.reactivex.rxjava3.core.SingleTransformer;
import java.util.function.Function;
import retrofit2.HttpException;

/**
 * Applies {@link HttpErrors#toVideoApiException} to the error of whatever it is composed onto;
 * obtained from {@link HttpErrors#mapErrors}.
 */
public final class ErrorTransformer<T>
    implements SingleTransformer<T, T>,
        MaybeTransformer<T, T>,
        ObservableTransformer<T, T>,
        CompletableTransformer {
  private final String providerId;
  private final Function<? super HttpException, ? extends VideoApiException> httpMapper;
  private final ApiKey keyToScrub;

  ErrorTransformer(
      String providerId,
      Function<? super HttpException, ? extends VideoApiException> httpMapper,
      ApiKey keyToScrub) {
    this.providerId = providerId;
    this.httpMapper = httpMapper;
    this.keyToScrub = keyToScrub;
  }

  private Throwable map(Throwable t) {
    return HttpErrors.toVideoApiException(providerId, t, httpMapper, keyToScrub);
  }

  @Override
  public SingleSource<T> apply(Single<T> upstream) {
    return upstream.onErrorResumeNext(t -> Single.error(map(t)));
  }

  @Override
  public MaybeSource<T> apply(Maybe<T> upstream) {
    return upstream.onErrorResumeNext(t -> Maybe.error(map(t)));
  }

  @Override
  public ObservableSource<T> apply(Observable<T> upstream) {
    return upstream.onErrorResumeNext(t -> Observable.error(map(t)));
  }

  @Override
  public CompletableSource apply(Completable upstream) {
    return upstream.onErrorResumeNext(t -> Completable.error(map(t)));
  }
}
