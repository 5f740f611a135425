package io.github.pixverse4j.pixverse;

import io.github.pixverse4j.api.ProviderCapabilities;
import io.github.pixverse4j.client.ClientConfig;
import io.github.pixverse4j.client.VideoClient;
import io.github.pixverse4j.client.VideoProviderFactory;
import io.github.pixverse4j.client.price.PriceTable;
import java.util.Optional;

/** Finds the PixVerse platform API through {@link java.util.ServiceLoader}: id {@code pixverse}. */
public final class PixVerseProviderFactory implements VideoProviderFactory {
  /** Public for {@link java.util.ServiceLoader}. */
  public PixVerseProviderFactory() {}

  @Override
  public String id() {
    return PixVerseProvider.ID;
  }

  @Override
  public String displayName() {
    return "PixVerse platform API (upload, then image-to-video; v3.5, v4, v4.5)";
  }

  @Override
  public String apiKeyEnvironmentVariable() {
    return "PIXVERSE_API_KEY";
  }

  @Override
  public String defaultBaseUrl() {
    return PixVerse.DEFAULT_BASE_URL;
  }

  @Override
  public ProviderCapabilities capabilities() {
    return PixVerseCapabilities.forModel(PixVerse.DEFAULT_MODEL);
  }

  /** The platform's prices in credits: {@link PixVersePricing#TABLE}. */
  @Override
  public Optional<PriceTable> publishedPrices() {
    return Optional.of(PixVersePricing.TABLE);
  }

  @Override
  public VideoClient create(ClientConfig settings) {
    if (settings == null) throw new NullPointerException("settings == null");
    return PixVerse.builder().settings(settings).build();
  }
}
