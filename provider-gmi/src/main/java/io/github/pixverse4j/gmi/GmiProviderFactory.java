package io.github.pixverse4j.gmi;

import io.github.pixverse4j.api.ProviderCapabilities;
import io.github.pixverse4j.client.ClientConfig;
import io.github.pixverse4j.client.VideoClient;
import io.github.pixverse4j.client.VideoProviderFactory;
import io.github.pixverse4j.client.price.PriceTable;
import java.util.Optional;

/**
 * Makes GMI clients for {@link java.util.ServiceLoader}: id {@code gmi}, key from {@code
 * GMI_API_KEY}.
 */
public final class GmiProviderFactory implements VideoProviderFactory {
  /** Called by {@link java.util.ServiceLoader}. */
  public GmiProviderFactory() {}

  @Override
  public String id() {
    return GmiProvider.ID;
  }

  @Override
  public String displayName() {
    return "GMI Cloud request queue (PixVerse V6 image-to-video, pixverse-v6-i2v)";
  }

  @Override
  public String apiKeyEnvironmentVariable() {
    return "GMI_API_KEY";
  }

  @Override
  public String defaultBaseUrl() {
    return GmiCloud.DEFAULT_BASE_URL;
  }

  @Override
  public ProviderCapabilities capabilities() {
    return GmiCloud.capabilities();
  }

  /** GMI's published prices: {@link GmiPricing#TABLE}. */
  @Override
  public Optional<PriceTable> publishedPrices() {
    return Optional.of(GmiPricing.TABLE);
  }

  @Override
  public VideoClient create(ClientConfig settings) {
    if (settings == null) throw new NullPointerException("settings == null");
    return GmiCloud.builder().settings(settings).build();
  }
}
