package io.github.pixverse4j.simulator;

import java.util.Objects;

/**
 * What one status read of a simulated job shows: state plus the optional details a provider may
 * report. Per-protocol simulators render it in their own JSON.
 */
public final class JobPhase {
  private final JobState state;
  private final Integer queuePosition;
  private final Integer progressPercent;
  private final Integer etaSeconds;
  private final String failureReason;

  private JobPhase(
      JobState state,
      Integer queuePosition,
      Integer progressPercent,
      Integer etaSeconds,
      String failureReason) {
    this.state = Objects.requireNonNull(state, "state == null");
    this.queuePosition = queuePosition;
    this.progressPercent = progressPercent;
    this.etaSeconds = etaSeconds;
    this.failureReason = failureReason;
  }

  /** A queued phase; {@code position} may be null when the provider does not report one. */
  public static JobPhase queued(Integer position) {
    return new JobPhase(JobState.QUEUED, position, null, null, null);
  }

  /** A running phase; either value may be null when the provider does not report it. */
  public static JobPhase running(Integer progressPercent, Integer etaSeconds) {
    return new JobPhase(JobState.RUNNING, null, progressPercent, etaSeconds, null);
  }

  /** A succeeded phase (progress 100). */
  public static JobPhase succeeded() {
    return new JobPhase(JobState.SUCCEEDED, null, 100, null, null);
  }

  public static JobPhase failed(String reason) {
    return new JobPhase(
        JobState.FAILED, null, null, null, Objects.requireNonNull(reason, "reason == null"));
  }

  public static JobPhase moderated(String reason) {
    return new JobPhase(
        JobState.MODERATED, null, null, null, Objects.requireNonNull(reason, "reason == null"));
  }

  public static JobPhase cancelled() {
    return new JobPhase(JobState.CANCELLED, null, null, null, null);
  }

  public static JobPhase expired() {
    return new JobPhase(JobState.EXPIRED, null, null, null, null);
  }

  public JobState state() {
    return state;
  }

  /** Position in the provider's queue, or null. */
  public Integer queuePosition() {
    return queuePosition;
  }

  /** Progress 0..100, or null. */
  public Integer progressPercent() {
    return progressPercent;
  }

  /** Estimated seconds until the job finishes, or null. */
  public Integer etaSeconds() {
    return etaSeconds;
  }

  /** Why the job failed or was moderated, else null. */
  public String failureReason() {
    return failureReason;
  }

  public boolean isTerminal() {
    return state.isTerminal();
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof JobPhase)) {
      return false;
    }
    JobPhase that = (JobPhase) o;
    return state == that.state
        && Objects.equals(queuePosition, that.queuePosition)
        && Objects.equals(progressPercent, that.progressPercent)
        && Objects.equals(etaSeconds, that.etaSeconds)
        && Objects.equals(failureReason, that.failureReason);
  }

  @Override
  public int hashCode() {
    return Objects.hash(state, queuePosition, progressPercent, etaSeconds, failureReason);
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder(state.name());
    if (queuePosition != null) {
      b.append(" position=").append(queuePosition);
    }
    if (progressPercent != null) {
      b.append(" progress=").append(progressPercent).append('%');
    }
    if (etaSeconds != null) {
      b.append(" eta=").append(etaSeconds).append('s');
    }
    if (failureReason != null) {
      b.append(" reason=").append(failureReason);
    }
    return b.toString();
  }
}
