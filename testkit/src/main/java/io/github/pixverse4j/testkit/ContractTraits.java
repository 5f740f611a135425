package io.github.pixverse4j.testkit;

/**
 * What a provider's protocol can report, beyond its {@link
 * io.github.pixverse4j.api.ProviderCapabilities}. Contract tests that need a trait the provider
 * lacks are skipped with a message naming it. Immutable: each {@code with…} method returns a copy.
 *
 * <p>{@link #statesOnly()} reports no queue position, no progress and no cancelled state, but a
 * queued state and a moderation signal; the {@code without…} methods take those two away.
 */
public final class ContractTraits {
  private final boolean reportsQueuePosition;
  private final boolean reportsProgress;
  private final boolean reportsCancelled;
  private final boolean reportsQueuedState;
  private final boolean reportsModeration;

  private ContractTraits(
      boolean reportsQueuePosition,
      boolean reportsProgress,
      boolean reportsCancelled,
      boolean reportsQueuedState,
      boolean reportsModeration) {
    this.reportsQueuePosition = reportsQueuePosition;
    this.reportsProgress = reportsProgress;
    this.reportsCancelled = reportsCancelled;
    this.reportsQueuedState = reportsQueuedState;
    this.reportsModeration = reportsModeration;
  }

  /**
   * A protocol that reports nothing but states, a queued state and moderation included (the safe
   * default: the queue position, progress and cancelled-state tests are skipped).
   */
  public static ContractTraits statesOnly() {
    return new ContractTraits(false, false, false, true, true);
  }

  /** Whether status answers carry a queue position while queued. */
  public ContractTraits withQueuePosition() {
    return new ContractTraits(
        true, reportsProgress, reportsCancelled, reportsQueuedState, reportsModeration);
  }

  /**
   * Whether status answers carry a progress percentage while running. Without it (the default: "no
   * progress") the contract does not look at progress.
   */
  public ContractTraits withProgress() {
    return new ContractTraits(
        reportsQueuePosition, true, reportsCancelled, reportsQueuedState, reportsModeration);
  }

  /** Whether the protocol has a "cancelled" task state. */
  public ContractTraits withCancelledState() {
    return new ContractTraits(
        reportsQueuePosition, reportsProgress, true, reportsQueuedState, reportsModeration);
  }

  /**
   * The protocol shows a queued job exactly as a running one (PixVerse's status 5, "generating"),
   * so a queued phase must map to RUNNING. Declare it only then: a protocol with a queued value
   * ({@code created}, {@code pending}, {@code IN_QUEUE}) must map it to QUEUED, and the contract
   * checks it on each status read.
   */
  public ContractTraits withoutQueuedState() {
    return new ContractTraits(
        reportsQueuePosition, reportsProgress, reportsCancelled, false, reportsModeration);
  }

  /**
   * The protocol has no moderation signal (no status, code or error type that says the content was
   * refused): the moderation test is skipped, and a moderated job must only end FAILED. Better than
   * inventing matching wording in the simulator and the mapping.
   */
  public ContractTraits withoutModerationSignal() {
    return new ContractTraits(
        reportsQueuePosition, reportsProgress, reportsCancelled, reportsQueuedState, false);
  }

  public boolean reportsQueuePosition() {
    return reportsQueuePosition;
  }

  public boolean reportsProgress() {
    return reportsProgress;
  }

  public boolean reportsCancelled() {
    return reportsCancelled;
  }

  /** False after {@link #withoutQueuedState()}. */
  public boolean reportsQueuedState() {
    return reportsQueuedState;
  }

  /** False after {@link #withoutModerationSignal()}. */
  public boolean reportsModeration() {
    return reportsModeration;
  }

  @Override
  public String toString() {
    return "ContractTraits{queuePosition="
        + reportsQueuePosition
        + ", progress="
        + reportsProgress
        + ", cancelled="
        + reportsCancelled
        + ", queuedState="
        + reportsQueuedState
        + ", moderation="
        + reportsModeration
        + "}";
  }
}
