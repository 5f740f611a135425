package io.github.pixverse4j.gmi;

import dagger.Module;
import dagger.Provides;
import io.github.pixverse4j.client.VideoProvider;
import io.github.pixverse4j.client.http.ApiKey;
import io.github.pixverse4j.client.http.AuthInterceptor;
import io.github.pixverse4j.client.http.ErrorMappingCallAdapterFactory;
import io.github.pixverse4j.client.http.HttpClients;
import io.github.pixverse4j.client.provider.BaseHttpClient;
import io.github.pixverse4j.client.provider.ProviderAnswers;
import io.github.pixverse4j.gmi.internal.GmiApi;
import io.github.pixverse4j.gmi.internal.GmiErrors;
import io.reactivex.rxjava3.core.Scheduler;
import javax.inject.Singleton;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Dagger bindings of the GMI provider: the Retrofit {@link GmiApi} and the {@link VideoProvider}.
 * Include it with {@code io.github.pixverse4j.client.ClientModule} in a {@code @Singleton}
 * component that binds a {@code ClientConfig}; Dagger creates it with no organization id, or pass
 * {@code new GmiModule("org-id")} to the component's factory.
 */
@Module
public final class GmiModule {
  private final String organizationId;

  /** Sends no organization header: GMI uses the key's own organization. */
  public GmiModule() {
    this.organizationId = null;
  }

  /**
   * Sends {@code X-Organization-ID: organizationId} with every call, for a key that belongs to
   * several organizations.
   */
  public GmiModule(String organizationId) {
    this.organizationId = GmiCloud.checkOrganizationId(organizationId);
  }

  @Provides
  @Singleton
  static GmiApi api(@BaseHttpClient OkHttpClient base, HttpUrl baseUrl, ApiKey key) {
    OkHttpClient client =
        HttpClients.forProvider(base, baseUrl, AuthInterceptor.bearer(key, baseUrl));
    return ErrorMappingCallAdapterFactory.create(GmiCloud.PROVIDER_ID, GmiErrors.mapper(key), key)
        .retrofit(baseUrl, client)
        .create(GmiApi.class);
  }

  @Provides
  @Singleton
  GmiProvider gmiProvider(GmiApi api, ApiKey key, Scheduler scheduler) {
    return new GmiProvider(
        api, new ProviderAnswers(GmiCloud.PROVIDER_ID, key, scheduler), organizationId);
  }

  @Provides
  static VideoProvider videoProvider(GmiProvider provider) {
    return provider;
  }
}
