package io.github.pixverse4j.v3async;

import dagger.Module;
import dagger.Provides;
import io.github.pixverse4j.client.VideoProvider;
import io.github.pixverse4j.client.http.ApiKey;
import io.github.pixverse4j.client.http.AuthInterceptor;
import io.github.pixverse4j.client.http.ErrorMappingCallAdapterFactory;
import io.github.pixverse4j.client.http.HttpClients;
import io.github.pixverse4j.client.provider.BaseHttpClient;
import io.github.pixverse4j.client.provider.ProviderAnswers;
import io.github.pixverse4j.v3async.internal.V3AsyncApi;
import io.github.pixverse4j.v3async.internal.V3AsyncErrors;
import io.reactivex.rxjava3.core.Scheduler;
import javax.inject.Singleton;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Binds the v3 async {@link VideoProvider} for one host and model. Include it, with {@code
 * ClientModule}, in your own Dagger component: {@code new V3AsyncModule("highway",
 * V3AsyncModel.PIXVERSE_V6_I2V)}.
 */
@Module
public final class V3AsyncModule {
  private final String providerId;
  private final V3AsyncModel model;
  private final V3AsyncWebhook webhook;

  /**
   * @param providerId the id put in every handle, such as {@code "highway"} (lower case, 1-32
   *     characters of a-z, 0-9, '-', '_')
   */
  public V3AsyncModule(String providerId, V3AsyncModel model) {
    if (providerId == null) throw new NullPointerException("providerId == null");
    if (model == null) throw new NullPointerException("model == null");
    V3Async.checkProviderId(providerId);
    this.providerId = providerId;
    this.model = model;
    this.webhook = null;
  }

  /**
   * {@link #V3AsyncModule(String, V3AsyncModel)} asking for a callback to {@code webhook} with
   * every submit; the client's {@code webhookHandler()} checks its token.
   */
  public V3AsyncModule(String providerId, V3AsyncModel model, V3AsyncWebhook webhook) {
    if (providerId == null) throw new NullPointerException("providerId == null");
    if (model == null) throw new NullPointerException("model == null");
    if (webhook == null) throw new NullPointerException("webhook == null");
    V3Async.checkProviderId(providerId);
    this.providerId = providerId;
    this.model = model;
    this.webhook = webhook;
  }

  @Provides
  @Singleton
  V3AsyncApi api(@BaseHttpClient OkHttpClient base, HttpUrl baseUrl, ApiKey key) {
    OkHttpClient client =
        HttpClients.forProvider(base, baseUrl, AuthInterceptor.bearer(key, baseUrl));
    return ErrorMappingCallAdapterFactory.create(
            providerId, V3AsyncErrors.mapper(providerId, key), key)
        .retrofit(baseUrl, client)
        .create(V3AsyncApi.class);
  }

  @Provides
  @Singleton
  V3AsyncProvider v3AsyncProvider(V3AsyncApi api, ApiKey key, Scheduler scheduler) {
    return new V3AsyncProvider(
        model, api, new ProviderAnswers(providerId, key, scheduler), webhook);
  }

  @Provides
  static VideoProvider videoProvider(V3AsyncProvider provider) {
    return provider;
  }
}
