package io.github.pixverse4j.cli;

import io.github.pixverse4j.api.ImageInput;
import io.github.pixverse4j.client.ClientConfig;
import io.github.pixverse4j.client.PollingPolicy;
import io.github.pixverse4j.client.VideoClient;
import io.github.pixverse4j.client.VideoProviderFactory;
import io.github.pixverse4j.client.journal.TaskJournal;
import io.github.pixverse4j.simulator.ProviderSimulator;
import io.github.pixverse4j.simulator.SimulatorFactory;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A client for one provider, talking either to the real service (its key is in the environment) or
 * to that provider's simulator started in-process. Closing it stops the simulator.
 */
final class Connection implements AutoCloseable {
  /** The provider ids, for shell completion of {@code --provider}. */
  static final class Ids implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      List<String> ids = new ArrayList<>();
      for (VideoProviderFactory f : factories()) ids.add(f.id());
      return ids.iterator();
    }
  }

  final VideoProviderFactory factory;
  final VideoClient client;
  final ProviderSimulator simulator;
  private final String baseUrl;
  private final boolean journaled;

  private Connection(
      VideoProviderFactory factory,
      VideoClient client,
      ProviderSimulator simulator,
      String baseUrl,
      boolean journaled) {
    this.factory = factory;
    this.client = client;
    this.simulator = simulator;
    this.baseUrl = baseUrl;
    this.journaled = journaled;
  }

  boolean simulated() {
    return simulator != null;
  }

  /** How messages tell the user to pick this connection's tasks up again. */
  ResumeHint resumeHint() {
    return simulated() ? ResumeHint.simulated() : ResumeHint.real(baseUrl, journaled);
  }

  /**
   * The provider and, when {@code --base-url} chose it, the host it is reached at: for messages.
   */
  String where() {
    if (baseUrl == null || simulated()) return factory.id();
    java.net.URI u = java.net.URI.create(baseUrl);
    return factory.id() + " at " + u.getHost() + (u.getPort() >= 0 ? ":" + u.getPort() : "");
  }

  /**
   * Where providers and simulators are looked up: the thread's context class loader, which is the
   * class path the command was started with (the launcher's extra jars included), else this class's
   * loader.
   */
  static ClassLoader loader() {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    return context != null ? context : Connection.class.getClassLoader();
  }

  /**
   * The registered providers in class-path order, which is the order the command prefers them in
   * when none is named: the built-in ones in the order of the command's dependencies, then those of
   * extra jars.
   */
  static List<VideoProviderFactory> factories() {
    return VideoProviderFactory.load(loader());
  }

  /**
   * One line per {@code META-INF/services} entry of a provider or simulator that could not be
   * loaded and is ignored (a misspelt class name in an add-on jar), for a warning.
   */
  static List<String> loadProblems() {
    List<String> problems = new ArrayList<>();
    VideoProviderFactory.load(loader(), problems);
    SimulatorFactory.load(loader(), problems);
    return problems;
  }

  /** The registered simulator of {@code providerId}, if a module registers one. */
  static Optional<SimulatorFactory> simulatorOf(String providerId) {
    return SimulatorFactory.find(providerId, loader());
  }

  /**
   * The provider simulated when no key is set and none is named: the first with a simulator whose
   * model accepts a local image file (so the demo runs with a file at hand), else the first with a
   * simulator.
   */
  static String defaultSimulated() {
    String first = null;
    for (VideoProviderFactory f : factories()) {
      if (!simulatorOf(f.id()).isPresent()) continue;
      if (f.capabilities().imageKinds().contains(ImageInput.Kind.FILE)) return f.id();
      if (first == null) first = f.id();
    }
    if (first == null)
      throw new IllegalStateException(
          "No provider with a registered simulator is on the class path");
    return first;
  }

  /** The provider with this id, in any letter case ({@code GMI} is {@code gmi}). */
  static VideoProviderFactory factory(String id) {
    String wanted = id.trim().toLowerCase(java.util.Locale.ROOT);
    for (VideoProviderFactory f : factories()) {
      if (f.id().toLowerCase(java.util.Locale.ROOT).equals(wanted)) return f;
    }
    List<String> ids = new ArrayList<>();
    for (VideoProviderFactory f : factories()) ids.add(f.id());
    throw new IllegalArgumentException(
        "Unknown provider '"
            + id
            + "': use one of "
            + io.github.pixverse4j.api.internal.ListText.of(ids, "or")
            + " (an add-on provider's jar goes in PIXVERSE4J_CLASSPATH: docs/cli.md, \"Providers"
            + " from other jars\")");
  }

  /** The named provider, else the first whose key is set, else the default simulated one. */
  static String chooseProvider(String requested, Env env) {
    if (requested != null) return factory(requested).id();
    for (VideoProviderFactory f : factories()) {
      if (key(f, env).isPresent()) return f.id();
    }
    return defaultSimulated();
  }

  static Optional<String> key(VideoProviderFactory f, Env env) {
    String k = env.get(f.apiKeyEnvironmentVariable());
    return k == null || k.trim().isEmpty() ? Optional.empty() : Optional.of(k.trim());
  }

  /**
   * How to reach a provider, from a command's options: the {@code --base-url} (null: the provider's
   * own service), whether {@code --simulate} was given, and the polling policy for a real or a
   * simulated provider.
   */
  static final class Settings {
    final String baseUrl;
    final boolean simulate;
    final java.util.function.Function<Boolean, PollingPolicy> policy;

    /** {@code --verbose}'s HTTP log, or null. */
    final java.util.function.Consumer<String> httpLog;

    Settings(
        String baseUrl,
        boolean simulate,
        java.util.function.Function<Boolean, PollingPolicy> policy) {
      this(baseUrl, simulate, policy, null);
    }

    Settings(
        String baseUrl,
        boolean simulate,
        java.util.function.Function<Boolean, PollingPolicy> policy,
        java.util.function.Consumer<String> httpLog) {
      this.baseUrl = baseUrl;
      this.simulate = simulate;
      this.policy = policy;
      this.httpLog = httpLog;
    }

    /** {@code b} with the HTTP log when there is one. */
    ClientConfig.Builder logging(ClientConfig.Builder b) {
      return httpLog == null ? b : b.httpLog(httpLog);
    }
  }

  /**
   * Opens a connection to {@code providerId}: simulated when {@code settings.simulate} or no key is
   * in the environment, saying so on {@code err}; a real service's client records into {@code
   * journal} (null: none).
   */
  static Connection open(
      String providerId, Env env, Settings settings, PrintWriter err, TaskJournal journal) {
    VideoProviderFactory f = factory(providerId);
    Optional<String> key = key(f, env);
    boolean simulate = settings.simulate;
    if (!simulates(f, env, simulate)) {
      ClientConfig.Builder s =
          ClientConfig.builder().apiKey(key.get()).pollingPolicy(settings.policy.apply(false));
      if (settings.baseUrl != null) s.baseUrl(settings.baseUrl);
      VideoClient client = f.create(settings.logging(s).build());
      return new Connection(
          f,
          journal == null ? client : client.withJournal(journal),
          null,
          settings.baseUrl,
          journal != null);
    }
    String why = simulate ? "--simulate was given" : f.apiKeyEnvironmentVariable() + " is not set";
    String advice = realServiceAdvice(f, simulate, key.isPresent());
    if (!simulatorOf(f.id()).isPresent()) {
      throw new IllegalArgumentException(
          "Cannot simulate "
              + f.id()
              + " ("
              + why
              + "): its module registers no"
              + " simulator. "
              + advice);
    }
    err.printf(
        "Simulating %s in-process (%s): no request leaves this machine and no credits are used."
            + " %s%n",
        f.id(), why, advice);
    err.flush();
    ProviderSimulator sim = EmbeddedSimulators.start(f.id());
    try {
      VideoClient client =
          f.create(
              settings
                  .logging(
                      ClientConfig.builder()
                          .apiKey(sim.apiKey())
                          .baseUrl(sim.baseUrl())
                          .pollingPolicy(settings.policy.apply(true)))
                  .build());
      return new Connection(f, client, sim, null, false);
    } catch (RuntimeException e) {
      sim.close();
      throw e;
    }
  }

  /**
   * Whether {@link #open} simulates {@code f}: {@code --simulate} was given, or its key is not set.
   */
  static boolean simulates(VideoProviderFactory f, Env env, boolean simulateGiven) {
    return simulateGiven || !key(f, env).isPresent();
  }

  /** What to change to reach the real service: only the steps that apply to this run. */
  static String realServiceAdvice(VideoProviderFactory f, boolean simulateGiven, boolean keySet) {
    if (simulateGiven && keySet) return "To use the real service, leave out --simulate.";
    if (simulateGiven)
      return "To use the real service, set "
          + f.apiKeyEnvironmentVariable()
          + " and leave out --simulate.";
    return "To use the real service, set " + f.apiKeyEnvironmentVariable() + ".";
  }

  @Override
  public void close() {
    if (simulator != null) simulator.close();
  }
}
