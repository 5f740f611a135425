package io.github.pixverse4j.odirouter;

import io.github.pixverse4j.api.ProviderCapabilities;
import io.github.pixverse4j.client.ClientConfig;
import io.github.pixverse4j.client.VideoClient;
import io.github.pixverse4j.client.VideoProviderFactory;

/**
 * Makes OdiRouter available to {@link VideoProviderFactory#find(String)} under the id {@code
 * odirouter}.
 */
public final class OdiRouterProviderFactory implements VideoProviderFactory {
  /** Called by {@link java.util.ServiceLoader}. */
  public OdiRouterProviderFactory() {}

  @Override
  public String id() {
    return OdiRouter.PROVIDER_ID;
  }

  @Override
  public String displayName() {
    return "OdiRouter queue API: PixVerse V6 image-to-video";
  }

  @Override
  public String apiKeyEnvironmentVariable() {
    return "ODIROUTER_API_KEY";
  }

  @Override
  public String defaultBaseUrl() {
    return OdiRouter.DEFAULT_BASE_URL;
  }

  @Override
  public ProviderCapabilities capabilities() {
    return OdiRouter.capabilities();
  }

  @Override
  public VideoClient create(ClientConfig settings) {
    if (settings == null) throw new NullPointerException("settings == null");
    return OdiRouter.builder().settings(settings).build();
  }

  @Override
  public String toString() {
    return "OdiRouterProviderFactory";
  }
}
