package io.github.pixverse4j.simulator;

import io.github.pixverse4j.api.internal.ServiceEntries;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Creates the simulator of one provider and describes its protocol's canned answers; found at run
 * time with {@link ServiceLoader} through {@code
 * META-INF/services/io.github.pixverse4j.simulator.SimulatorFactory}, as providers are found
 * through {@code VideoProviderFactory}. The command line's {@code --simulate}, its demo mode and
 * the reliability suite start simulators only through these factories, so a provider module that
 * registers one is simulated like a built-in provider.
 *
 * <p>Implementations need a public no-argument constructor and must be stateless.
 */
public interface SimulatorFactory {
  /**
   * The id of the provider this simulates: its {@code VideoProviderFactory.id()}, such as {@code
   * "gmi"}.
   */
  String providerId();

  /** A new simulator accepting {@code apiKey}, not yet started. */
  ProviderSimulator create(String apiKey);

  /**
   * A complete, HTTP 200 answer of this protocol's {@code "status"} endpoint whose status value no
   * client can know (such as {@code {"status":"TELEPORTING"}}).
   */
  String unknownStatusBody();

  /** This protocol's answer to a submit from an account that cannot pay. */
  Fault insufficientCredits();

  /**
   * The endpoint names one generate from an image URL passes through, in order, from {@code
   * "submit"} (or {@code "upload"}, when the protocol uploads the image first) to the endpoint that
   * reports the terminal state (such as {@code "status"} or {@code "result"}).
   */
  List<String> generateEndpoints();

  /** The request header that carries the API key, such as {@code Authorization}. */
  String credentialHeader();

  /**
   * Whether a job cancelled at the provider is reported as such (CANCELLED, or FAILED with a
   * "cancelled" reason) on the last of {@link #generateEndpoints()}; false when the protocol cannot
   * tell a cancelled job from a failed one.
   */
  boolean reportsCancellation();

  /**
   * Every factory on the class path of {@code loader}, in class-path order. A {@code
   * META-INF/services} entry that cannot be loaded is skipped so that the other simulators stay
   * usable; {@link #load(ClassLoader, List)} says which.
   */
  static List<SimulatorFactory> load(ClassLoader loader) {
    return load(loader, new ArrayList<>());
  }

  /**
   * Like {@link #load(ClassLoader)}, and adds to {@code problems} one line per skipped services
   * entry, such as {@code ignoring simulator entry com.example.Zeta.Factory: class not found (a
   * nested class is written Outer$Inner)}, for the caller to show.
   */
  static List<SimulatorFactory> load(ClassLoader loader, List<String> problems) {
    return ServiceEntries.load(SimulatorFactory.class, loader, "simulator", problems);
  }

  /** The factory simulating provider {@code providerId} on the class path of {@code loader}. */
  static Optional<SimulatorFactory> find(String providerId, ClassLoader loader) {
    for (SimulatorFactory f : load(loader)) {
      if (f.providerId().equals(providerId)) return Optional.of(f);
    }
    return Optional.empty();
  }
}
