package io.github.pixverse4j.v3async;

import io.github.pixverse4j.api.ProviderCapabilities;
import io.github.pixverse4j.client.ClientConfig;
import io.github.pixverse4j.client.VideoClient;
import io.github.pixverse4j.client.VideoProviderFactory;

/**
 * Finds {@link V3Async#myrouter()} through {@link java.util.ServiceLoader} under the id {@code
 * myrouter}.
 */
public final class MyRouterProviderFactory implements VideoProviderFactory {
  @Override
  public String id() {
    return "myrouter";
  }

  @Override
  public String displayName() {
    return "myrouter: PixVerse V4.5 image-to-video (v3 async task API)";
  }

  @Override
  public String apiKeyEnvironmentVariable() {
    return "MYROUTER_API_KEY";
  }

  @Override
  public String defaultBaseUrl() {
    return V3Async.MYROUTER_BASE_URL;
  }

  @Override
  public ProviderCapabilities capabilities() {
    return V3AsyncModel.PIXVERSE_V4_5_I2V.capabilities(id());
  }

  @Override
  public VideoClient create(ClientConfig settings) {
    if (settings == null) throw new NullPointerException("settings == null");
    return V3Async.myrouter().settings(settings).build();
  }
}
