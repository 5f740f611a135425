package io.github.pixverse4j.v3async;

import io.github.pixverse4j.api.ProviderCapabilities;
import io.github.pixverse4j.client.ClientConfig;
import io.github.pixverse4j.client.VideoClient;
import io.github.pixverse4j.client.VideoProviderFactory;

/**
 * Finds {@link V3Async#highway()} through {@link java.util.ServiceLoader} under the id {@code
 * highway}.
 */
public final class HighwayProviderFactory implements VideoProviderFactory {
  @Override
  public String id() {
    return "highway";
  }

  @Override
  public String displayName() {
    return "highwayapi: PixVerse V6 image-to-video (v3 async task API)";
  }

  @Override
  public String apiKeyEnvironmentVariable() {
    return "HIGHWAY_API_KEY";
  }

  @Override
  public String defaultBaseUrl() {
    return V3Async.HIGHWAY_BASE_URL;
  }

  @Override
  public ProviderCapabilities capabilities() {
    return V3AsyncModel.PIXVERSE_V6_I2V.capabilities(id());
  }

  @Override
  public VideoClient create(ClientConfig settings) {
    if (settings == null) throw new NullPointerException("settings == null");
    return V3Async.highway().settings(settings).build();
  }
}
