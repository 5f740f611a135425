package io.github.pixverse4j.testkit;

import io.github.pixverse4j.client.PollingPolicy;
import io.github.pixverse4j.client.internal.PollTuning;
import java.time.Duration;

/**
 * The polling policy for tests against a simulator: every wait in milliseconds, so a whole job runs
 * in well under a second of real time, and no jitter, so waits are what the test expects. One
 * fixture for the contract, the provider modules' own tests and the reliability suite.
 *
 * <p>Polls wait 10 ms at first, then 10 to 30 ms (hinted and queued waits capped at 30 ms, no ETA
 * margin); failed calls are retried after 10 ms, backing off to at most 50 ms; a {@code
 * Retry-After} is honoured up to 2 s (the contract checks a 1 s one); a task may take 20 s.
 */
public final class FastPolling {
  private FastPolling() {}

  /** The policy as described above. */
  public static PollingPolicy policy() {
    return builder().build();
  }

  /**
   * A builder holding the policy described above, for a test that changes one setting, e.g. {@code
   * FastPolling.builder().maxSubmitRetries(4).build()}.
   */
  public static PollingPolicy.Builder builder() {
    return PollingPolicy.builder()
        .initialDelay(Duration.ofMillis(10))
        .interval(Duration.ofMillis(10))
        .maxInterval(Duration.ofMillis(30))
        .minInterval(Duration.ofMillis(5))
        .retryDelay(Duration.ofMillis(10))
        .maxRetryDelay(Duration.ofMillis(50))
        .maxRetryAfter(Duration.ofSeconds(2))
        .deadline(Duration.ofSeconds(20))
        .jitter(0)
        .tuning(tuning());
  }

  /**
   * The adaptive knobs of {@link #builder()} (not API): hinted and queued waits in milliseconds
   * too, for a test that changes one of them, e.g. {@code
   * FastPolling.tuning().toBuilder().maxHintedInterval(..).build()}.
   */
  public static PollTuning tuning() {
    return PollTuning.builder()
        .maxHintedInterval(Duration.ofMillis(30))
        .etaMargin(Duration.ZERO)
        .queuedIntervalPerPosition(Duration.ofMillis(5))
        .maxQueuedInterval(Duration.ofMillis(30))
        .build();
  }
}
