package io.github.pixverse4j.client;

import io.github.pixverse4j.client.http.ApiKey;
import io.github.pixverse4j.client.http.BaseUrls;
import io.github.pixverse4j.client.journal.TaskJournal;
import io.reactivex.rxjava3.core.Scheduler;
import io.reactivex.rxjava3.schedulers.Schedulers;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * The settings every provider facade's builder shares, such as {@code GmiCloud.builder()}. Only
 * the API key is required.
 *
 * @param <B> the concrete builder, returned by every setter
 */
public abstract class ClientBuilder<B extends ClientBuilder<B>> {
  private final String defaultBaseUrl;
  private ApiKey apiKey;
  private String baseUrl;
  private OkHttpClient httpClient;
  private Scheduler scheduler;
  private Scheduler ioScheduler;
  private PollingPolicy pollingPolicy;
  private TaskJournal journal;

  protected ClientBuilder(String defaultBaseUrl) {
    if (defaultBaseUrl == null) throw new NullPointerException("defaultBaseUrl == null");
    this.defaultBaseUrl = defaultBaseUrl;
  }

  @SuppressWarnings("unchecked")
  private B self() {
    return (B) this;
  }

  /** The API key; never printed, logged or put in a handle. */
  public B apiKey(String apiKey) {
    if (apiKey == null) throw new NullPointerException("apiKey == null");
    this.apiKey = ApiKey.of(apiKey);
    return self();
  }

  /** Another host speaking the same protocol; must be https unless it is a loopback address. */
  public B baseUrl(String baseUrl) {
    if (baseUrl == null) throw new NullPointerException("baseUrl == null");
    BaseUrls.require(baseUrl);
    this.baseUrl = baseUrl;
    return self();
  }

  /**
   * Your own OkHttp client, to share its connection pool and dispatcher; this library adds its
   * interceptors to a derived client and leaves yours unchanged.
   */
  public B httpClient(OkHttpClient httpClient) {
    if (httpClient == null) throw new NullPointerException("httpClient == null");
    this.httpClient = httpClient;
    return self();
  }

  /** Source of time for polling delays; default {@code Schedulers.computation()}. */
  public B scheduler(Scheduler scheduler) {
    if (scheduler == null) throw new NullPointerException("scheduler == null");
    this.scheduler = scheduler;
    return self();
  }

  /** Where downloads write files; default {@code Schedulers.io()}. */
  public B ioScheduler(Scheduler ioScheduler) {
    if (ioScheduler == null) throw new NullPointerException("ioScheduler == null");
    this.ioScheduler = ioScheduler;
    return self();
  }

  /** Default {@link PollingPolicy#defaults()}. */
  public B pollingPolicy(PollingPolicy pollingPolicy) {
    if (pollingPolicy == null) throw new NullPointerException("pollingPolicy == null");
    this.pollingPolicy = pollingPolicy;
    return self();
  }

  /** Records every task in {@code journal}; see {@link VideoClient#withJournal}. Default: none. */
  public B journal(TaskJournal journal) {
    if (journal == null) throw new NullPointerException("journal == null");
    this.journal = journal;
    return self();
  }

  /** Copies every setting given to a {@link VideoProviderFactory}. */
  public B settings(VideoProviderFactory.Settings settings) {
    if (settings == null) throw new NullPointerException("settings == null");
    apiKey(settings.apiKey());
    settings.baseUrl().ifPresent(this::baseUrl);
    settings.httpClient().ifPresent(this::httpClient);
    settings.scheduler().ifPresent(this::scheduler);
    settings.pollingPolicy().ifPresent(this::pollingPolicy);
    return self();
  }

  /** The finished configuration, for the provider's component. */
  protected final ClientConfig config() {
    if (apiKey == null) throw new IllegalStateException("apiKey is required");
    HttpUrl url = BaseUrls.require(baseUrl != null ? baseUrl : defaultBaseUrl);
    return new ClientConfig(
        apiKey,
        url,
        httpClient,
        scheduler != null ? scheduler : Schedulers.computation(),
        ioScheduler != null ? ioScheduler : Schedulers.io(),
        pollingPolicy != null ? pollingPolicy : PollingPolicy.defaults(),
        journal);
  }

  /** Builds the client. */
  public abstract VideoClient build();
}
