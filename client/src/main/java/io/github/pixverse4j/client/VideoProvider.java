package io.github.pixverse4j.client;

import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.api.ProviderCapabilities;
import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.api.TaskStatus;
import io.reactivex.rxjava3.core.Completable;
import io.reactivex.rxjava3.core.Single;

/**
 * The one thing a provider module implements: single calls that map between one provider's wire
 * protocol and the public model. Polling, retries, deadlines and validation live in {@link
 * VideoClient}, never here.
 *
 * <p>Every method returns a cold Rx source that performs exactly one logical call per
 * subscription (a submit may be an upload followed by a create) and reports failures as {@link
 * io.github.pixverse4j.api.VideoApiException} subclasses: {@code TransportException} for I/O
 * failures (with {@code requestMayHaveReachedServer} set honestly), {@code RateLimitedException}
 * for 429, {@code ProviderUnavailableException} for 5xx, {@code AuthenticationException} for
 * 401/403, {@code MalformedResponseException} for unreadable bodies and unknown status values.
 */
public interface VideoProvider {
  /** Lower-case id such as {@code "gmi"}; it appears in every {@link TaskHandle} this provider makes. */
  String id();

  /** What this provider and its configured model accept. */
  ProviderCapabilities capabilities();

  /**
   * Creates the task. Called once per logical submit, only with a request that passed {@link
   * ProviderCapabilities#validate}; when the engine retries a submit that provably created no job,
   * it subscribes again to the same {@code Single}.
   */
  Single<TaskHandle> submit(ImageToVideoRequest request);

  /** Reads the task's status once; a terminal state must carry its videos or failure. */
  Single<TaskStatus> status(TaskHandle handle);

  /** Asks the provider to cancel; called only when {@link ProviderCapabilities#supportsCancel()}. */
  Completable cancel(TaskHandle handle);
}
