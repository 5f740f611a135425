package io.github.pixverse4j.client;

import io.github.pixverse4j.api.ProviderCapabilities;
import io.github.pixverse4j.client.http.ApiKey;
import io.reactivex.rxjava3.core.Scheduler;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * A provider described by a configuration, such as a protocol family's {@code QueueProtocol} or
 * {@code PollProtocol}: what its facade, Dagger wiring and {@link VideoProviderFactory} need, so
 * that these come from the library ({@link DescribedClient}, {@link DescribedModule}, {@link
 * DescribedProviderFactory}) instead of being written per provider. Implementations are immutable
 * and thread-safe.
 */
public interface ProviderDescription {
  /** The id in every handle, such as {@code wavespeed}. */
  String providerId();

  /** A one-line description for listings ({@link VideoProviderFactory#displayName()}). */
  String displayName();

  /** The environment variable the command line reads the key from, such as {@code FAL_KEY}. */
  String apiKeyEnvironmentVariable();

  /** The base URL a client uses unless another is given. */
  String defaultBaseUrl();

  /** What the provider's endpoint accepts. */
  ProviderCapabilities capabilities();

  /**
   * The {@link VideoProvider} for one client.
   *
   * @param base the client's base OkHttp client (its {@code @BaseHttpClient})
   * @param baseUrl the base URL the provider's paths are relative to
   * @param key the API key
   * @param scheduler the client's scheduler, the clock of every observation
   */
  VideoProvider provider(OkHttpClient base, HttpUrl baseUrl, ApiKey key, Scheduler scheduler);
}
