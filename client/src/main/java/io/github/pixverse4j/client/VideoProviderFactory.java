package io.github.pixverse4j.client;

import io.github.pixverse4j.api.ExtendVideoRequest;
import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.api.ProviderCapabilities;
import io.github.pixverse4j.api.internal.ServiceEntries;
import io.github.pixverse4j.client.price.CostEstimate;
import io.github.pixverse4j.client.price.PriceQuery;
import io.github.pixverse4j.client.price.PriceSettings;
import io.github.pixverse4j.client.price.PriceTable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Creates a {@link VideoClient} for one provider; found at run time with {@link ServiceLoader}
 * through {@code META-INF/services/io.github.pixverse4j.client.VideoProviderFactory}.
 */
public interface VideoProviderFactory {
  /** The provider id, such as {@code "gmi"}. */
  String id();

  /** A one-line description for listings. */
  String displayName();

  /**
   * The environment variable the command line reads the API key from, such as {@code GMI_API_KEY}.
   */
  String apiKeyEnvironmentVariable();

  /** The base URL used when none is given. */
  String defaultBaseUrl();

  /** The capabilities of the default model, without building a client. */
  ProviderCapabilities capabilities();

  /**
   * Builds a client from {@code config}; an empty {@link ClientConfig#baseUrl()} means {@link
   * #defaultBaseUrl()}.
   */
  VideoClient create(ClientConfig config);

  /**
   * The provider's published prices, for estimates ({@link #estimate(ImageToVideoRequest,
   * PriceSettings)}) and listings ({@link #priceDescription()}); empty (the default) when it
   * publishes none. A provider with prices overrides this alone: the estimates follow.
   */
  default Optional<PriceTable> publishedPrices() {
    return Optional.empty();
  }

  /**
   * What {@code request} would cost: from the user's table in {@code settings} where it has a
   * matching rate, else from {@link #publishedPrices()}; empty when neither prices it. Unset values
   * count as the provider's defaults ({@link PriceQuery#of(ImageToVideoRequest,
   * ProviderCapabilities)}); the request is not validated. An estimate is not a quote.
   */
  default Optional<CostEstimate> estimate(ImageToVideoRequest request, PriceSettings settings) {
    if (settings == null) throw new NullPointerException("settings == null");
    return settings.estimate(PriceQuery.of(request, capabilities()), publishedPrices());
  }

  /**
   * What the extend {@code request} would cost, as {@link #estimate(ImageToVideoRequest,
   * PriceSettings)}; empty when the provider does not extend ({@link
   * ProviderCapabilities#supportsExtend()}).
   */
  default Optional<CostEstimate> estimate(ExtendVideoRequest request, PriceSettings settings) {
    if (settings == null) throw new NullPointerException("settings == null");
    ProviderCapabilities caps = capabilities();
    if (!caps.supportsExtend()) return Optional.empty();
    return settings.estimate(PriceQuery.of(request, caps), publishedPrices());
  }

  /**
   * What {@code request} would cost in US dollars at the provider's published prices (credits at
   * the provider's stated credit price), when it publishes them; the request is not validated.
   * {@code estimate(request, PriceSettings.DEFAULT)} in dollars.
   */
  default Optional<BigDecimal> estimateUsd(ImageToVideoRequest request) {
    return estimate(request, PriceSettings.DEFAULT).map(CostEstimate::usd);
  }

  /**
   * What the extend {@code request} would cost in US dollars at the provider's published prices;
   * empty when unknown or when the provider does not extend.
   */
  default Optional<BigDecimal> estimateUsd(ExtendVideoRequest request) {
    return estimate(request, PriceSettings.DEFAULT).map(CostEstimate::usd);
  }

  /**
   * The published prices in one line, with their date, for listings; empty when unknown. Default:
   * {@link PriceTable#describe(String)} of {@link #publishedPrices()}.
   */
  default Optional<String> priceDescription() {
    return publishedPrices().map(t -> t.describe(id()));
  }

  /**
   * Every factory on the class path of {@code loader}, in class-path order. An entry of a {@code
   * META-INF/services} file that cannot be loaded (a misspelt class name, a class that is not a
   * factory or cannot be instantiated) is skipped so that the other providers stay usable; {@link
   * #load(ClassLoader, List)} says which.
   */
  static List<VideoProviderFactory> load(ClassLoader loader) {
    return load(loader, new ArrayList<>());
  }

  /**
   * Like {@link #load(ClassLoader)}, and adds to {@code problems} one line per skipped services
   * entry, such as {@code ignoring provider entry com.example.Zeta.Factory: class not found (a
   * nested class is written Outer$Inner)}, for the caller to show.
   */
  static List<VideoProviderFactory> load(ClassLoader loader, List<String> problems) {
    return ServiceEntries.load(VideoProviderFactory.class, loader, "provider", problems);
  }

  /** The factory with id {@code id} on the class path of this interface's class loader. */
  static Optional<VideoProviderFactory> find(String id) {
    for (VideoProviderFactory f : load(VideoProviderFactory.class.getClassLoader())) {
      if (f.id().equals(id)) return Optional.of(f);
    }
    return Optional.empty();
  }
}
