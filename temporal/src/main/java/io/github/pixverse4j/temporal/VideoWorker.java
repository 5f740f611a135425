package io.github.pixverse4j.temporal;

import io.github.pixverse4j.api.internal.DurationText;
import io.github.pixverse4j.client.ClientBuilder;
import io.github.pixverse4j.client.ClientConfig;
import io.github.pixverse4j.client.PollingPolicy;
import io.github.pixverse4j.client.VideoClient;
import io.github.pixverse4j.client.VideoProviderFactory;
import io.github.pixverse4j.temporal.internal.GenerateVideoWorkflowImpl;
import io.github.pixverse4j.temporal.internal.VideoActivitiesImpl;
import io.github.pixverse4j.temporal.internal.WorkflowSettings;
import io.temporal.worker.Worker;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one worker process brings to {@link GenerateVideoWorkflow}: a {@link VideoClient} per
 * provider (with the API keys of this machine), named download sinks, and the polling schedule.
 *
 * <pre>{@code
 * VideoWorker.builder()
 *     .provider(GmiCloud.builder().apiKey(System.getenv("GMI_API_KEY")))
 *     .sink("videos", VideoSink.directory(Paths.get("/srv/videos")))
 *     .build()
 *     .registerOn(factory.newWorker("pixverse4j"));
 * }</pre>
 *
 * <p>Every worker on a task queue must use the same {@link PollingPolicy} and timeouts: a workflow
 * may move between workers, and replaying its history on another worker has to plan the same
 * timers. Temporal retries the activities, so the clients' own retries are switched off.
 */
public final class VideoWorker {
  private final Map<String, VideoClient> clients;
  private final Map<String, VideoSink> sinks;
  private final WorkflowSettings settings;
  private final Path stagingDirectory;

  private VideoWorker(Builder b) {
    this.clients = Collections.unmodifiableMap(new LinkedHashMap<>(b.clients));
    this.sinks = Collections.unmodifiableMap(new LinkedHashMap<>(b.sinks));
    this.settings =
        new WorkflowSettings(b.pollingPolicy, b.submitTimeout, b.statusTimeout, b.downloadTimeout);
    this.stagingDirectory = b.stagingDirectory;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder with a client for every provider on the class path whose API key variable (such as
   * {@code GMI_API_KEY}) is set in {@code environment}, usually {@code System.getenv()}.
   */
  public static Builder fromEnvironment(Map<String, String> environment) {
    if (environment == null) throw new NullPointerException("environment == null");
    Builder b = builder();
    for (VideoProviderFactory f : VideoProviderFactory.load(VideoWorker.class.getClassLoader())) {
      String key = environment.get(f.apiKeyEnvironmentVariable());
      if (key == null || key.trim().isEmpty()) continue;
      b.client(
          f.create(
              ClientConfig.builder()
                  .apiKey(key)
                  .pollingPolicy(withoutClientRetries(b.pollingPolicy))
                  .build()));
    }
    return b;
  }

  /** The provider ids this worker has clients for. */
  public java.util.Set<String> providerIds() {
    return clients.keySet();
  }

  /** Registers the workflow and its activities on {@code worker}. */
  public void registerOn(Worker worker) {
    registerWorkflow(worker);
    worker.registerActivitiesImplementations(activities());
  }

  /**
   * Registers only the workflow, for a worker whose activities are registered separately (for
   * example on machines that hold the API keys, through {@link #activities()}).
   */
  public void registerWorkflow(Worker worker) {
    if (worker == null) throw new NullPointerException("worker == null");
    worker.registerWorkflowImplementationFactory(
        GenerateVideoWorkflow.class, () -> new GenerateVideoWorkflowImpl(settings));
  }

  /**
   * The settings the workflow plans with, for tests that register the workflow with their own
   * options.
   */
  WorkflowSettings settings() {
    return settings;
  }

  /** The activities alone, for a worker that runs only activities or a custom workflow. */
  public VideoActivities activities() {
    return new VideoActivitiesImpl(
        clients, sinks, stagingDirectory, settings.policy().maxRetryAfter());
  }

  /**
   * The policy of the worker's clients: no submit resends, and a deadline shorter than any retry
   * delay, because a client retries reads and downloads only within its policy's deadline and
   * Temporal retries the activities instead.
   */
  static PollingPolicy withoutClientRetries(PollingPolicy policy) {
    return policy.toBuilder().maxSubmitRetries(0).deadline(Duration.ofMillis(1)).build();
  }

  /**
   * Whether a client with {@code policy} would retry failed calls itself (see {@link
   * #withoutClientRetries}).
   */
  static boolean retriesItself(PollingPolicy policy) {
    return policy.maxSubmitRetries() > 0 || policy.deadline().compareTo(policy.retryDelay()) >= 0;
  }

  @Override
  public String toString() {
    return "VideoWorker{providers=" + clients.keySet() + ", sinks=" + sinks.keySet() + "}";
  }

  /** Builds a {@link VideoWorker}. */
  public static final class Builder {
    private final Map<String, VideoClient> clients = new LinkedHashMap<>();
    private final Map<String, VideoSink> sinks = new LinkedHashMap<>();
    private PollingPolicy pollingPolicy = PollingPolicy.defaults();
    private Duration submitTimeout = Duration.ofMinutes(2);
    private Duration statusTimeout = Duration.ofSeconds(30);
    private Duration downloadTimeout = Duration.ofMinutes(10);
    private Path stagingDirectory = Paths.get(System.getProperty("java.io.tmpdir"));

    private Builder() {}

    /**
     * Adds a provider from its facade's builder with the key already set, such as {@code
     * GmiCloud.builder().apiKey(...)}; the client is built with retries off (Temporal retries).
     */
    public Builder provider(ClientBuilder<?> builder) {
      if (builder == null) throw new NullPointerException("builder == null");
      return client(builder.pollingPolicy(withoutClientRetries(pollingPolicy)).build());
    }

    /**
     * Adds a ready client, one per provider id.
     *
     * @throws IllegalArgumentException when its policy retries failed calls itself ({@code
     *     maxSubmitRetries() > 0}, or a {@code deadline()} of at least {@code retryDelay()}: the
     *     client retries reads until its deadline): Temporal retries the activities, and retries
     *     inside an activity would hold it past its timeout; build it with {@code
     *     maxSubmitRetries(0)} and a deadline below {@code retryDelay()}, or use {@link #provider}
     */
    public Builder client(VideoClient client) {
      if (client == null) throw new NullPointerException("client == null");
      PollingPolicy p = client.pollingPolicy();
      if (retriesItself(p)) {
        throw new IllegalArgumentException(
            "The "
                + client.providerId()
                + " client retries failed calls itself ("
                + "maxSubmitRetries="
                + p.maxSubmitRetries()
                + ", deadline="
                + DurationText.of(p.deadline())
                + "); Temporal retries the activities, so build it with PollingPolicy"
                + " maxSubmitRetries(0) and a deadline below retryDelay ("
                + DurationText.of(p.retryDelay())
                + "), or pass its builder to provider(..).");
      }
      if (clients.containsKey(client.providerId())) {
        throw new IllegalArgumentException(
            "a client for provider '" + client.providerId() + "' was already added");
      }
      clients.put(client.providerId(), client);
      return this;
    }

    /** Adds a download destination that jobs name in {@link VideoJob#withDownload}. */
    public Builder sink(String name, VideoSink sink) {
      if (name == null) throw new NullPointerException("name == null");
      if (sink == null) throw new NullPointerException("sink == null");
      sinks.put(name, sink);
      return this;
    }

    /**
     * The schedule of status polls (workflow timers), the submit retry delays, the status retry
     * backoff and the default deadline. Default {@link PollingPolicy#defaults()}. Its random source
     * is replaced by the workflow's own, so that replays plan the same timers.
     */
    public Builder pollingPolicy(PollingPolicy policy) {
      if (policy == null) throw new NullPointerException("policy == null");
      this.pollingPolicy = policy;
      return this;
    }

    /**
     * How long one submit may take before its outcome counts as unknown (not retried). Default 2
     * minutes: an upload plus a create call.
     */
    public Builder submitTimeout(Duration timeout) {
      this.submitTimeout = positive(timeout, "submitTimeout");
      return this;
    }

    /** How long one status read may take before it is retried. Default 30 s. */
    public Builder statusTimeout(Duration timeout) {
      this.statusTimeout = positive(timeout, "statusTimeout");
      return this;
    }

    /** How long one download attempt may take before it is retried. Default 10 minutes. */
    public Builder downloadTimeout(Duration timeout) {
      this.downloadTimeout = positive(timeout, "downloadTimeout");
      return this;
    }

    /** Where downloads are written before a sink takes them. Default {@code java.io.tmpdir}. */
    public Builder stagingDirectory(Path dir) {
      if (dir == null) throw new NullPointerException("dir == null");
      this.stagingDirectory = dir;
      return this;
    }

    public VideoWorker build() {
      if (clients.isEmpty()) {
        throw new IllegalStateException(
            "no provider client: add one with provider(..) or client(..), or set a"
                + " provider's API key variable for fromEnvironment(..)");
      }
      return new VideoWorker(this);
    }

    private static Duration positive(Duration d, String name) {
      if (d == null) throw new NullPointerException(name + " == null");
      if (d.isNegative() || d.isZero())
        throw new IllegalArgumentException(name + " must be positive, got " + DurationText.of(d));
      return d;
    }
  }
}
