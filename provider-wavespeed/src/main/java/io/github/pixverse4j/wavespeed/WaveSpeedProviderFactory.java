package io.github.pixverse4j.wavespeed;

import io.github.pixverse4j.client.DescribedProviderFactory;

/** Makes WaveSpeed available to {@code VideoProviderFactory.find("wavespeed")}. */
public final class WaveSpeedProviderFactory extends DescribedProviderFactory {
  /** Called by {@link java.util.ServiceLoader}. */
  public WaveSpeedProviderFactory() {
    super(WaveSpeed.PROTOCOL);
  }
}
