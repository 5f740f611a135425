package com.example.fal;

import dagger.Module;
import dagger.Provides;
import io.github.pixverse4j.client.VideoProvider;
import io.github.pixverse4j.client.http.ApiKey;
import io.github.pixverse4j.client.provider.BaseHttpClient;
import io.reactivex.rxjava3.core.Scheduler;
import javax.inject.Singleton;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

@Module
public final class FalModule {
  private FalModule() {}

  @Provides
  @Singleton
  static VideoProvider provider(
      @BaseHttpClient OkHttpClient base, HttpUrl baseUrl, ApiKey key, Scheduler scheduler) {
    return FalPixVerse.PROTOCOL.provider(base, baseUrl, key, scheduler);
  }
}
