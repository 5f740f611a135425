package io.github.pixverse4j.client;

import io.github.pixverse4j.client.http.ApiKey;
import io.github.pixverse4j.client.http.BaseUrls;
import io.github.pixverse4j.client.journal.TaskJournal;
import io.reactivex.rxjava3.core.Scheduler;
import io.reactivex.rxjava3.schedulers.Schedulers;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Everything a client is built from: API key, base URL, HTTP client, schedulers, polling policy,
 * journal and event listeners. The one configuration holder of pixverse4j, learnt once:
 *
 * <ul>
 *   <li>{@link VideoProviderFactory#create} takes it;
 *   <li>every facade builder ({@code OdiRouter.builder()}, {@code GmiCloud.builder()}, …) has
 *       exactly the setters of {@link Builder}, plus {@code settings(ClientConfig)} and its
 *       provider's own options: their common base {@link ClientBuilder} holds nothing but a {@link
 *       Builder} (and the provider's default base URL), so names, defaults and validation are this
 *       class's;
 *   <li>a provider's Dagger component binds it for {@link ClientModule}.
 * </ul>
 *
 * <p>Only the API key is required.
 *
 * <pre>{@code
 * VideoClient client = VideoProviderFactory.find("gmi").get()
 *     .create(ClientConfig.builder().apiKey(key).build());
 * // the same settings through a facade:
 * VideoClient same = GmiCloud.builder().apiKey(key).build();
 * }</pre>
 */
public final class ClientConfig {
  private final ApiKey apiKey;
  private final HttpUrl baseUrl;
  private final OkHttpClient httpClient;
  private final Scheduler scheduler;
  private final Scheduler ioScheduler;
  private final PollingPolicy pollingPolicy;
  private final TaskJournal journal;
  private final List<VideoEventListener.Factory> eventListeners;
  private final Consumer<String> httpLog;

  private ClientConfig(Builder b) {
    this.apiKey = b.apiKey;
    this.baseUrl = b.baseUrl;
    this.httpClient = b.httpClient;
    this.scheduler = b.scheduler != null ? b.scheduler : Schedulers.computation();
    this.ioScheduler = b.ioScheduler != null ? b.ioScheduler : Schedulers.io();
    this.pollingPolicy = b.pollingPolicy != null ? b.pollingPolicy : PollingPolicy.defaults();
    this.journal = b.journal;
    this.eventListeners = Collections.unmodifiableList(new ArrayList<>(b.eventListeners));
    this.httpLog = b.httpLog;
  }

  /** A builder with every setting at its default and no API key. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this configuration's values. */
  public Builder toBuilder() {
    return new Builder().copy(this);
  }

  /** The API key; its {@code toString()} is redacted. */
  public ApiKey apiKey() {
    return apiKey;
  }

  /**
   * The provider's base URL, ending in {@code /}; empty means the provider's default, which a
   * facade builder fills in.
   */
  public Optional<HttpUrl> baseUrl() {
    return Optional.ofNullable(baseUrl);
  }

  /** The caller's own OkHttp client, if one was given; otherwise a shared default is used. */
  public Optional<OkHttpClient> httpClient() {
    return Optional.ofNullable(httpClient);
  }

  /** Source of time for polling delays and retries; default {@code Schedulers.computation()}. */
  public Scheduler scheduler() {
    return scheduler;
  }

  /** Where blocking work (file writes of downloads) runs; default {@code Schedulers.io()}. */
  public Scheduler ioScheduler() {
    return ioScheduler;
  }

  /** Default {@link PollingPolicy#defaults()}. */
  public PollingPolicy pollingPolicy() {
    return pollingPolicy;
  }

  /** The task journal the client records into, if one was given. */
  public Optional<TaskJournal> journal() {
    return Optional.ofNullable(journal);
  }

  /** The event listeners' factories, in the order they were added; empty by default. */
  public List<VideoEventListener.Factory> eventListenerFactories() {
    return eventListeners;
  }

  /** Where the HTTP log goes, if it was turned on; see {@link Builder#httpLog}. */
  public Optional<Consumer<String>> httpLog() {
    return Optional.ofNullable(httpLog);
  }

  @Override
  public String toString() {
    return "ClientConfig{apiKey="
        + apiKey
        + ", baseUrl="
        + (baseUrl == null ? "default" : baseUrl)
        + ", policy="
        + pollingPolicy
        + "}";
  }

  /** Builds a {@link ClientConfig}; every setter rejects {@code null}. */
  public static final class Builder {
    private ApiKey apiKey;
    private HttpUrl baseUrl;
    private OkHttpClient httpClient;
    private Scheduler scheduler;
    private Scheduler ioScheduler;
    private PollingPolicy pollingPolicy;
    private TaskJournal journal;
    private final List<VideoEventListener.Factory> eventListeners = new ArrayList<>();
    private Consumer<String> httpLog;

    private Builder() {}

    /**
     * The API key; never printed, logged or put in a handle. Required.
     *
     * @throws IllegalArgumentException when {@code apiKey} is {@code null} (what {@code
     *     System.getenv} returns for a variable that is not set) or blank, with a message saying
     *     that the key is missing and where it is read from, or when it contains a character that
     *     cannot be sent in an HTTP header ({@link ApiKey#of}); no message contains the key
     */
    public Builder apiKey(String apiKey) {
      return apiKey(apiKey, null);
    }

    /** {@link #apiKey(String)}, naming {@code provider} (when not null) if the key is missing. */
    Builder apiKey(String apiKey, VideoProviderFactory provider) {
      if (apiKey == null) {
        throw new IllegalArgumentException(MissingApiKey.message(provider, MissingApiKey.NULL));
      }
      if (apiKey.trim().isEmpty()) {
        throw new IllegalArgumentException(MissingApiKey.message(provider, MissingApiKey.BLANK));
      }
      this.apiKey = ApiKey.of(apiKey);
      return this;
    }

    private void requireApiKey(VideoProviderFactory provider) {
      if (apiKey == null) {
        throw new IllegalStateException(MissingApiKey.message(provider, MissingApiKey.NOT_GIVEN));
      }
    }

    /** Whether a base URL was set, for {@link ClientBuilder#baseUrlGiven()}. */
    boolean hasBaseUrl() {
      return baseUrl != null;
    }

    /**
     * Takes every setting of {@code c}: key, schedulers and policy, and the base URL, HTTP client,
     * journal, event listeners and HTTP log when it has them (absent ones leave this builder's as
     * they are). The one copy of the field list, for {@link ClientConfig#toBuilder()} and {@link
     * ClientBuilder#settings}.
     */
    Builder copy(ClientConfig c) {
      apiKey = c.apiKey;
      if (c.baseUrl != null) baseUrl = c.baseUrl;
      if (c.httpClient != null) httpClient = c.httpClient;
      scheduler = c.scheduler;
      ioScheduler = c.ioScheduler;
      pollingPolicy = c.pollingPolicy;
      if (c.journal != null) journal = c.journal;
      if (!c.eventListeners.isEmpty()) {
        eventListeners.clear();
        eventListeners.addAll(c.eventListeners);
      }
      if (c.httpLog != null) httpLog = c.httpLog;
      return this;
    }

    /**
     * {@link #build()}, with {@code defaultBaseUrl} when no base URL was given, and {@code
     * provider} (when not null) named if the key is missing: what a facade builder builds.
     */
    ClientConfig build(String defaultBaseUrl, VideoProviderFactory provider) {
      requireApiKey(provider);
      ClientConfig built = new ClientConfig(this);
      if (built.baseUrl != null) return built;
      return new Builder().copy(built).baseUrl(defaultBaseUrl).build();
    }

    /**
     * Another host speaking the provider's protocol.
     *
     * @throws IllegalArgumentException unless it is https, or http to a loopback address ({@link
     *     BaseUrls#require(String)})
     */
    public Builder baseUrl(String baseUrl) {
      if (baseUrl == null) throw new NullPointerException("baseUrl == null");
      this.baseUrl = BaseUrls.require(baseUrl);
      return this;
    }

    /**
     * Your own OkHttp client, to share its connection pool and dispatcher; this library adds its
     * interceptors to a derived client and leaves yours unchanged.
     */
    public Builder httpClient(OkHttpClient httpClient) {
      if (httpClient == null) throw new NullPointerException("httpClient == null");
      this.httpClient = httpClient;
      return this;
    }

    /** Source of time for polling delays; default {@code Schedulers.computation()}. */
    public Builder scheduler(Scheduler scheduler) {
      if (scheduler == null) throw new NullPointerException("scheduler == null");
      this.scheduler = scheduler;
      return this;
    }

    /** Where downloads write files; default {@code Schedulers.io()}. */
    public Builder ioScheduler(Scheduler ioScheduler) {
      if (ioScheduler == null) throw new NullPointerException("ioScheduler == null");
      this.ioScheduler = ioScheduler;
      return this;
    }

    /** Default {@link PollingPolicy#defaults()}. */
    public Builder pollingPolicy(PollingPolicy pollingPolicy) {
      if (pollingPolicy == null) throw new NullPointerException("pollingPolicy == null");
      this.pollingPolicy = pollingPolicy;
      return this;
    }

    /**
     * Records every task in {@code journal}; see {@link VideoClient#withJournal}. Default: none.
     */
    public Builder journal(TaskJournal journal) {
      if (journal == null) throw new NullPointerException("journal == null");
      this.journal = journal;
      return this;
    }

    /**
     * Adds {@code listener}, which hears every operation of the client (see {@link
     * VideoEventListener}: what it is told, on which threads, and what happens when it throws).
     * Listeners hear events in the order they were added. Default: none, and then the client makes
     * no event at all.
     */
    public Builder addEventListener(VideoEventListener listener) {
      if (listener == null) throw new NullPointerException("listener == null");
      return addEventListenerFactory(operation -> listener);
    }

    /**
     * Adds {@code factory}, which makes a listener for each operation of the client; see {@link
     * #addEventListener}.
     */
    public Builder addEventListenerFactory(VideoEventListener.Factory factory) {
      if (factory == null) throw new NullPointerException("factory == null");
      eventListeners.add(factory);
      return this;
    }

    /**
     * Writes one line per HTTP exchange to {@code log}, for debugging, as {@code curl -v} would:
     * method, URL, status (or the exception's class when there was no answer), duration and, for an
     * engine's retry, the attempt number, e.g. {@code GET https://host/v1/tasks/abc -> 502 in 31 ms
     * (attempt 2)}. Provider calls and video downloads are logged; no header is written, every
     * query value is replaced by {@code …} (presigned URLs carry credentials there) and the API key
     * is scrubbed. Lines are written on OkHttp's threads when each exchange ends; {@code log} must
     * be thread-safe and quick. Applies to the HTTP client the client is built with (set here or
     * the shared default); your {@link #httpClient} itself is left unchanged. Default: none.
     */
    public Builder httpLog(Consumer<String> log) {
      if (log == null) throw new NullPointerException("log == null");
      this.httpLog = log;
      return this;
    }

    /**
     * The configuration.
     *
     * @throws IllegalStateException if no API key was given, saying so in words
     */
    public ClientConfig build() {
      requireApiKey(null);
      return new ClientConfig(this);
    }
  }
}
