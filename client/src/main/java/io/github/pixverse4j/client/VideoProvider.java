package io.github.pixverse4j.client;

import io.github.pixverse4j.api.ErrorDetails;
import io.github.pixverse4j.api.ExtendVideoRequest;
import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.api.ProviderCapabilities;
import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.api.TaskStatus;
import io.github.pixverse4j.api.UnsupportedFeatureException;
import io.github.pixverse4j.client.provider.WebhookVerifier;
import io.reactivex.rxjava3.core.Completable;
import io.reactivex.rxjava3.core.Single;
import java.util.Optional;

/**
 * The one thing a provider module implements: single calls that map between one provider's wire
 * protocol and the public model. Polling, retries, deadlines and validation live in {@link
 * VideoClient}, never here.
 *
 * <p>Every method returns a cold Rx source that performs exactly one logical call per subscription
 * (a submit may be an upload followed by a create) and reports failures as {@link
 * io.github.pixverse4j.api.VideoApiException} subclasses: {@code TransportException} for I/O
 * failures (with {@code requestMayHaveReachedServer} set honestly), {@code RateLimitedException}
 * for 429, {@code ProviderUnavailableException} for 5xx, {@code AuthenticationException} for
 * 401/403, {@code MalformedResponseException} for unreadable bodies and unknown status values.
 */
public interface VideoProvider {
  /**
   * Lower-case id such as {@code "gmi"}; it appears in every {@link TaskHandle} this provider
   * makes.
   */
  String id();

  /** What this provider and its configured model accept. */
  ProviderCapabilities capabilities();

  /**
   * Creates the task. Called once per logical submit, only with a request that passed {@link
   * ProviderCapabilities#validate}; when the engine retries a submit that provably created no job,
   * it subscribes again to the same {@code Single}.
   */
  Single<TaskHandle> submit(ImageToVideoRequest request);

  /**
   * Creates an extend task: continues the request's source video. Called once per logical submit,
   * only when {@link ProviderCapabilities#supportsExtend()} and with a request that passed {@link
   * ProviderCapabilities#validate(ExtendVideoRequest)}; an upload of the source is part of it and,
   * like {@link #submit}'s, is not repeated when the engine subscribes again. The default is for
   * providers that do not extend: it fails, sending nothing, with {@link
   * UnsupportedFeatureException}.
   */
  default Single<TaskHandle> extend(ExtendVideoRequest request) {
    if (request == null) throw new NullPointerException("request == null");
    return Single.error(() -> noExtendOperation(id()));
  }

  /** The error of an extend on a provider that does not extend videos. */
  static UnsupportedFeatureException noExtendOperation(String providerId) {
    return new UnsupportedFeatureException(
        providerId
            + " does not extend videos; use a provider whose capabilities say it does"
            + " (nothing was sent).",
        ErrorDetails.provider(providerId));
  }

  /** Reads the task's status once; a terminal state must carry its videos or failure. */
  Single<TaskStatus> status(TaskHandle handle);

  /**
   * Asks the provider to cancel; called by the engine only when {@link
   * ProviderCapabilities#supportsCancel()}. The default is for providers without a cancel
   * operation: it fails, sending nothing, with the {@link UnsupportedFeatureException} that {@link
   * VideoClient#cancel} reports for them.
   */
  default Completable cancel(TaskHandle handle) {
    if (handle == null) throw new NullPointerException("handle == null");
    return Completable.error(() -> noCancelOperation(id(), handle));
  }

  /** The error of a cancel on a provider without a cancel operation. */
  static UnsupportedFeatureException noCancelOperation(String providerId, TaskHandle handle) {
    return (UnsupportedFeatureException)
        new UnsupportedFeatureException(
                providerId
                    + " has no cancel operation; the task runs to its end (nothing was sent).",
                ErrorDetails.provider(providerId))
            .attachHandle(handle);
  }

  /**
   * How this provider's callbacks (webhooks) are verified and read, when this instance was
   * configured to ask for them on submit (such as PixVerse's {@code webhook_id}); empty (the
   * default) otherwise. When present, the engine expects a callback for each task it submits or
   * watches: {@link VideoClient#webhookHandler()} receives them, and polling drops to the policy's
   * {@link PollingPolicy#webhookSafetyNet()}.
   */
  default Optional<WebhookVerifier> webhooks() {
    return Optional.empty();
  }
}
