package io.github.pixverse4j.client.batch;

/**
 * The batch runner's in-flight target, adapted to what the provider accepts. Not thread-safe: the
 * runner calls it from its one serialized loop.
 *
 * <p>The rule (documented in {@code docs/batch.md}, "The concurrency rule"):
 *
 * <ul>
 *   <li>It starts at the maximum the caller gave.
 *   <li>When the provider refuses a submit for its limit while {@code others} of the batch's tasks
 *       are running or being submitted, the target becomes {@code max(1, min(target - 1, others))}:
 *       the provider just said it holds no more than those, and each further refusal of the same
 *       burst takes one more off (a burst of N refusals over a limit L settles at L).
 *   <li>After {@code target × spacing} accepted submits in a row, the target grows by one, up to
 *       the maximum (additive increase: it probes whether the limit went up). {@code spacing}
 *       starts at 1, doubles with each refusal (up to {@value #MAX_SPACING}), so a fixed limit is
 *       probed ever more rarely, and is back to 1 once a raised target held for a whole window
 *       ({@code target} accepted submits without a refusal): the limit did grow.
 * </ul>
 */
final class ConcurrencyLimit {
  /** The most accepted submits between probes is this many windows. */
  static final int MAX_SPACING = 16;

  private final int max;
  private int target;
  private int spacing = 1;
  private long acceptedInRow;
  private boolean probing;

  ConcurrencyLimit(int max) {
    if (max < 1) throw new IllegalArgumentException("max must be >= 1: " + max);
    this.max = max;
    this.target = max;
  }

  int target() {
    return target;
  }

  int max() {
    return max;
  }

  /** A submit was accepted. */
  void accepted() {
    acceptedInRow++;
    if (probing && acceptedInRow >= target) {
      probing = false;
      spacing = 1;
    }
    if (target < max && acceptedInRow >= (long) target * spacing) {
      target++;
      acceptedInRow = 0;
      probing = true;
    }
  }

  /**
   * A submit was refused for the provider's limit.
   *
   * @param others the batch's tasks running at the provider or being submitted, this one excluded
   */
  void refused(int others) {
    target = Math.max(1, Math.min(target - 1, others));
    spacing = Math.min(spacing * 2, MAX_SPACING);
    acceptedInRow = 0;
    probing = false;
  }
}
