package io.github.pixverse4j.client;

import io.github.pixverse4j.api.TaskHandle;
import io.reactivex.rxjava3.core.Scheduler;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One operation of a {@link VideoClient} as its {@link VideoEventListener} sees it: a whole task
 * followed by {@code generate}, {@code extend}, {@code watch} or {@code resume}, or one {@code
 * submit}, {@code status}, {@code cancel} or {@code download}. The same object is passed to every
 * event of the operation, so a listener may use it as a key (identity, not equality). Created by
 * the client; thread-safe.
 */
public final class VideoOperation {
  /** What the caller asked for. */
  public enum Kind {
    /** {@link VideoClient#generate}: submit, then follow to the end. */
    GENERATE,
    /** {@link VideoClient#extend}: submit, then follow to the end. */
    EXTEND,
    /** {@link VideoClient#submit}: the submit only. */
    SUBMIT,
    /** {@link VideoClient#watch} or {@link VideoClient#resume}: follow an existing task. */
    WATCH,
    /** {@link VideoClient#status}: one status read (retried). */
    STATUS,
    /** {@link VideoClient#cancel}. */
    CANCEL,
    /** {@link VideoClient#download}: one video to a file. */
    DOWNLOAD
  }

  private final Kind kind;
  private final String providerId;
  private final String model;
  private final Scheduler scheduler;
  private final long startNanos;
  private volatile TaskHandle handle;

  VideoOperation(
      Kind kind, String providerId, String model, Scheduler scheduler, TaskHandle handle) {
    this.kind = kind;
    this.providerId = providerId;
    this.model = model;
    this.scheduler = scheduler;
    this.handle = handle;
    this.startNanos = scheduler.now(TimeUnit.NANOSECONDS);
  }

  public Kind kind() {
    return kind;
  }

  /** The provider id, such as {@code "gmi"}: a bounded value, fit for a metric tag. */
  public String providerId() {
    return providerId;
  }

  /** The provider's model name, such as {@code "pixverse-v6-i2v"}: bounded, fit for a tag. */
  public String model() {
    return model;
  }

  /**
   * The task, once known: from the start for {@code watch}, {@code status}, {@code cancel} and a
   * download of a task; after {@link VideoEventListener#submitAccepted} for a submit; never for
   * {@link VideoClient#download(io.github.pixverse4j.api.Video, java.nio.file.Path)}. Its id is
   * unbounded: never use it as a metric tag.
   */
  public Optional<TaskHandle> handle() {
    return Optional.ofNullable(handle);
  }

  void accepted(TaskHandle handle) {
    this.handle = handle;
  }

  /**
   * The client's clock in nanoseconds (its scheduler's {@code now}, virtual under a {@code
   * TestScheduler}, millisecond resolution on the default schedulers): the clock every duration
   * passed to the listener is measured on.
   */
  public long nanoTime() {
    return scheduler.now(TimeUnit.NANOSECONDS);
  }

  /** {@link #nanoTime()} when the operation started (its subscription). */
  public long startNanos() {
    return startNanos;
  }

  @Override
  public String toString() {
    TaskHandle h = handle;
    return "VideoOperation{"
        + kind
        + ", "
        + providerId
        + ", "
        + model
        + (h == null ? "" : ", " + h.token())
        + "}";
  }
}
