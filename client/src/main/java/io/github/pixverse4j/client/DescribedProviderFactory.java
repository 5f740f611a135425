package io.github.pixverse4j.client;

import io.github.pixverse4j.api.ProviderCapabilities;

/**
 * The {@link VideoProviderFactory} of a described provider. For {@link java.util.ServiceLoader}, a
 * provider module lists a subclass with a public no-argument constructor: {@code public
 * WaveSpeedProviderFactory() { super(WaveSpeed.PROTOCOL); }}.
 */
public class DescribedProviderFactory implements VideoProviderFactory {
  private final ProviderDescription description;

  public DescribedProviderFactory(ProviderDescription description) {
    if (description == null) throw new NullPointerException("description == null");
    this.description = description;
  }

  /** The description this factory builds clients of. */
  public final ProviderDescription description() {
    return description;
  }

  @Override
  public String id() {
    return description.providerId();
  }

  @Override
  public String displayName() {
    return description.displayName();
  }

  @Override
  public String apiKeyEnvironmentVariable() {
    return description.apiKeyEnvironmentVariable();
  }

  @Override
  public String defaultBaseUrl() {
    return description.defaultBaseUrl();
  }

  @Override
  public ProviderCapabilities capabilities() {
    return description.capabilities();
  }

  @Override
  public VideoClient create(ClientConfig config) {
    if (config == null) throw new NullPointerException("config == null");
    return new DescribedClient.Builder(this).settings(config).build();
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "{" + description.providerId() + "}";
  }
}
