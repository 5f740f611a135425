package io.github.pixverse4j.cli;

import io.github.pixverse4j.simulator.GmiSimulator;
import io.github.pixverse4j.simulator.Lifecycle;
import io.github.pixverse4j.simulator.OdiRouterSimulator;
import io.github.pixverse4j.simulator.PixVerseSimulator;
import io.github.pixverse4j.simulator.ProviderSimulator;
import io.github.pixverse4j.simulator.V3AsyncSimulator;
import java.security.SecureRandom;
import java.util.Base64;

/** Starts the in-process simulator of a provider, for the demo mode and tests. */
final class EmbeddedSimulators {
  private EmbeddedSimulators() {}

  /** A started simulator of {@code providerId} with a random key and the demo lifecycle. */
  static ProviderSimulator start(String providerId) {
    SecureRandom random = new SecureRandom();
    byte[] raw = new byte[18];
    random.nextBytes(raw);
    String key = "sim-" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    ProviderSimulator sim;
    switch (providerId) {
      case "odirouter":
        sim = new OdiRouterSimulator(key);
        break;
      case "highway":
        sim = V3AsyncSimulator.highway(key);
        break;
      case "myrouter":
        sim = V3AsyncSimulator.myrouter(key);
        break;
      case "gmi":
        sim = new GmiSimulator(key);
        break;
      case "pixverse":
        sim = new PixVerseSimulator(key);
        break;
      default:
        throw new IllegalArgumentException("No simulator for provider '" + providerId + "'");
    }
    sim.defaultLifecycle(Lifecycle.defaultDemo());
    // Fresh task ids per run: the default file name derives from the id, and a second demo run
    // must not collide with the first one's video.
    sim.firstJobNumber(1 + (random.nextLong() >>> 1) % ProviderSimulator.MAX_FIRST_JOB_NUMBER);
    return sim.start();
  }
}
