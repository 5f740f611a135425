package io.github.pixverse4j.client;

import io.github.pixverse4j.client.journal.TaskJournal;
import io.reactivex.rxjava3.core.Scheduler;
import okhttp3.OkHttpClient;

/**
 * The builder every provider facade extends, such as {@code GmiCloud.builder()}: the setters of
 * {@link ClientConfig.Builder}, one for one and with the same names, defaults and validation (each
 * delegates to the {@code ClientConfig.Builder} that is this class's only configuration state),
 * plus {@link #settings(ClientConfig)} and the provider's own options. The provider's default base
 * URL fills in when none is given. Only the API key is required.
 *
 * <p>So there is one configuration to learn, {@link ClientConfig}: a setting added there is added
 * here ({@code ClientBuilderTest} fails until it is), and a facade builder and {@code
 * VideoProviderFactory.find(id).get().create(config)} build the same client from the same settings.
 *
 * <p>An app with its own Dagger component extends it too: {@link #config()} is the {@link
 * ClientConfig} to bind next to {@link ClientModule} and the provider's module (see the provider's
 * README).
 *
 * @param <B> the concrete builder, returned by every setter
 */
public abstract class ClientBuilder<B extends ClientBuilder<B>> {
  private final String defaultBaseUrl;
  private final VideoProviderFactory provider;
  private final ClientConfig.Builder config = ClientConfig.builder();

  /**
   * A builder whose missing-key message names no provider; prefer {@link #ClientBuilder(String,
   * VideoProviderFactory)}.
   *
   * @param defaultBaseUrl the provider's base URL, used unless {@link #baseUrl(String)} is called
   */
  protected ClientBuilder(String defaultBaseUrl) {
    this(defaultBaseUrl, null);
  }

  /**
   * @param defaultBaseUrl the provider's base URL, used unless {@link #baseUrl(String)} is called
   * @param provider the provider's factory, or {@code null}: a missing or blank API key is then
   *     reported with the provider's id and the environment variable its key is read from ({@link
   *     VideoProviderFactory#apiKeyEnvironmentVariable()}), before any request
   */
  protected ClientBuilder(String defaultBaseUrl, VideoProviderFactory provider) {
    if (defaultBaseUrl == null) throw new NullPointerException("defaultBaseUrl == null");
    this.defaultBaseUrl = defaultBaseUrl;
    this.provider = provider;
  }

  @SuppressWarnings("unchecked")
  private B self() {
    return (B) this;
  }

  /**
   * The API key; never printed, logged or put in a handle. See {@link ClientConfig.Builder#apiKey}.
   *
   * @throws IllegalArgumentException when {@code apiKey} is {@code null} (an environment variable
   *     that is not set) or blank: the message names the provider and its key variable, such as
   *     {@code GMI_API_KEY}
   */
  public B apiKey(String apiKey) {
    config.apiKey(apiKey, provider);
    return self();
  }

  /** Another host speaking the same protocol; see {@link ClientConfig.Builder#baseUrl}. */
  public B baseUrl(String baseUrl) {
    config.baseUrl(baseUrl);
    return self();
  }

  /** Your own OkHttp client; see {@link ClientConfig.Builder#httpClient}. */
  public B httpClient(OkHttpClient httpClient) {
    config.httpClient(httpClient);
    return self();
  }

  /** Source of time for polling delays; default {@code Schedulers.computation()}. */
  public B scheduler(Scheduler scheduler) {
    config.scheduler(scheduler);
    return self();
  }

  /** Where downloads write files; default {@code Schedulers.io()}. */
  public B ioScheduler(Scheduler ioScheduler) {
    config.ioScheduler(ioScheduler);
    return self();
  }

  /** Default {@link PollingPolicy#defaults()}. */
  public B pollingPolicy(PollingPolicy pollingPolicy) {
    config.pollingPolicy(pollingPolicy);
    return self();
  }

  /** Records every task in {@code journal}; see {@link VideoClient#withJournal}. Default: none. */
  public B journal(TaskJournal journal) {
    config.journal(journal);
    return self();
  }

  /** One line per HTTP exchange to {@code log}; see {@link ClientConfig.Builder#httpLog}. */
  public B httpLog(java.util.function.Consumer<String> log) {
    config.httpLog(log);
    return self();
  }

  /** Adds an event listener; see {@link ClientConfig.Builder#addEventListener}. */
  public B addEventListener(VideoEventListener listener) {
    config.addEventListener(listener);
    return self();
  }

  /** Adds an event listener factory; see {@link ClientConfig.Builder#addEventListenerFactory}. */
  public B addEventListenerFactory(VideoEventListener.Factory factory) {
    config.addEventListenerFactory(factory);
    return self();
  }

  /**
   * Copies every setting of {@code settings}: key, schedulers and policy, and the base URL, HTTP
   * client, journal, event listeners and HTTP log when it has them (absent ones leave this
   * builder's as they are). What {@link VideoProviderFactory#create} does; the provider's own
   * options are left as they are.
   */
  public B settings(ClientConfig settings) {
    if (settings == null) throw new NullPointerException("settings == null");
    config.copy(settings);
    return self();
  }

  /**
   * Whether a base URL was given, by {@link #baseUrl(String)} or by {@link #settings(ClientConfig)}
   * with one: for a facade without a usable default host, which must refuse to build without one.
   */
  protected final boolean baseUrlGiven() {
    return config.hasBaseUrl();
  }

  /**
   * The finished configuration, with the provider's default base URL unless another was given.
   *
   * @throws IllegalStateException if no API key was given, naming the provider and its key variable
   */
  protected final ClientConfig config() {
    return config.build(defaultBaseUrl, provider);
  }

  /** Builds the client. */
  public abstract VideoClient build();
}
