package io.github.pixverse4j.testkit;

/**
 * What a provider's protocol can report, beyond its {@link
 * io.github.pixverse4j.api.ProviderCapabilities}. Contract tests that need a trait the provider
 * lacks are skipped with a message naming it.
 */
public final class ContractTraits {
  private final boolean reportsQueuePosition;
  private final boolean reportsProgress;
  private final boolean reportsCancelled;

  private ContractTraits(
      boolean reportsQueuePosition, boolean reportsProgress, boolean reportsCancelled) {
    this.reportsQueuePosition = reportsQueuePosition;
    this.reportsProgress = reportsProgress;
    this.reportsCancelled = reportsCancelled;
  }

  /** A protocol that reports nothing but states (the safe default: those tests are skipped). */
  public static ContractTraits statesOnly() {
    return new ContractTraits(false, false, false);
  }

  /** Whether status answers carry a queue position while queued. */
  public ContractTraits withQueuePosition() {
    return new ContractTraits(true, reportsProgress, reportsCancelled);
  }

  /** Whether status answers carry a progress percentage while running. */
  public ContractTraits withProgress() {
    return new ContractTraits(reportsQueuePosition, true, reportsCancelled);
  }

  /** Whether the protocol has a "cancelled" task state. */
  public ContractTraits withCancelledState() {
    return new ContractTraits(reportsQueuePosition, reportsProgress, true);
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

  @Override
  public String toString() {
    return "ContractTraits{queuePosition="
        + reportsQueuePosition
        + ", progress="
        + reportsProgress
        + ", cancelled="
        + reportsCancelled
        + "}";
  }
}
