package io.github.pixverse4j.pixverse;

import dagger.Module;
import dagger.Provides;
import io.github.pixverse4j.api.Model;
import io.github.pixverse4j.client.VideoProvider;
import io.github.pixverse4j.client.http.ApiKey;
import io.github.pixverse4j.client.http.AuthInterceptor;
import io.github.pixverse4j.client.http.ErrorMappingCallAdapterFactory;
import io.github.pixverse4j.client.http.HttpClients;
import io.github.pixverse4j.client.provider.BaseHttpClient;
import io.github.pixverse4j.client.provider.ProviderAnswers;
import io.github.pixverse4j.pixverse.internal.PixVerseApi;
import io.github.pixverse4j.pixverse.internal.PixVerseErrors;
import io.reactivex.rxjava3.core.Scheduler;
import javax.inject.Singleton;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Dagger bindings for the PixVerse platform API: the {@link VideoProvider} and its Retrofit {@link
 * PixVerseApi}. Include it next to {@code ClientModule} in a {@code @Singleton} component; Dagger
 * creates it with the default model, or pass {@code new PixVerseModule(model)}.
 */
@Module
public final class PixVerseModule {
  private final Model defaultModel;
  private final PixVerseWebhook webhook;

  /** Requests that name no model use {@link PixVerse#DEFAULT_MODEL}. */
  public PixVerseModule() {
    this(PixVerse.DEFAULT_MODEL);
  }

  /** Requests that name no model use {@code defaultModel}. */
  public PixVerseModule(Model defaultModel) {
    if (defaultModel == null) throw new NullPointerException("defaultModel == null");
    this.defaultModel = defaultModel;
    this.webhook = null;
  }

  /**
   * Requests that name no model use {@code defaultModel}; every submit asks for callbacks to {@code
   * webhook}, whose signed callbacks the client's {@code webhookHandler()} verifies.
   */
  public PixVerseModule(Model defaultModel, PixVerseWebhook webhook) {
    if (defaultModel == null) throw new NullPointerException("defaultModel == null");
    if (webhook == null) throw new NullPointerException("webhook == null");
    this.defaultModel = defaultModel;
    this.webhook = webhook;
  }

  @Provides
  @Singleton
  static PixVerseApi api(@BaseHttpClient OkHttpClient base, HttpUrl baseUrl, ApiKey key) {
    OkHttpClient client =
        HttpClients.forProvider(base, baseUrl, AuthInterceptor.header("API-KEY", key, baseUrl));
    // Non-2xx answers arrive as values (the envelope decides); the adapter maps transport and JSON
    // errors.
    PixVerseErrors errors = new PixVerseErrors(key);
    return ErrorMappingCallAdapterFactory.create(
            PixVerse.PROVIDER_ID,
            e -> errors.fromHttpException(e, ErrorMappingCallAdapterFactory.callName(e)),
            key)
        .retrofit(baseUrl, client)
        .create(PixVerseApi.class);
  }

  @Provides
  @Singleton
  VideoProvider provider(PixVerseApi api, ApiKey key, Scheduler scheduler) {
    return new PixVerseProvider(
        api,
        new ProviderAnswers(PixVerse.PROVIDER_ID, key, scheduler),
        new PixVerseErrors(key),
        defaultModel,
        webhook);
  }
}
