package io.github.pixverse4j.temporal;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * The calls {@link GenerateVideoWorkflow} makes to a provider, carried out by a worker's {@code
 * VideoClient}. Implemented by {@link VideoWorker}; public so that tests and custom workflows can
 * stub or reuse them.
 */
// Activity types pixverse4j.Submit, .Status, .Cancel, .Download: the prefix and the method name
// (Temporal drops the prefix for a method whose @ActivityMethod sets a name).
@ActivityInterface(namePrefix = "pixverse4j.")
public interface VideoActivities {
  /**
   * Validates and submits the request once and returns the handle token. Fails with an {@code
   * ApplicationFailure} whose type names the exception and whose {@link FailureInfo} says whether
   * the provider provably did not take the job.
   */
  @ActivityMethod
  String submit(String providerId, VideoRequest request);

  /** One status read. Transient failures (transport, 429, 5xx) fail retryably. */
  @ActivityMethod
  TaskStatusView status(String handleToken);

  /**
   * Asks the provider to cancel the task; returns {@code false}, sending nothing, when the provider
   * has no cancel operation.
   */
  @ActivityMethod
  boolean cancel(String handleToken);

  /**
   * Downloads {@code video} into the worker's sink {@code target.sink} under {@code target.key}.
   */
  @ActivityMethod
  StoredVideo download(String handleToken, VideoView video, DownloadTarget target);
}
