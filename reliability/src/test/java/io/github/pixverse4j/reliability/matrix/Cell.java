package io.github.pixverse4j.reliability.matrix;

import io.github.pixverse4j.api.VideoApiException;
import io.github.pixverse4j.reliability.Provider;

/**
 * One cell of the fault matrix: a fault injected into one phase of one provider, and what must
 * happen. The same cells drive {@link FaultMatrixTest} and the table in {@code
 * docs/reliability.md}.
 *
 * @param always the fault is injected on every call of the endpoint; otherwise on the first {@link
 *     FaultKind#TRANSIENT_CALLS} calls only
 * @param retried whether the client sends the failed call again by itself
 * @param error the exception the stream ends with, or {@code null} when it completes (the video
 *     SUCCEEDED, the cancel was accepted, the file was written)
 * @param job whether a job may exist, as far as the user can tell from the outcome
 * @param simJobs how many jobs the simulator must hold at the end (the ground truth)
 * @param action what the user should do
 * @param note a remark for the table (a finding, a design choice), or {@code ""}
 */
record Cell(
    Provider provider,
    Phase phase,
    FaultKind fault,
    boolean always,
    boolean retried,
    Class<? extends VideoApiException> error,
    JobExists job,
    int simJobs,
    String action,
    String note) {

  /** What the user can know about a job from the outcome. */
  enum JobExists {
    NO("no"),
    UNLIKELY("unlikely"),
    MAYBE("maybe"),
    YES("yes"),
    NOT_APPLICABLE("—");

    final String label;

    JobExists(String label) {
      this.label = label;
    }
  }

  boolean completes() {
    return error == null;
  }

  String outcomeLabel() {
    if (error != null) return error.getSimpleName();
    if (fault == FaultKind.CANCELLED_ELSEWHERE) return "completes CANCELLED";
    switch (phase) {
      case CANCEL:
        return "completes (cancel accepted)";
      case DOWNLOAD:
        return "completes (file written)";
      default:
        return "completes SUCCEEDED";
    }
  }

  String injectionLabel() {
    if (fault == FaultKind.ANY) return "—";
    if (fault == FaultKind.TASK_ENDED) return "the job has SUCCEEDED";
    if (fault == FaultKind.CANCELLED_ELSEWHERE && phase == Phase.STATUS)
      return "the job ends cancelled";
    if (always) return "every call";
    return fault.transientCalls() == 1
        ? "first call"
        : "first " + fault.transientCalls() + " calls";
  }

  String retriedLabel() {
    if (fault == FaultKind.ANY) return "no (nothing is sent)";
    if (fault == FaultKind.TASK_ENDED) return "no (no cancel is sent)";
    if (!retried) return "no";
    return completes() ? "yes" : "yes, then gives up";
  }

  /** The test's display name, e.g. {@code gmi · status · 503 → retried, completes SUCCEEDED}. */
  @Override
  public String toString() {
    return provider.id
        + " · "
        + phase.label
        + " · "
        + fault.label
        + " → "
        + (retried ? "retried, " : fault == FaultKind.ANY ? "" : "not retried, ")
        + outcomeLabel();
  }
}
