package io.github.pixverse4j.client.webhook;

import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.api.TaskState;
import io.github.pixverse4j.api.TaskStatus;
import java.util.Optional;

/**
 * What a verified callback says about one task: its status, or, for a callback that reports a
 * success without the video's URL, only that it ended (the engine reads the status for the video).
 * The handle is built with the provider's configured model (callbacks do not name the model): tasks
 * are matched by provider id and task id. The key names the event, the same for every resend of it,
 * and is what duplicates are dropped by.
 */
public final class WebhookEvent {
  private final String key;
  private final TaskHandle handle;
  private final TaskStatus status;
  private final String variant;

  private WebhookEvent(String key, TaskHandle handle, TaskStatus status, String variant) {
    if (key == null) throw new NullPointerException("key == null");
    if (handle == null) throw new NullPointerException("handle == null");
    this.key = key;
    this.handle = handle;
    this.status = status;
    this.variant = variant;
  }

  /**
   * An event carrying the task's status.
   *
   * @param key the same for every delivery of this event, such as the task id and its status
   * @param variant which accepted form the callback had when a provider accepts several (such as
   *     which documented signature form matched), for logs; null when there is one form
   */
  public static WebhookEvent of(String key, TaskStatus status, String variant) {
    if (status == null) throw new NullPointerException("status == null");
    return new WebhookEvent(key, status.handle(), status, variant);
  }

  /** An event saying the task SUCCEEDED, without the video: the engine reads the status for it. */
  public static WebhookEvent succeededWithoutVideo(String key, TaskHandle handle, String variant) {
    return new WebhookEvent(key, handle, null, variant);
  }

  /** Names the event; equal for every resend of it. */
  public String key() {
    return key;
  }

  /** The task, with the provider's configured model. */
  public TaskHandle handle() {
    return handle;
  }

  /** The status the callback states; empty for a success reported without its video. */
  public Optional<TaskStatus> status() {
    return Optional.ofNullable(status);
  }

  /** The state: the status's, or SUCCEEDED for a success without the video. */
  public TaskState state() {
    return status == null ? TaskState.SUCCEEDED : status.state();
  }

  /** Whether the event reports the task's end. */
  public boolean isTerminal() {
    return state().isTerminal();
  }

  /**
   * Which accepted form the callback had, when the provider accepts several: for PixVerse the name
   * of a {@code PixVerseWebhook.SignatureForm} constant, such as {@code SORTED_URLLIB}.
   */
  public Optional<String> variant() {
    return Optional.ofNullable(variant);
  }

  @Override
  public String toString() {
    return "WebhookEvent{" + key + ", " + state() + "}";
  }
}
