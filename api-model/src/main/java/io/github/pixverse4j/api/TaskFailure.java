package io.github.pixverse4j.api;

import java.util.Optional;
import org.immutables.value.Value;

/** Why a task ended without a video. */
@Value.Immutable
public abstract class TaskFailure {
  TaskFailure() {}

  public static Builder builder() {
    return new Builder();
  }

  /** Shorthand for a failure with a category and a message. */
  public static TaskFailure of(FailureCategory category, String message) {
    return builder().category(category).message(message).build();
  }

  public abstract FailureCategory category();

  /** The provider's own error code or reason, such as {@code "7"} or {@code "ILLEGAL_PROMPT"}. */
  public abstract Optional<String> providerCode();

  /** The provider's explanation, or ours when it gave none. */
  public abstract String message();

  /** Builds a {@link TaskFailure}. */
  public static final class Builder extends ImmutableTaskFailure.Builder {
    Builder() {}
  }
}
