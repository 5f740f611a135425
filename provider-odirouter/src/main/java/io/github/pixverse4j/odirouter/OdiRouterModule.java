package io.github.pixverse4j.odirouter;

import dagger.Module;
import dagger.Provides;
import io.github.pixverse4j.client.VideoProvider;
import io.github.pixverse4j.client.http.ApiKey;
import io.github.pixverse4j.client.provider.BaseHttpClient;
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

  /**
   * {@link OdiRouter#PROTOCOL}'s provider: the key goes as a Bearer token to the base URL's origin
   * only.
   */
  @Provides
  @Singleton
  static VideoProvider provider(
      @BaseHttpClient OkHttpClient base, HttpUrl baseUrl, ApiKey apiKey, Scheduler scheduler) {
    return OdiRouter.PROTOCOL.provider(base, baseUrl, apiKey, scheduler);
  }
}
