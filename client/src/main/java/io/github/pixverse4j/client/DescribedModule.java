package io.github.pixverse4j.client;

import dagger.Module;
import dagger.Provides;
import io.github.pixverse4j.client.http.ApiKey;
import io.github.pixverse4j.client.provider.BaseHttpClient;
import io.reactivex.rxjava3.core.Scheduler;
import javax.inject.Singleton;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * The Dagger module of any described provider: binds its {@link VideoProvider}. An app with its own
 * {@code @Singleton} component includes it next to {@link ClientModule}, as an instance ({@code
 * .describedModule(new DescribedModule(WaveSpeed.PROTOCOL))}), and binds a {@link ClientConfig};
 * most apps use {@link DescribedClient#builder(ProviderDescription)} instead.
 */
@Module
public final class DescribedModule {
  private final ProviderDescription description;

  public DescribedModule(ProviderDescription description) {
    if (description == null) throw new NullPointerException("description == null");
    this.description = description;
  }

  @Provides
  @Singleton
  VideoProvider provider(
      @BaseHttpClient OkHttpClient base, HttpUrl baseUrl, ApiKey apiKey, Scheduler scheduler) {
    return description.provider(base, baseUrl, apiKey, scheduler);
  }
}
