package io.github.pixverse4j.client;

import dagger.Module;
import dagger.Provides;
import io.github.pixverse4j.api.DownloadProgress;
import io.github.pixverse4j.api.Video;
import io.github.pixverse4j.client.http.ApiKey;
import io.github.pixverse4j.client.http.HttpClients;
import io.github.pixverse4j.client.http.VideoDownloader;
import io.github.pixverse4j.client.internal.HttpCalls;
import io.github.pixverse4j.client.internal.HttpLog;
import io.github.pixverse4j.client.internal.Retrying;
import io.github.pixverse4j.client.provider.BaseHttpClient;
import io.reactivex.rxjava3.core.Observable;
import io.reactivex.rxjava3.core.Scheduler;
import io.reactivex.rxjava3.core.Single;
import java.nio.file.Path;
import javax.inject.Singleton;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * The Dagger bindings every provider component shares: it turns a bound {@link ClientConfig} and
 * the provider module's {@link VideoProvider} into a {@link VideoClient}.
 *
 * <p>Public API: an app with its own {@code @Singleton} component includes it with one provider
 * module (such as {@code OdiRouterModule}) and binds a {@link ClientConfig} made by that provider's
 * facade builder ({@link ClientBuilder#config()}), as {@code OdiRouterFacadeTest} and {@code
 * ClientModuleTest} do. {@code docs/architecture.md} records why Dagger is public.
 */
@Module
public final class ClientModule {
  private ClientModule() {}

  @Provides
  static ApiKey apiKey(ClientConfig config) {
    return config.apiKey();
  }

  @Provides
  static HttpUrl baseUrl(ClientConfig config) {
    return config
        .baseUrl()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "the ClientConfig bound in the component has no baseUrl: set one, or make the"
                        + " config with the provider's facade builder (ClientBuilder.config()),"
                        + " which fills in the default"));
  }

  @Provides
  static PollingPolicy pollingPolicy(ClientConfig config) {
    return config.pollingPolicy();
  }

  @Provides
  static Scheduler scheduler(ClientConfig config) {
    return config.scheduler();
  }

  @Provides
  @Singleton
  @BaseHttpClient
  static OkHttpClient baseHttpClient(ClientConfig config) {
    OkHttpClient base = config.httpClient().orElseGet(HttpClients::sharedDefault);
    if (!config.eventListenerFactories().isEmpty()) base = HttpCalls.install(base, config.apiKey());
    if (!config.httpLog().isPresent()) return base;
    return HttpLog.install(base, config.httpLog().get(), config.apiKey());
  }

  @Provides
  @Singleton
  static VideoClient.Downloader downloader(@BaseHttpClient OkHttpClient base, ClientConfig config) {
    VideoDownloader downloader =
        new VideoDownloader(base, config.ioScheduler(), config.scheduler(), config.pollingPolicy());
    return new VideoClient.Downloader() {
      @Override
      public Observable<DownloadProgress> download(Video video, Path target) {
        return downloader.download(video, target);
      }

      @Override
      public Observable<DownloadProgress> download(
          Video video, Path target, Single<Video> freshVideo) {
        return downloader.download(video, target, freshVideo);
      }

      @Override
      public Observable<DownloadProgress> download(
          Video video, Path target, Single<Video> freshVideo, Retrying.Listener retries) {
        return downloader.download(video, target, freshVideo, retries);
      }
    };
  }

  @Provides
  @Singleton
  static VideoClient videoClient(
      VideoProvider provider,
      PollingPolicy policy,
      Scheduler scheduler,
      VideoClient.Downloader downloader,
      HttpUrl baseUrl,
      ClientConfig config) {
    VideoClient client =
        new VideoClient(provider, policy, scheduler, downloader).withEndpoint(baseUrl.toString());
    if (config.journal().isPresent()) client = client.withJournal(config.journal().get());
    for (VideoEventListener.Factory f : config.eventListenerFactories()) {
      client = client.withEventListener(f);
    }
    return client;
  }
}
