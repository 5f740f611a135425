package io.github.pixverse4j.simulator;

/** The state of a simulated job, as the simulator knows it (not as any provider spells it). */
public enum JobState {
  QUEUED,
  RUNNING,
  SUCCEEDED,
  FAILED,
  /** Rejected by content moderation; providers usually report it as a kind of failure. */
  MODERATED,
  CANCELLED,
  /** The job was deleted or has expired; providers usually answer 404 or an "expired" status. */
  EXPIRED;

  /** Returns true for states a job never leaves. */
  public boolean isTerminal() {
    return this != QUEUED && this != RUNNING;
  }
}
