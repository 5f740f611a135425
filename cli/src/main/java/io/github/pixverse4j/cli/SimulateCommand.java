package io.github.pixverse4j.cli;

import io.github.pixverse4j.api.internal.DurationText;
import io.github.pixverse4j.client.VideoProviderFactory;
import io.github.pixverse4j.simulator.Lifecycle;
import io.github.pixverse4j.simulator.ProviderSimulator;
import io.reactivex.rxjava3.core.Single;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code pixverse4j simulate}: one provider's simulator as a server on 127.0.0.1 that runs until
 * Ctrl-C, so that {@code generate --base-url}, {@code watch}, {@code status}, {@code cancel},
 * {@code download}, {@code resume} and the user's own code can be tried without an account.
 */
@Command(
    name = "simulate",
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {SimulateCommand.STOPPED_TEXT, ExitCodes.OTHER_TEXT, ExitCodes.USAGE_TEXT},
    description =
        "Run a provider's simulator as a server on 127.0.0.1 until Ctrl-C, to try the other"
            + " commands and your own code without an account. No request leaves this machine;"
            + " every video is the same 1-second 64x64 placeholder.")
final class SimulateCommand implements Callable<Integer> {
  static final String STOPPED_TEXT = "130:Stopped with Ctrl-C (the server is closed).";

  /** How long a job waits in the queue by default. */
  static final Duration DEFAULT_QUEUE = Duration.ofSeconds(5);

  /** How long a job runs by default. */
  static final Duration DEFAULT_RUN = Duration.ofSeconds(20);

  /** What every video of a simulator is (the kit's sample MP4). */
  static final String PLACEHOLDER = "a 1-second 64x64 placeholder";

  /** Said once after a simulated generate that produced a video. */
  static final String PLACEHOLDER_NOTE =
      "A simulated video is "
          + PLACEHOLDER
          + ", whatever the image and prompt: the real service renders yours.";

  @ParentCommand Main parent;

  @Option(
      names = "--provider",
      paramLabel = "ID",
      completionCandidates = Connection.Ids.class,
      description =
          "The provider to simulate (`pixverse4j providers` lists them). Default: the one generate"
              + " simulates without a key.")
  String provider;

  @Option(
      names = "--port",
      paramLabel = "N",
      description = "The port on 127.0.0.1, 1 to 65535. Default: a free port (printed at start).")
  String port;

  @Option(
      names = "--queue",
      paramLabel = "DURATION",
      description =
          "How long each job waits in the queue, e.g. 5s or 2m (0 for not at all). Default: 5s.")
  String queue;

  @Option(
      names = "--run",
      paramLabel = "DURATION",
      description = "How long each job then runs, e.g. 20s or 2m (0 to end at once). Default: 20s.")
  String run;

  @Option(
      names = "--fail-rate",
      paramLabel = "P",
      description =
          "The share of jobs that fail at the end of their run, 0 to 1 (0.1: one in ten). Default:"
              + " 0.")
  String failRate;

  /** Chooses which jobs fail. */
  private final Random random = new Random();

  @Override
  public Integer call() {
    // Every problem is listed at once, before anything starts.
    List<String> problems = new ArrayList<>();
    String id = null;
    try {
      id = provider == null ? Connection.defaultSimulated() : Connection.factory(provider).id();
      if (!Connection.simulatorOf(id).isPresent()) {
        problems.add("--provider " + id + " has no simulator: its module registers none");
        id = null;
      }
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
    }
    int portNumber = port == null ? 0 : port(problems);
    Duration queued = duration("--queue", queue, DEFAULT_QUEUE, problems);
    Duration running = duration("--run", run, DEFAULT_RUN, problems);
    double failing = failRate == null ? 0 : failRate(problems);
    if (!problems.isEmpty()) {
      StringBuilder b = new StringBuilder();
      for (String p : problems)
        b.append(b.length() == 0 ? "" : " ").append(p).append(p.endsWith(".") ? "" : ".");
      throw new IllegalArgumentException(b.toString());
    }
    VideoProviderFactory factory = Connection.factory(id);
    ProviderSimulator sim = EmbeddedSimulators.create(id);
    Lifecycle succeeds = lifecycle(queued, running).succeeded();
    Lifecycle fails =
        lifecycle(queued, running).failed("simulated failure (--fail-rate " + failRate + ")");
    if (failing > 0) {
      sim.defaultLifecycles(() -> random.nextDouble() < failing ? fails : succeeds);
    } else {
      sim.defaultLifecycle(succeeds);
    }
    try {
      sim.port(portNumber).start();
    } catch (UncheckedIOException e) {
      sim.close();
      throw new IllegalStateException(
          "The "
              + id
              + " simulator cannot listen on 127.0.0.1:"
              + portNumber
              + " ("
              + e.getCause().getMessage()
              + "): choose another --port, or leave it out for a free one.",
          e);
    }
    try {
      describe(factory, sim, queued, running, failing);
      parent.waits.await(Single.never());
      return ExitCodes.OTHER; // never reached: only Ctrl-C ends the wait
    } catch (Waits.CommandInterruptedException e) {
      sim.close();
      parent.out.println("Stopped: the " + id + " simulator at " + sim.baseUrl() + " is closed.");
      parent.out.flush();
      return ExitCodes.INTERRUPTED;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ExitCodes.INTERRUPTED;
    } finally {
      sim.close();
    }
  }

  private void describe(
      VideoProviderFactory f,
      ProviderSimulator sim,
      Duration queued,
      Duration running,
      double failing) {
    PrintWriter out = parent.out;
    String url = sim.baseUrl();
    out.printf("Simulating %s at %s%n", f.id(), url);
    out.printf(
        "No request leaves this machine and nothing is charged. Each job waits %s in the queue and"
            + " runs %s%s; every video is %s.%n",
        DurationText.of(queued),
        DurationText.of(running),
        failing > 0 ? ", and " + percent(failing) + " of the jobs fail" : "",
        PLACEHOLDER);
    out.println("Try it from another terminal (your own code takes the same base URL and key):");
    out.printf("  export %s=%s%n", f.apiKeyEnvironmentVariable(), sim.apiKey());
    // A URL works for every provider; the simulator does not fetch it.
    out.printf(
        "  pixverse4j generate --provider %s --base-url %s --image https://example.com/cat.png"
            + " --prompt \"the cat turns its head\"%n",
        f.id(), url);
    out.printf("  pixverse4j watch TOKEN --base-url %s%n", url);
    out.printf("  pixverse4j status TOKEN --base-url %s   (cancel and download alike)%n", url);
    out.println("  pixverse4j resume   (finds the base URL in the task journal)");
    out.println("Press Ctrl-C to stop.");
    out.flush();
  }

  private static String percent(double share) {
    String p = String.format(Locale.ROOT, "%.1f", share * 100).replaceAll("\\.0$", "");
    return p + "%";
  }

  private static Lifecycle.TimedBuilder lifecycle(Duration queued, Duration running) {
    Lifecycle.TimedBuilder b = Lifecycle.timed();
    if (!queued.isZero()) b.queued(queued, 3);
    if (!running.isZero()) b.running(running, 0, 100).withEta();
    return b;
  }

  private int port(List<String> problems) {
    String p = port.trim();
    if (p.matches("\\d{1,5}")) {
      int n = Integer.parseInt(p);
      if (n >= 1 && n <= 65535) return n;
    }
    problems.add(
        "--port must be a port number from 1 to 65535 (or left out for a free one), got '"
            + p
            + "'");
    return 0;
  }

  private static Duration duration(
      String option, String text, Duration fallback, List<String> problems) {
    if (text == null) return fallback;
    try {
      return Durations.parse(text);
    } catch (RuntimeException e) {
      problems.add(
          option
              + " must be a duration such as 5s, 2m or 1m30s (0 for none), got '"
              + text.trim()
              + "'");
      return fallback;
    }
  }

  private double failRate(List<String> problems) {
    String t = failRate.trim();
    try {
      double d = Double.parseDouble(t);
      if (d >= 0 && d <= 1) return d;
    } catch (NumberFormatException notANumber) {
      // reported below
    }
    problems.add(
        "--fail-rate must be a number from 0 to 1 (0.1 fails one job in ten), got '" + t + "'");
    return 0;
  }
}
