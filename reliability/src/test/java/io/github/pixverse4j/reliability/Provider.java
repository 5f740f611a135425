package io.github.pixverse4j.reliability;

import io.github.pixverse4j.api.ImageInput;
import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.client.ClientBuilder;
import io.github.pixverse4j.client.PollingPolicy;
import io.github.pixverse4j.client.VideoClient;
import io.github.pixverse4j.client.VideoProviderFactory;
import io.github.pixverse4j.fal.Fal;
import io.github.pixverse4j.gmi.GmiCloud;
import io.github.pixverse4j.odirouter.OdiRouter;
import io.github.pixverse4j.pixverse.PixVerse;
import io.github.pixverse4j.simulator.Fault;
import io.github.pixverse4j.simulator.ProviderSimulator;
import io.github.pixverse4j.simulator.SimulatorFactory;
import io.github.pixverse4j.testkit.FastPolling;
import io.github.pixverse4j.v3async.V3Async;
import io.github.pixverse4j.wavespeed.WaveSpeed;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;

/**
 * The built-in providers, the one provider table of the soak, security and fault-matrix suites. A
 * row is only the provider id and its facade builder (the suites test the facade users call, where
 * a factory's {@code create(ClientConfig)} would skip it); everything else comes from the
 * provider's registered {@link VideoProviderFactory} and {@link SimulatorFactory}, and {@code
 * ProviderTableTest} fails when a registered provider has no row.
 */
public enum Provider {
  ODIROUTER("odirouter", OdiRouter::builder),
  HIGHWAY("highway", V3Async::highway),
  MYROUTER("myrouter", V3Async::myrouter),
  GMI("gmi", GmiCloud::builder),
  PIXVERSE("pixverse", PixVerse::builder),
  WAVESPEED("wavespeed", WaveSpeed::builder),
  FAL("fal", Fal::builder);

  /** The provider id in task handles and the CLI's {@code --provider}. */
  public final String id;

  /** Where the CLI reads the key. */
  public final String envVar;

  /** The header that carries the key. */
  public final String credentialHeader;

  /** Whether the protocol has a cancel call. */
  public final boolean cancelCall;

  /** Whether a cancelled job is reported by the protocol (as CANCELLED or a FAILED "cancelled"). */
  public final boolean cancelledOutcome;

  /** The API endpoints (simulator endpoint names) a generate goes through, in order. */
  public final List<String> endpoints;

  private final SimulatorFactory simulator;
  private final Supplier<ClientBuilder<?>> builder;

  Provider(String id, Supplier<ClientBuilder<?>> builder) {
    ClassLoader loader = Provider.class.getClassLoader();
    VideoProviderFactory factory =
        VideoProviderFactory.load(loader).stream()
            .filter(f -> f.id().equals(id))
            .findFirst()
            .orElseThrow(
                () -> new IllegalStateException("no VideoProviderFactory registered for " + id));
    this.simulator =
        SimulatorFactory.find(id, loader)
            .orElseThrow(
                () -> new IllegalStateException("no SimulatorFactory registered for " + id));
    this.id = id;
    this.envVar = factory.apiKeyEnvironmentVariable();
    this.credentialHeader = simulator.credentialHeader();
    this.cancelCall = factory.capabilities().supportsCancel();
    this.cancelledOutcome = simulator.reportsCancellation();
    this.endpoints = simulator.generateEndpoints();
    this.builder = builder;
  }

  /** A new, not yet started simulator of this protocol. */
  public ProviderSimulator newSimulator(String apiKey) {
    return simulator.create(apiKey);
  }

  /** A started simulator. */
  public ProviderSimulator startSimulator(String apiKey) {
    return newSimulator(apiKey).start();
  }

  /** This provider's own answer for an account that cannot pay. */
  public Fault insufficientCredits() {
    return simulator.insufficientCredits();
  }

  /** A complete 200 status answer of this protocol with a status value no client can know. */
  public String unknownStatusBody() {
    return simulator.unknownStatusBody();
  }

  /** The endpoint that reports a job's terminal state: the last of {@link #endpoints}. */
  public String terminalEndpoint() {
    return endpoints.get(endpoints.size() - 1);
  }

  /** A fresh facade builder, such as {@code GmiCloud.builder()}. */
  public ClientBuilder<?> builder() {
    return builder.get();
  }

  /** A client of {@code sim}; {@code http} may be null (the shared default). */
  public VideoClient client(
      ProviderSimulator sim, String apiKey, PollingPolicy policy, OkHttpClient http) {
    ClientBuilder<?> b = builder();
    b.apiKey(apiKey).baseUrl(sim.baseUrl()).pollingPolicy(policy);
    if (http != null) b.httpClient(http);
    return b.build();
  }

  /** A request every provider accepts. */
  public static ImageToVideoRequest request() {
    return ImageToVideoRequest.builder()
        .image(ImageInput.url("https://example.com/images/cat.png"))
        .prompt("the cat turns its head and smiles")
        .build();
  }

  /**
   * {@link FastPolling} polling at 5-20 ms instead, 4 transient failures in a row tolerated, {@code
   * Retry-After} capped at 20 ms so that 429 bursts do not stall the run.
   */
  public static PollingPolicy fastPolicy(Duration deadline) {
    Duration ms5 = Duration.ofMillis(5);
    Duration ms20 = Duration.ofMillis(20);
    return FastPolling.builder()
        .initialDelay(ms5)
        .maxInterval(ms20)
        .retryDelay(ms5)
        .maxRetryDelay(ms20)
        .maxRetryAfter(ms20)
        .maxSubmitRetries(4)
        .deadline(deadline)
        .tuning(
            FastPolling.tuning().toBuilder()
                .maxHintedInterval(ms20)
                .maxQueuedInterval(ms20)
                .build())
        .build();
  }
}
