package io.github.pixverse4j.fake;

import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.api.TaskState;
import io.github.pixverse4j.api.TaskStatus;
import io.github.pixverse4j.api.Video;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One task the fake created: its lifecycle, anchored at the scheduler time it was accepted. */
final class FakeTask {
  final TaskHandle handle;
  private final FakeLifecycle lifecycle;
  private final long createdNanos;
  private final long endNanos;
  private final List<Video> videos;
  private volatile long cancelledAtNanos = Long.MAX_VALUE;

  FakeTask(TaskHandle handle, FakeLifecycle lifecycle, long createdNanos, List<Video> videos) {
    this.handle = handle;
    this.lifecycle = lifecycle;
    this.createdNanos = createdNanos;
    this.endNanos = createdNanos + lifecycle.totalDuration().toNanos();
    this.videos = videos;
  }

  /** A cancel takes effect only while the task has not ended. */
  synchronized void cancelAt(long nowNanos) {
    if (nowNanos < endNanos && nowNanos < cancelledAtNanos) cancelledAtNanos = nowNanos;
  }

  TaskStatus statusAt(long nowNanos) {
    TaskStatus.Builder s =
        TaskStatus.builder()
            .handle(handle)
            .observedAt(Instant.ofEpochMilli(TimeUnit.NANOSECONDS.toMillis(nowNanos)));
    if (nowNanos >= cancelledAtNanos) {
      return s.state(TaskState.CANCELLED).rawStatus("cancelled").build();
    }
    long elapsed = nowNanos - createdNanos;
    long start = 0;
    for (FakeLifecycle.Phase p : lifecycle.phases()) {
      long length = p.length.toNanos();
      if (elapsed < start + length) {
        double fraction = Math.max(0, elapsed - start) / (double) length;
        if (p.kind == FakeLifecycle.Kind.QUEUED) {
          s.state(TaskState.QUEUED).rawStatus("queued");
          if (p.fromPosition >= 0) {
            int position = p.fromPosition - (int) Math.floor(fraction * (p.fromPosition + 1));
            s.queuePosition(Math.max(0, position));
          }
        } else {
          s.state(TaskState.RUNNING).rawStatus("running");
          if (p.hints) {
            s.progressPercent(Math.min(99, (int) Math.floor(fraction * 100)));
            long leftNanos = endNanos - nowNanos;
            s.estimatedTimeRemaining(
                Duration.ofSeconds((leftNanos + 999_999_999L) / 1_000_000_000L));
          }
        }
        return s.build();
      }
      start += length;
    }
    if (lifecycle.endsCancelled())
      return s.state(TaskState.CANCELLED).rawStatus("cancelled").build();
    if (lifecycle.failure() != null) {
      return s.state(TaskState.FAILED).rawStatus("failed").failure(lifecycle.failure()).build();
    }
    return s.state(TaskState.SUCCEEDED)
        .rawStatus("succeeded")
        .progressPercent(100)
        .videos(videos)
        .build();
  }
}
