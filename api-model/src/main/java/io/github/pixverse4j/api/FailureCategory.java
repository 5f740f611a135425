package io.github.pixverse4j.api;

/** Why a task failed, in terms a caller can act on. */
public enum FailureCategory {
  /** The prompt or image was refused by content moderation; change the input. */
  MODERATION,
  /** The provider rejected a parameter or the image; fix the request. */
  INVALID_INPUT,
  /** The provider failed to generate; retrying later may work. */
  PROVIDER_ERROR,
  /** The task was cancelled. */
  CANCELLED,
  /** The provider gave no usable reason. */
  UNKNOWN
}
