package io.github.pixverse4j.client;

import io.github.pixverse4j.api.RetryState;

/**
 * Hears about one submit before the provider answers it: each retry of an attempt that provably
 * sent nothing (connection refused, host unresolved, TLS failed, 429, 503), and whether a disposal
 * that came before the answer may have left a job at the provider. Called on the client's
 * scheduler, or on the thread that disposed; keep it short and never throw.
 */
public interface SubmitListener {
  /** Hears nothing. */
  SubmitListener NONE = new SubmitListener() {};

  /**
   * An attempt failed without reaching the provider and the next one is due at {@code
   * state.nextAttemptAt()}.
   *
   * @param state {@link RetryState#failedAttempts()} counts the attempts of this submit so far
   * @param attemptLimit the most attempts this submit makes: {@link
   *     PollingPolicy#maxSubmitRetries()} + 1; fewer when the policy's deadline comes first
   */
  default void retrying(RetryState state, int attemptLimit) {}

  /**
   * {@link #retrying(RetryState, int)} with the failure itself, for a caller that decides by its
   * kind, such as the batch runner, which gives up the attempt (by disposing) when the provider
   * refused it for its concurrency or rate limit. The default calls {@link #retrying(RetryState,
   * int)}.
   */
  default void retrying(RetryState state, int attemptLimit, Throwable failure) {
    retrying(state, attemptLimit);
  }

  /**
   * The caller disposed the submit before the provider answered it.
   *
   * @param requestMayHaveReachedProvider false when every attempt so far provably sent nothing, so
   *     no job exists (the journal records the submit as not accepted); true when an attempt was
   *     under way, so a job may exist and be billed (recorded as outcome unknown)
   */
  default void abandoned(boolean requestMayHaveReachedProvider) {}
}
