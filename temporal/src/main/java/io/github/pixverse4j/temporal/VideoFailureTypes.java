package io.github.pixverse4j.temporal;

/**
 * The {@code ApplicationFailure} types a {@link GenerateVideoWorkflow} fails with. Each is the
 * simple name of the pixverse4j exception it stands for; every failure carries a {@link
 * FailureInfo}.
 */
public final class VideoFailureTypes {
  private VideoFailureTypes() {}

  /**
   * The submit may have reached the provider but its answer was lost (including a worker that died
   * or timed out during the submit): a job may exist and be billed, so it was not sent again.
   */
  public static final String SUBMIT_OUTCOME_UNKNOWN = "SubmitOutcomeUnknownException";

  /** The workflow's deadline passed before the task ended; the task may still finish. */
  public static final String TASK_TIMEOUT = "TaskTimeoutException";

  /** The request breaks the provider's limits; nothing was sent. */
  public static final String INVALID_REQUEST = "InvalidRequestException";

  /** The job names a provider for which the worker has no client; nothing was sent. */
  public static final String UNKNOWN_PROVIDER = "UnknownProvider";

  /** Status reads ended without a provider's answer (every attempt timed out). */
  public static final String STATUS_UNAVAILABLE = "StatusUnavailable";

  /** The job names a download sink the worker does not have. */
  public static final String UNKNOWN_SINK = "UnknownSink";
}
