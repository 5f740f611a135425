package io.github.pixverse4j.odirouter;

import dagger.Module;
import dagger.Provides;
import io.github.pixverse4j.client.BaseHttpClient;
import io.github.pixverse4j.client.VideoProvider;
import io.github.pixverse4j.client.http.ApiKey;
import io.github.pixverse4j.client.http.AuthInterceptor;
import io.github.pixverse4j.client.http.HttpClients;
import io.github.pixverse4j.client.http.ErrorMappingCallAdapterFactory;
import io.github.pixverse4j.client.provider.ProviderAnswers;
import io.github.pixverse4j.odirouter.internal.OdiRouterApi;
import io.github.pixverse4j.odirouter.internal.OdiRouterErrors;
import io.reactivex.rxjava3.core.Scheduler;
import javax.inject.Singleton;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * The Dagger bindings of the OdiRouter provider, for apps that build their own component with
 * {@link io.github.pixverse4j.client.ClientModule}: binds {@link VideoProvider}. Most apps use
 * {@link OdiRouter#builder()} instead.
 */
@Module
public final class OdiRouterModule {
  private OdiRouterModule() {}

  /** The Retrofit interface on an OkHttp client that sends the key as a Bearer token to the base URL's origin only. */
  @Provides
  @Singleton
  static OdiRouterApi api(@BaseHttpClient OkHttpClient base, HttpUrl baseUrl, ApiKey apiKey) {
    OkHttpClient client = HttpClients.forProvider(base, baseUrl, AuthInterceptor.bearer(apiKey, baseUrl));
    OdiRouterErrors errors = new OdiRouterErrors(OdiRouter.PROVIDER_ID, apiKey);
    return ErrorMappingCallAdapterFactory.create(OdiRouter.PROVIDER_ID, errors::forCall, apiKey)
        .retrofit(baseUrl, client)
        .create(OdiRouterApi.class);
  }

  @Provides
  @Singleton
  static VideoProvider provider(OdiRouterApi api, HttpUrl baseUrl, ApiKey apiKey, Scheduler scheduler) {
    return new OdiRouterProvider(api, baseUrl, new ProviderAnswers(OdiRouter.PROVIDER_ID, apiKey, scheduler),
        new OdiRouterErrors(OdiRouter.PROVIDER_ID, apiKey));
  }
}
