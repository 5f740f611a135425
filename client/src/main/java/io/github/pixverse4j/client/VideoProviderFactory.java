package io.github.pixverse4j.client;

import io.reactivex.rxjava3.core.Scheduler;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import okhttp3.OkHttpClient;

/**
 * Creates a {@link VideoClient} for one provider; found at run time with {@link ServiceLoader}
 * through {@code META-INF/services/io.github.pixverse4j.client.VideoProviderFactory}.
 */
public interface VideoProviderFactory {
  /** The provider id, such as {@code "gmi"}. */
  String id();

  /** A one-line description for listings. */
  String displayName();

  /** The environment variable the command line reads the API key from, such as {@code GMI_API_KEY}. */
  String apiKeyEnvironmentVariable();

  /** The base URL used when none is given. */
  String defaultBaseUrl();

  /** The capabilities of the default model, without building a client. */
  io.github.pixverse4j.api.ProviderCapabilities capabilities();

  /** Builds a client from the given settings. */
  VideoClient create(Settings settings);

  /**
   * What {@code request} would cost in US dollars at the provider's published prices, when it
   * publishes them; the request is not validated.
   */
  default Optional<java.math.BigDecimal> estimateUsd(io.github.pixverse4j.api.ImageToVideoRequest request) {
    return Optional.empty();
  }

  /** The published prices in one line, with their date, for listings; empty when unknown. */
  default Optional<String> priceDescription() {
    return Optional.empty();
  }

  /** Every factory on the class path of {@code loader}, in class-path order. */
  static List<VideoProviderFactory> load(ClassLoader loader) {
    List<VideoProviderFactory> out = new ArrayList<>();
    for (VideoProviderFactory f : ServiceLoader.load(VideoProviderFactory.class, loader)) {
      out.add(f);
    }
    return out;
  }

  /** The factory with id {@code id} on the class path of this interface's class loader. */
  static Optional<VideoProviderFactory> find(String id) {
    for (VideoProviderFactory f : load(VideoProviderFactory.class.getClassLoader())) {
      if (f.id().equals(id)) return Optional.of(f);
    }
    return Optional.empty();
  }

  /** What a factory needs to build a client; everything but the API key is optional. */
  final class Settings {
    private final String apiKey;
    private final String baseUrl;
    private final OkHttpClient httpClient;
    private final Scheduler scheduler;
    private final PollingPolicy pollingPolicy;

    private Settings(Builder b) {
      this.apiKey = b.apiKey;
      this.baseUrl = b.baseUrl;
      this.httpClient = b.httpClient;
      this.scheduler = b.scheduler;
      this.pollingPolicy = b.pollingPolicy;
    }

    public static Builder builder() {
      return new Builder();
    }

    public String apiKey() {
      return apiKey;
    }

    public Optional<String> baseUrl() {
      return Optional.ofNullable(baseUrl);
    }

    public Optional<OkHttpClient> httpClient() {
      return Optional.ofNullable(httpClient);
    }

    public Optional<Scheduler> scheduler() {
      return Optional.ofNullable(scheduler);
    }

    public Optional<PollingPolicy> pollingPolicy() {
      return Optional.ofNullable(pollingPolicy);
    }

    @Override
    public String toString() {
      return "Settings{apiKey=****, baseUrl=" + baseUrl + "}";
    }

    /** Builds {@link Settings}. */
    public static final class Builder {
      private String apiKey;
      private String baseUrl;
      private OkHttpClient httpClient;
      private Scheduler scheduler;
      private PollingPolicy pollingPolicy;

      private Builder() {}

      public Builder apiKey(String apiKey) {
        if (apiKey == null) throw new NullPointerException("apiKey == null");
        this.apiKey = apiKey;
        return this;
      }

      public Builder baseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
        return this;
      }

      public Builder httpClient(OkHttpClient httpClient) {
        this.httpClient = httpClient;
        return this;
      }

      public Builder scheduler(Scheduler scheduler) {
        this.scheduler = scheduler;
        return this;
      }

      public Builder pollingPolicy(PollingPolicy pollingPolicy) {
        this.pollingPolicy = pollingPolicy;
        return this;
      }

      public Settings build() {
        if (apiKey == null) throw new IllegalStateException("apiKey is required");
        return new Settings(this);
      }
    }
  }
}
