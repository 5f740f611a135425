package io.github.pixverse4j.cli;

import io.github.pixverse4j.simulator.Lifecycle;
import io.github.pixverse4j.simulator.ProviderSimulator;
import io.github.pixverse4j.simulator.SimulatorFactory;
import java.security.SecureRandom;
import java.util.Base64;

/** Starts the in-process simulator a provider's module registers, for the demo mode and tests. */
final class EmbeddedSimulators {
  private EmbeddedSimulators() {}

  /** A started simulator of {@code providerId} with a random key and the demo lifecycle. */
  static ProviderSimulator start(String providerId) {
    return create(providerId).defaultLifecycle(Lifecycle.defaultDemo()).start();
  }

  /**
   * A simulator of {@code providerId} accepting a random key, not yet started, numbering its jobs
   * from a random number.
   *
   * @throws IllegalArgumentException when no module registers a simulator of that provider
   */
  static ProviderSimulator create(String providerId) {
    SecureRandom random = new SecureRandom();
    byte[] raw = new byte[18];
    random.nextBytes(raw);
    String key = "sim-" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    ProviderSimulator sim =
        Connection.simulatorOf(providerId)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "No simulator for provider '"
                            + providerId
                            + "': its module registers no "
                            + SimulatorFactory.class.getName()
                            + " (see the testkit README)"))
            .create(key);
    // Fresh task ids per run: the default file name derives from the id, and a second demo run
    // must not collide with the first one's video.
    sim.firstJobNumber(1 + (random.nextLong() >>> 1) % ProviderSimulator.MAX_FIRST_JOB_NUMBER);
    return sim;
  }
}
