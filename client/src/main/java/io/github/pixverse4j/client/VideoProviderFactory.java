package io.github.pixverse4j.client;

import io.github.pixverse4j.api.internal.ServiceEntries;
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
  io.github.pixverse4j.api.ProviderCapabilities capabilities();

  /**
   * Builds a client from {@code config}; an empty {@link ClientConfig#baseUrl()} means {@link
   * #defaultBaseUrl()}.
   */
  VideoClient create(ClientConfig config);

  /**
   * What {@code request} would cost in US dollars at the provider's published prices, when it
   * publishes them; the request is not validated.
   */
  default Optional<java.math.BigDecimal> estimateUsd(
      io.github.pixverse4j.api.ImageToVideoRequest request) {
    return Optional.empty();
  }

  /** The published prices in one line, with their date, for listings; empty when unknown. */
  default Optional<String> priceDescription() {
    return Optional.empty();
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
