package io.github.pixverse4j.client;

/**
 * The facade of a described provider: {@code DescribedClient.builder(WaveSpeed.PROTOCOL)
 * .apiKey(key).build()}, what a provider's own {@code builder()} returns. The settings are {@link
 * ClientBuilder}'s; the default base URL and the missing-key message come from the {@link
 * ProviderDescription}.
 */
public final class DescribedClient {
  private DescribedClient() {}

  /** A builder for {@code description}'s provider; only the API key is required. */
  public static Builder builder(ProviderDescription description) {
    return new Builder(new DescribedProviderFactory(description));
  }

  /** Builds a {@link VideoClient} for one described provider. */
  public static final class Builder extends ClientBuilder<Builder> {
    private final DescribedProviderFactory factory;

    Builder(DescribedProviderFactory factory) {
      super(factory.defaultBaseUrl(), factory);
      this.factory = factory;
    }

    @Override
    public VideoClient build() {
      return DaggerDescribedComponent.factory()
          .create(config(), new DescribedModule(factory.description()))
          .client();
    }
  }
}
