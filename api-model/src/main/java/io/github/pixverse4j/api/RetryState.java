package io.github.pixverse4j.api;

import java.time.Instant;
import org.immutables.value.Value;

/**
 * The provider has stopped answering reads of a task and the client is retrying them. Carried by
 * {@link TaskStatus#retry()} while reads fail; the task itself may well be running on.
 */
@Value.Immutable
public abstract class RetryState {
  RetryState() {}

  public static Builder builder() {
    return new Builder();
  }

  /**
   * When the first read of the current run of failures failed: the provider has not answered since.
   */
  public abstract Instant failingSince();

  /** How many reads in a row have failed, 1 or more. */
  public abstract int failedAttempts();

  /**
   * The last failure in one line (such as {@code "HTTP 502"} and the provider's words); never holds
   * a key.
   */
  public abstract String lastFailure();

  /** When the next read is due. */
  public abstract Instant nextAttemptAt();

  @Value.Check
  void check() {
    if (failedAttempts() < 1) {
      throw new IllegalStateException("failedAttempts must be >= 1, got " + failedAttempts());
    }
    if (lastFailure().indexOf('\n') >= 0 || lastFailure().indexOf('\r') >= 0) {
      throw new IllegalStateException("lastFailure must be one line");
    }
  }

  /** Builds a {@link RetryState}; every field is required. */
  public static final class Builder extends ImmutableRetryState.Builder {
    Builder() {}
  }
}
