package io.github.pixverse4j.client;

import io.github.pixverse4j.client.http.ApiKey;
import io.github.pixverse4j.client.journal.TaskJournal;
import io.reactivex.rxjava3.core.Scheduler;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Everything a provider's object graph is built from: key, base URL, HTTP client, schedulers and
 * polling policy. Made by {@link ClientBuilder}; bound into the provider's Dagger component.
 */
public final class ClientConfig {
  private final ApiKey apiKey;
  private final HttpUrl baseUrl;
  private final OkHttpClient httpClient;
  private final Scheduler scheduler;
  private final Scheduler ioScheduler;
  private final PollingPolicy pollingPolicy;
  private final TaskJournal journal;

  ClientConfig(ApiKey apiKey, HttpUrl baseUrl, OkHttpClient httpClient, Scheduler scheduler,
      Scheduler ioScheduler, PollingPolicy pollingPolicy, TaskJournal journal) {
    this.journal = journal;
    this.apiKey = apiKey;
    this.baseUrl = baseUrl;
    this.httpClient = httpClient;
    this.scheduler = scheduler;
    this.ioScheduler = ioScheduler;
    this.pollingPolicy = pollingPolicy;
  }

  public ApiKey apiKey() {
    return apiKey;
  }

  /** The provider's base URL, ending in {@code /}. */
  public HttpUrl baseUrl() {
    return baseUrl;
  }

  /** The caller's own OkHttp client, if one was given; otherwise a shared default is used. */
  public Optional<OkHttpClient> httpClient() {
    return Optional.ofNullable(httpClient);
  }

  /** Source of time for polling delays and retries. */
  public Scheduler scheduler() {
    return scheduler;
  }

  /** Where blocking work (file writes of downloads) runs. */
  public Scheduler ioScheduler() {
    return ioScheduler;
  }

  public PollingPolicy pollingPolicy() {
    return pollingPolicy;
  }

  /** The task journal the client records into, if one was given. */
  public Optional<TaskJournal> journal() {
    return Optional.ofNullable(journal);
  }

  @Override
  public String toString() {
    return "ClientConfig{apiKey=" + apiKey + ", baseUrl=" + baseUrl + ", policy=" + pollingPolicy + "}";
  }
}
