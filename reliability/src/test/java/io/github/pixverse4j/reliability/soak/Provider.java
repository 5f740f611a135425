package io.github.pixverse4j.reliability.soak;

import io.github.pixverse4j.api.ImageInput;
import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.client.ClientBuilder;
import io.github.pixverse4j.client.PollingPolicy;
import io.github.pixverse4j.client.VideoClient;
import io.github.pixverse4j.gmi.GmiCloud;
import io.github.pixverse4j.odirouter.OdiRouter;
import io.github.pixverse4j.pixverse.PixVerse;
import io.github.pixverse4j.simulator.GmiSimulator;
import io.github.pixverse4j.simulator.OdiRouterSimulator;
import io.github.pixverse4j.simulator.PixVerseSimulator;
import io.github.pixverse4j.simulator.ProviderSimulator;
import io.github.pixverse4j.simulator.V3AsyncSimulator;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;

/**
 * The five built-in providers (four protocols; highway and myrouter share one), with their
 * simulator, facade builder, credential header and endpoint names. Shared by the soak and the
 * security tests.
 */
public enum Provider {
  ODIROUTER("odirouter", "ODIROUTER_API_KEY", "Authorization", true, true,
      List.of("submit", "status", "result"), OdiRouterSimulator::new, OdiRouter::builder),
  HIGHWAY("highway", "HIGHWAY_API_KEY", "Authorization", false, true,
      List.of("submit", "status"), V3AsyncSimulator::highway, io.github.pixverse4j.v3async.V3Async::highway),
  MYROUTER("myrouter", "MYROUTER_API_KEY", "Authorization", false, true,
      List.of("submit", "status"), V3AsyncSimulator::myrouter, io.github.pixverse4j.v3async.V3Async::myrouter),
  GMI("gmi", "GMI_API_KEY", "Authorization", false, true,
      List.of("submit", "status"), GmiSimulator::new, GmiCloud::builder),
  PIXVERSE("pixverse", "PIXVERSE_API_KEY", "API-KEY", false, false,
      List.of("upload", "submit", "status"), PixVerseSimulator::new, PixVerse::builder);

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
  private final Function<String, ProviderSimulator> simulator;
  private final Supplier<ClientBuilder<?>> builder;

  Provider(String id, String envVar, String credentialHeader, boolean cancelCall, boolean cancelledOutcome,
      List<String> endpoints, Function<String, ProviderSimulator> simulator, Supplier<ClientBuilder<?>> builder) {
    this.id = id;
    this.envVar = envVar;
    this.credentialHeader = credentialHeader;
    this.cancelCall = cancelCall;
    this.cancelledOutcome = cancelledOutcome;
    this.endpoints = endpoints;
    this.simulator = simulator;
    this.builder = builder;
  }

  /** A new, not yet started simulator of this protocol. */
  public ProviderSimulator newSimulator(String apiKey) {
    return simulator.apply(apiKey);
  }

  /** A started simulator. */
  public ProviderSimulator startSimulator(String apiKey) {
    return newSimulator(apiKey).start();
  }

  /** A fresh facade builder, such as {@code GmiCloud.builder()}. */
  public ClientBuilder<?> builder() {
    return builder.get();
  }

  /** A client of {@code sim}; {@code http} may be null (the shared default). */
  public VideoClient client(ProviderSimulator sim, String apiKey, PollingPolicy policy, OkHttpClient http) {
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
   * Short intervals and retry delays, no jitter: polling at 5-20 ms, 4 transient failures in a row
   * tolerated, {@code Retry-After} capped at 20 ms so that 429 bursts do not stall the run.
   */
  public static PollingPolicy fastPolicy(java.time.Duration deadline) {
    java.time.Duration ms5 = java.time.Duration.ofMillis(5);
    java.time.Duration ms20 = java.time.Duration.ofMillis(20);
    return PollingPolicy.builder()
        .initialDelay(ms5)
        .interval(java.time.Duration.ofMillis(10))
        .maxInterval(ms20)
        .minInterval(ms5)
        .maxHintedInterval(ms20)
        .etaMargin(java.time.Duration.ZERO)
        .queuedIntervalPerPosition(ms5)
        .maxQueuedInterval(ms20)
        .retryDelay(ms5)
        .maxRetryDelay(ms20)
        .maxRetryAfter(ms20)
        .maxConsecutiveFailures(4)
        .deadline(deadline)
        .jitter(0)
        .build();
  }
}
