package io.github.pixverse4j.client.batch;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a batch run emits: the progress after each change, with the result of the item whose end
 * caused it, if one did. Immutable.
 */
public final class BatchEvent {
  private final BatchProgress progress;
  private final @Nullable BatchItemResult item;

  BatchEvent(BatchProgress progress, @Nullable BatchItemResult item) {
    this.progress = progress;
    this.item = item;
  }

  public BatchProgress progress() {
    return progress;
  }

  /** The item that ended with this event; empty for a progress-only event. */
  public Optional<BatchItemResult> item() {
    return Optional.ofNullable(item);
  }

  @Override
  public String toString() {
    return "BatchEvent{" + progress + (item == null ? "" : ", " + item) + "}";
  }
}
