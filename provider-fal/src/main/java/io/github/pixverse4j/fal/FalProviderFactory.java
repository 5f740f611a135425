package io.github.pixverse4j.fal;

import io.github.pixverse4j.client.DescribedProviderFactory;

/** Makes fal.ai available to {@code VideoProviderFactory.find("fal")}. */
public final class FalProviderFactory extends DescribedProviderFactory {
  /** Called by {@link java.util.ServiceLoader}. */
  public FalProviderFactory() {
    super(Fal.PROTOCOL);
  }
}
