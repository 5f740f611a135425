package io.github.pixverse4j.micrometer;

import io.github.pixverse4j.api.DownloadProgress;
import io.github.pixverse4j.api.SubmitOutcomeUnknownException;
import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.api.TaskState;
import io.github.pixverse4j.api.TaskStatus;
import io.github.pixverse4j.client.VideoEventListener;
import io.github.pixverse4j.client.VideoOperation;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Micrometer metrics of every operation of a {@code VideoClient}, as a {@link
 * VideoEventListener.Factory}:
 *
 * <pre>{@code
 * VideoClient client = GmiCloud.builder()
 *     .apiKey(System.getenv("GMI_API_KEY"))
 *     .addEventListenerFactory(VideoMetrics.of(registry))
 *     .build();
 * }</pre>
 *
 * <p>Meters are named {@code pixverse4j.*} and tagged with {@code provider} and {@code model}, plus
 * {@code outcome}, {@code call}, {@code reason}, {@code state} or {@code category} where they say
 * so: every tag has a bounded set of values, never a task id or a URL. The module's README lists
 * them. Durations are measured on the client's clock ({@code VideoOperation.nanoTime()}: virtual
 * time under a {@code TestScheduler}). One instance may serve several clients and registries share
 * nothing with it: the meters live in {@code registry}.
 */
public final class VideoMetrics implements VideoEventListener.Factory {
  /** Meter name prefix. */
  public static final String PREFIX = "pixverse4j.";

  private final MeterRegistry registry;

  /** The meters of each provider and model, made on first use. */
  private final ConcurrentMap<String, Meters> meters = new ConcurrentHashMap<>();

  private VideoMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Metrics recorded into {@code registry}. */
  public static VideoMetrics of(MeterRegistry registry) {
    if (registry == null) throw new NullPointerException("registry == null");
    return new VideoMetrics(registry);
  }

  @Override
  public VideoEventListener create(VideoOperation operation) {
    String key = operation.providerId() + '\u0000' + operation.model();
    Meters m = meters.get(key);
    if (m == null) {
      m = meters.computeIfAbsent(key, k -> new Meters(registry, operation));
    }
    return new OperationMetrics(m);
  }

  /** A bounded tag value: lower case, as Prometheus and most backends expect. */
  static String tag(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }

  /** The meters of one provider and model. */
  static final class Meters {
    final MeterRegistry registry;
    final Tags tags;
    final Counter submitsAccepted;
    final Counter submitsRefused;
    final Counter submitsUnknown;
    final Timer readsOk;
    final Timer readsFailed;
    final Timer queueTime;
    final Timer timeToVideo;
    final Timer downloads;
    final DistributionSummary downloadSize;
    final AtomicInteger inFlight = new AtomicInteger();

    Meters(MeterRegistry registry, VideoOperation op) {
      this.registry = registry;
      this.tags = Tags.of("provider", op.providerId(), "model", op.model());
      submitsAccepted = submits("accepted");
      submitsRefused = submits("refused");
      submitsUnknown = submits("unknown");
      readsOk = reads("ok");
      readsFailed = reads("failed");
      queueTime =
          Timer.builder(PREFIX + "task.queue.time")
              .description("From the task's acceptance (or first QUEUED status) to RUNNING")
              .tags(tags)
              .register(registry);
      timeToVideo =
          Timer.builder(PREFIX + "task.time.to.video")
              .description("From generate or extend to the SUCCEEDED status, submit included")
              .tags(tags)
              .register(registry);
      downloads =
          Timer.builder(PREFIX + "downloads")
              .description("Completed video downloads and their time, retries included")
              .tags(tags)
              .register(registry);
      downloadSize =
          DistributionSummary.builder(PREFIX + "download.size")
              .description("Bytes of each completed video download")
              .baseUnit("bytes")
              .tags(tags)
              .register(registry);
      Gauge.builder(PREFIX + "tasks.in.flight", inFlight, AtomicInteger::get)
          .description("Tasks being followed (generate, extend, watch) and not yet ended")
          .tags(tags)
          .register(registry);
    }

    private Counter submits(String outcome) {
      return Counter.builder(PREFIX + "submits")
          .description("Submits by outcome: accepted, refused (no job), unknown (a job may exist)")
          .tags(tags)
          .tag("outcome", outcome)
          .register(registry);
    }

    private Timer reads(String outcome) {
      return Timer.builder(PREFIX + "status.reads")
          .description("Status reads and their latency, by outcome: ok or failed")
          .tags(tags)
          .tag("outcome", outcome)
          .register(registry);
    }

    Counter retries(VideoEventListener.CallKind call, VideoEventListener.RetryReason reason) {
      return Counter.builder(PREFIX + "retries")
          .description("Calls scheduled again after a transient failure, by call and reason")
          .tags(tags)
          .tag("call", tag(call))
          .tag("reason", tag(reason))
          .register(registry);
    }

    Counter ended(TaskStatus status) {
      return Counter.builder(PREFIX + "tasks.ended")
          .description("Tasks seen ending, by terminal state and failure category")
          .tags(tags)
          .tag("state", tag(status.state()))
          .tag("category", status.failure().map(f -> tag(f.category())).orElse("none"))
          .register(registry);
    }

    Timer runTime(TaskState state) {
      return Timer.builder(PREFIX + "task.run.time")
          .description("From the first RUNNING status to the end, by terminal state")
          .tags(tags)
          .tag("state", tag(state))
          .register(registry);
    }
  }

  /** One operation's state: when it was queued and running, and whether it is in flight. */
  static final class OperationMetrics extends VideoEventListener {
    private final Meters m;
    private boolean inFlight;
    private long queuedAt = -1;
    private long runningAt = -1;

    OperationMetrics(Meters m) {
      this.m = m;
    }

    @Override
    public void operationStart(VideoOperation op) {
      VideoOperation.Kind k = op.kind();
      if (k == VideoOperation.Kind.GENERATE
          || k == VideoOperation.Kind.EXTEND
          || k == VideoOperation.Kind.WATCH) {
        inFlight = true;
        m.inFlight.incrementAndGet();
      }
    }

    @Override
    public void submitAccepted(VideoOperation op, TaskHandle handle, Duration took) {
      m.submitsAccepted.increment();
    }

    @Override
    public void submitRefused(VideoOperation op, Throwable error) {
      m.submitsRefused.increment();
    }

    @Override
    public void submitOutcomeUnknown(VideoOperation op, SubmitOutcomeUnknownException error) {
      m.submitsUnknown.increment();
    }

    @Override
    public void statusRead(VideoOperation op, TaskStatus status, Duration took) {
      m.readsOk.record(took.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public void statusReadFailed(VideoOperation op, Throwable error, Duration took) {
      m.readsFailed.record(took.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public void retryScheduled(
        VideoOperation op,
        CallKind call,
        RetryReason reason,
        int attempt,
        Duration delay,
        Throwable failure) {
      m.retries(call, reason).increment();
    }

    @Override
    public void stateChanged(VideoOperation op, TaskStatus status) {
      long now = op.nanoTime();
      TaskState s = status.state();
      if (s == TaskState.QUEUED && queuedAt < 0) {
        queuedAt = now;
      } else if (s == TaskState.RUNNING && runningAt < 0) {
        runningAt = now;
        if (queuedAt >= 0) m.queueTime.record(now - queuedAt, TimeUnit.NANOSECONDS);
      }
    }

    @Override
    public void terminal(VideoOperation op, TaskStatus status) {
      long now = op.nanoTime();
      m.ended(status).increment();
      if (runningAt >= 0) {
        m.runTime(status.state()).record(now - runningAt, TimeUnit.NANOSECONDS);
      } else if (queuedAt >= 0) {
        m.queueTime.record(now - queuedAt, TimeUnit.NANOSECONDS);
      }
      VideoOperation.Kind k = op.kind();
      if (status.state() == TaskState.SUCCEEDED
          && (k == VideoOperation.Kind.GENERATE || k == VideoOperation.Kind.EXTEND)) {
        m.timeToVideo.record(now - op.startNanos(), TimeUnit.NANOSECONDS);
      }
    }

    @Override
    public void downloadEnd(VideoOperation op, DownloadProgress last, Duration took) {
      m.downloads.record(took.toNanos(), TimeUnit.NANOSECONDS);
      m.downloadSize.record(last.bytesRead());
    }

    @Override
    public void operationEnd(VideoOperation op) {
      ended();
    }

    @Override
    public void operationFailed(VideoOperation op, Throwable error) {
      ended();
    }

    @Override
    public void operationCanceled(VideoOperation op) {
      ended();
    }

    private void ended() {
      if (!inFlight) return;
      inFlight = false;
      m.inFlight.decrementAndGet();
    }
  }
}
