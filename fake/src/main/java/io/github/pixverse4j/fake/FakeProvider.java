package io.github.pixverse4j.fake;

import io.github.pixverse4j.api.DownloadProgress;
import io.github.pixverse4j.api.ErrorDetails;
import io.github.pixverse4j.api.ExtendVideoRequest;
import io.github.pixverse4j.api.ImageInput;
import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.api.ProviderCapabilities;
import io.github.pixverse4j.api.Quality;
import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.api.TaskNotFoundException;
import io.github.pixverse4j.api.TaskStatus;
import io.github.pixverse4j.api.TransportException;
import io.github.pixverse4j.api.Video;
import io.github.pixverse4j.api.VideoApiException;
import io.github.pixverse4j.api.VideoSource;
import io.github.pixverse4j.api.internal.DurationText;
import io.github.pixverse4j.client.PollingPolicy;
import io.github.pixverse4j.client.VideoClient;
import io.github.pixverse4j.client.VideoProvider;
import io.reactivex.rxjava3.core.Completable;
import io.reactivex.rxjava3.core.Observable;
import io.reactivex.rxjava3.core.Scheduler;
import io.reactivex.rxjava3.core.Single;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.TimeUnit;

/**
 * A {@link VideoProvider} without sockets for testing code that uses {@link VideoClient}: tasks
 * follow scripted {@link FakeLifecycle}s in the time of the {@link Scheduler} you give it, calls
 * fail with scripted {@link FakeFault}s, every call is recorded, and {@link #downloader()} serves
 * the bytes of the videos its tasks produce.
 *
 * <p>It plugs in where a provider module does, so the real client runs unchanged on top of it:
 * validation against {@link #capabilities()} before anything is "sent", polling, retries, deadlines
 * and cancel.
 *
 * <pre>{@code
 * TestScheduler time = new TestScheduler();
 * FakeProvider fake = FakeProvider.builder().scheduler(time).build();
 * fake.enqueue(FakeLifecycle.builder().queued(Duration.ofSeconds(5)).running(Duration.ofSeconds(20)).succeeded());
 * TestObserver<TaskStatus> statuses = fake.client().generate(request).test();
 * time.advanceTimeBy(1, TimeUnit.MINUTES);
 * statuses.assertComplete();
 * }</pre>
 *
 * <p>Thread-safe. Nothing runs on another thread: answers are immediate, or scheduled on the
 * scheduler when a {@linkplain Builder#latency latency} or a delayed fault applies.
 */
public final class FakeProvider implements VideoProvider {
  /** The host of every fake video URL; {@code .invalid} never resolves, so nothing can leak out. */
  public static final String VIDEO_HOST = "videos.fake.invalid";

  /**
   * When a {@linkplain FakeFault#hang() hung} submit or cancel fails: 60 s after it reached the
   * fake, the default call timeout of the provider modules' HTTP client ({@code
   * HttpClients.Options}), at which a real call to a server that never answers fails with a {@code
   * TransportException} that may have reached the server. The client reports such a submit as
   * {@code SubmitOutcomeUnknownException} and retries such a cancel.
   */
  public static final Duration HUNG_CALL_TIMEOUT = Duration.ofSeconds(60);

  /**
   * When a {@linkplain FakeFault#hang() hung} download fails: 30 s after it reached the fake, the
   * default read timeout of the real downloader (which has no call timeout), at which a stalled
   * media host fails the transfer with a {@code TransportException}.
   */
  public static final Duration HUNG_DOWNLOAD_TIMEOUT = Duration.ofSeconds(30);

  private final Scheduler scheduler;
  private final ProviderCapabilities capabilities;
  private final Duration latency;
  private final FakeLifecycle defaultLifecycle;

  // Guarded by this.
  private final Queue<FakeLifecycle> lifecycles = new ArrayDeque<>();
  private final Map<FakeCall.Operation, Queue<FakeFault>> faults =
      new EnumMap<>(FakeCall.Operation.class);
  private final List<FakeCall> calls = new ArrayList<>();
  private final Map<String, FakeTask> tasks = new LinkedHashMap<>();
  private final Map<URI, FakeVideo> videosByUrl = new LinkedHashMap<>();
  private int nextTaskNumber = 1;

  private FakeProvider(Builder b) {
    this.scheduler = b.scheduler;
    this.capabilities = b.capabilities;
    this.latency = b.latency;
    this.defaultLifecycle = b.defaultLifecycle;
    for (FakeCall.Operation op : FakeCall.Operation.values()) {
      faults.put(op, new ArrayDeque<FakeFault>());
    }
  }

  /** Starts a builder; only the scheduler is required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The capabilities a fake has unless you give your own: provider {@code "fake"}, model {@code
   * "fake-model"}, prompts up to 2048 characters, 1–15 s, every quality, images by URL, file or
   * bytes, seed, negative prompt (up to 2048) and cancel supported; extend from every {@link
   * VideoSource.Kind} of video up to 50 MiB.
   */
  public static ProviderCapabilities defaultCapabilities() {
    return ProviderCapabilities.builder()
        .providerId("fake")
        .model("fake-model")
        .maxPromptLength(2048)
        .maxNegativePromptLength(2048)
        .addDurationsSeconds(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15)
        .defaultDurationSeconds(5)
        .addQualities(Quality.P360, Quality.P540, Quality.P720, Quality.P1080)
        .defaultQuality(Quality.P720)
        .addImageKinds(ImageInput.Kind.URL, ImageInput.Kind.FILE, ImageInput.Kind.BYTES)
        .supportsSeed(true)
        .supportsCancel(true)
        .addExtendSourceKinds(VideoSource.Kind.values())
        .maxExtendVideoBytes(50L * 1024 * 1024)
        .build();
  }

  /**
   * Scripts the next submits: the first submit after this call follows {@code lifecycles[0]}, and
   * so on; once they are used up, submits follow the builder's default lifecycle.
   *
   * @return this, to chain
   */
  public synchronized FakeProvider enqueue(FakeLifecycle... lifecycles) {
    if (lifecycles == null) throw new NullPointerException("lifecycles == null");
    for (FakeLifecycle l : lifecycles) {
      if (l == null) throw new NullPointerException("lifecycles contains null");
      this.lifecycles.add(l);
    }
    return this;
  }

  /**
   * Makes the next call of {@code operation} fail with {@code fault}; faults given for the same
   * operation apply to successive calls, in order.
   *
   * @return this, to chain
   */
  public FakeProvider failNext(FakeCall.Operation operation, FakeFault fault) {
    return failNext(operation, 1, fault);
  }

  /** Makes the next {@code times} calls of {@code operation} fail with {@code fault}. */
  public synchronized FakeProvider failNext(
      FakeCall.Operation operation, int times, FakeFault fault) {
    if (operation == null) throw new NullPointerException("operation == null");
    if (fault == null) throw new NullPointerException("fault == null");
    if (times < 1) throw new IllegalArgumentException("times must be >= 1, got " + times);
    for (int i = 0; i < times; i++) faults.get(operation).add(fault);
    return this;
  }

  /**
   * A client on this fake with {@link PollingPolicy#defaults()} minus the jitter, so that every
   * poll lands at a time the test can predict and a test never depends on a random number.
   */
  public VideoClient client() {
    return client(PollingPolicy.defaults().toBuilder().jitter(0).build());
  }

  /**
   * A client on this fake: the real engine, this provider, its scheduler and {@link #downloader()}.
   */
  public VideoClient client(PollingPolicy policy) {
    if (policy == null) throw new NullPointerException("policy == null");
    return new VideoClient(this, policy, scheduler, downloader());
  }

  /**
   * Serves the bytes of this fake's videos, writing them as the real downloader does (through a
   * temporary file in the target's directory, moved into place). An unknown URL fails with a {@link
   * VideoApiException} carrying HTTP 404. A download meets the next scripted {@code DOWNLOAD} fault
   * when subscribed; its bytes, or its failure, arrive after the latency.
   */
  public VideoClient.Downloader downloader() {
    return this::download;
  }

  // ---- VideoProvider

  @Override
  public String id() {
    return capabilities.providerId();
  }

  @Override
  public ProviderCapabilities capabilities() {
    return capabilities;
  }

  @Override
  public Single<TaskHandle> submit(ImageToVideoRequest request) {
    if (request == null) throw new NullPointerException("request == null");
    return create(FakeCall.Operation.SUBMIT, request, null, request.seed());
  }

  /**
   * Creates an extend task, exactly as {@link #submit} creates a task: it follows the next
   * {@linkplain #enqueue enqueued} lifecycle, meets faults scripted for {@link
   * FakeCall.Operation#EXTEND}, and is recorded in {@link #calls()} and {@link #extendRequests()}.
   * The source is not looked up: the engine has already validated the request.
   */
  @Override
  public Single<TaskHandle> extend(ExtendVideoRequest request) {
    if (request == null) throw new NullPointerException("request == null");
    return create(FakeCall.Operation.EXTEND, null, request, request.seed());
  }

  private Single<TaskHandle> create(
      FakeCall.Operation op,
      ImageToVideoRequest request,
      ExtendVideoRequest extend,
      java.util.Optional<Long> seed) {
    return Single.defer(
        () -> {
          FakeFault fault;
          TaskHandle handle = null;
          synchronized (this) {
            fault = faults.get(op).poll();
            if (fault == null || fault.serverActed()) handle = createTask(seed);
            calls.add(new FakeCall(op, now(), request, extend, handle, null, fault));
          }
          String what = op.name().toLowerCase(java.util.Locale.ROOT);
          if (fault != null && fault.hangs())
            return this.<TaskHandle>hungCall(HUNG_CALL_TIMEOUT, what);
          return fault != null ? this.<TaskHandle>failure(fault) : answer(handle);
        });
  }

  @Override
  public Single<TaskStatus> status(TaskHandle handle) {
    if (handle == null) throw new NullPointerException("handle == null");
    return Single.defer(
        () -> {
          FakeFault fault;
          FakeTask task;
          synchronized (this) {
            fault = faults.get(FakeCall.Operation.STATUS).poll();
            calls.add(new FakeCall(FakeCall.Operation.STATUS, now(), null, handle, null, fault));
            task = tasks.get(handle.taskId());
          }
          if (fault != null) return failure(fault);
          if (task == null || !task.handle.equals(handle)) return answerError(notFound(handle));
          return answer(task.statusAt(scheduler.now(TimeUnit.NANOSECONDS)));
        });
  }

  @Override
  public Completable cancel(TaskHandle handle) {
    if (handle == null) throw new NullPointerException("handle == null");
    return Single.defer(
            () -> {
              FakeFault fault;
              FakeTask task;
              synchronized (this) {
                fault = faults.get(FakeCall.Operation.CANCEL).poll();
                calls.add(
                    new FakeCall(FakeCall.Operation.CANCEL, now(), null, handle, null, fault));
                task = tasks.get(handle.taskId());
                if (task != null
                    && task.handle.equals(handle)
                    && (fault == null || fault.serverActed())) {
                  task.cancelAt(scheduler.now(TimeUnit.NANOSECONDS));
                }
              }
              if (fault != null && fault.hangs())
                return this.<Boolean>hungCall(HUNG_CALL_TIMEOUT, "cancel");
              if (fault != null) return this.<Boolean>failure(fault);
              if (task == null || !task.handle.equals(handle))
                return this.<Boolean>answerError(notFound(handle));
              return answer(Boolean.TRUE);
            })
        .ignoreElement();
  }

  // ---- What was recorded

  /** Every call received, in order. */
  public synchronized List<FakeCall> calls() {
    return Collections.unmodifiableList(new ArrayList<>(calls));
  }

  /** The request of every extend call, including ones that met a fault, in order. */
  public synchronized List<ExtendVideoRequest> extendRequests() {
    List<ExtendVideoRequest> out = new ArrayList<>();
    for (FakeCall c : calls) {
      if (c.operation() == FakeCall.Operation.EXTEND) out.add(c.extendRequest().get());
    }
    return out;
  }

  /** The request of every submit call, including ones that met a fault, in order. */
  public synchronized List<ImageToVideoRequest> submits() {
    List<ImageToVideoRequest> out = new ArrayList<>();
    for (FakeCall c : calls) {
      if (c.operation() == FakeCall.Operation.SUBMIT) out.add(c.request().get());
    }
    return Collections.unmodifiableList(out);
  }

  /** The handle of every status read, in order. */
  public List<TaskHandle> statusReads() {
    return handlesOf(FakeCall.Operation.STATUS);
  }

  /** The handle of every cancel call, in order. */
  public List<TaskHandle> cancels() {
    return handlesOf(FakeCall.Operation.CANCEL);
  }

  /** Every video a download was asked for, in order. */
  public synchronized List<Video> downloads() {
    List<Video> out = new ArrayList<>();
    for (FakeCall c : calls) {
      if (c.operation() == FakeCall.Operation.DOWNLOAD) out.add(c.video().get());
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * Every task the fake created, in order, including those whose submit answer was lost ({@link
   * FakeFault#answerLost()}, {@link FakeFault#timeout}): the jobs a real provider would bill.
   */
  public synchronized List<TaskHandle> tasks() {
    List<TaskHandle> out = new ArrayList<>();
    for (FakeTask t : tasks.values()) out.add(t.handle);
    return Collections.unmodifiableList(out);
  }

  /** Faults scripted with {@link #failNext} that no call has met yet. */
  public synchronized int pendingFaults() {
    int n = 0;
    for (Queue<FakeFault> q : faults.values()) n += q.size();
    return n;
  }

  private synchronized List<TaskHandle> handlesOf(FakeCall.Operation op) {
    List<TaskHandle> out = new ArrayList<>();
    for (FakeCall c : calls) {
      if (c.operation() == op) out.add(c.handle().get());
    }
    return Collections.unmodifiableList(out);
  }

  // ---- Internals

  private TaskHandle createTask(java.util.Optional<Long> seed) {
    FakeLifecycle lifecycle = lifecycles.poll();
    if (lifecycle == null) lifecycle = defaultLifecycle;
    String taskId = "task-" + nextTaskNumber++;
    TaskHandle handle = TaskHandle.of(id(), capabilities.model(), taskId);
    List<Video> videos = new ArrayList<>();
    List<FakeVideo> contents = lifecycle.videos();
    for (int i = 0; i < contents.size(); i++) {
      FakeVideo content = contents.get(i);
      URI url =
          URI.create("https://" + VIDEO_HOST + "/" + id() + "/" + taskId + "/" + (i + 1) + ".mp4");
      Video.Builder v =
          Video.builder()
              .url(url)
              .sizeBytes((long) content.size())
              .contentType(content.contentType());
      if (content.width() != null) v.width(content.width()).height(content.height());
      if (seed.isPresent()) v.seed(seed.get());
      videos.add(v.build());
      videosByUrl.put(url, content);
    }
    tasks.put(taskId, new FakeTask(handle, lifecycle, scheduler.now(TimeUnit.NANOSECONDS), videos));
    return handle;
  }

  private <T> Single<T> answer(T value) {
    if (latency.isZero()) return Single.just(value);
    return Single.timer(latency.toNanos(), TimeUnit.NANOSECONDS, scheduler).map(ignored -> value);
  }

  private <T> Single<T> answerError(VideoApiException e) {
    if (latency.isZero()) return Single.error(e);
    return Single.timer(latency.toNanos(), TimeUnit.NANOSECONDS, scheduler)
        .flatMap(ignored -> Single.<T>error(e));
  }

  private <T> Single<T> failure(FakeFault fault) {
    if (fault.hangs()) return Single.never();
    VideoApiException e = fault.errorFor(id());
    Duration delay = latency.plus(fault.after());
    if (delay.isZero()) return Single.error(e);
    return Single.timer(delay.toNanos(), TimeUnit.NANOSECONDS, scheduler)
        .flatMap(ignored -> Single.<T>error(e));
  }

  /**
   * A call to a server that never answers, ended as the real HTTP stack ends it: a timeout that may
   * have reached the server, {@code timeout} after the call reached the fake.
   */
  private <T> Single<T> hungCall(Duration timeout, String what) {
    TransportException e =
        new TransportException(
            "timeout (fake hang): the "
                + what
                + " got no answer within "
                + DurationText.of(timeout)
                + ", the real HTTP client's timeout",
            ErrorDetails.provider(id()),
            null,
            true);
    return Single.timer(latency.plus(timeout).toNanos(), TimeUnit.NANOSECONDS, scheduler)
        .flatMap(ignored -> Single.<T>error(e));
  }

  private TaskNotFoundException notFound(TaskHandle handle) {
    return new TaskNotFoundException(
        "No task " + handle.taskId() + " at this fake provider",
        ErrorDetails.provider(id()).withHttpStatus(404));
  }

  private Instant now() {
    return Instant.ofEpochMilli(scheduler.now(TimeUnit.MILLISECONDS));
  }

  private Observable<DownloadProgress> download(Video video, Path target) {
    if (video == null) throw new NullPointerException("video == null");
    if (target == null) throw new NullPointerException("target == null");
    return Observable.defer(
        () -> {
          FakeFault fault;
          FakeVideo content;
          synchronized (this) {
            fault = faults.get(FakeCall.Operation.DOWNLOAD).poll();
            calls.add(new FakeCall(FakeCall.Operation.DOWNLOAD, now(), null, null, video, fault));
            content = videosByUrl.get(video.url());
          }
          // The same timing as the other operations: the answer, or the fault, after the latency,
          // and a timeout's or a hang's wait on top of it.
          if (fault != null && fault.hangs()) {
            return this.<DownloadProgress>hungCall(HUNG_DOWNLOAD_TIMEOUT, "download")
                .toObservable();
          }
          if (fault != null) return this.<DownloadProgress>failure(fault).toObservable();
          if (content == null) {
            return this.<DownloadProgress>answerError(
                    new VideoApiException(
                        "The media host "
                            + video.url().getHost()
                            + " answered HTTP 404: this fake produced no video at "
                            + video.url(),
                        ErrorDetails.none().withHttpStatus(404)))
                .toObservable();
          }
          Observable<DownloadProgress> write = write(content, target);
          return latency.isZero()
              ? write
              : write.delaySubscription(latency.toNanos(), TimeUnit.NANOSECONDS, scheduler);
        });
  }

  private static Observable<DownloadProgress> write(FakeVideo content, Path target) {
    return Observable.create(
        emitter -> {
          Path absolute = target.toAbsolutePath();
          long total = content.size();
          emitter.onNext(
              DownloadProgress.builder().bytesRead(0).totalBytes(total).target(absolute).build());
          Path part =
              Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".part");
          try {
            try (OutputStream out = Files.newOutputStream(part)) {
              out.write(content.bytesUnsafe());
            }
            Files.move(part, absolute, StandardCopyOption.REPLACE_EXISTING);
          } catch (IOException e) {
            Files.deleteIfExists(part);
            throw e;
          }
          emitter.onNext(
              DownloadProgress.builder()
                  .bytesRead(total)
                  .totalBytes(total)
                  .target(absolute)
                  .done(true)
                  .build());
          emitter.onComplete();
        });
  }

  /** Builds a {@link FakeProvider}. */
  public static final class Builder {
    private Scheduler scheduler;
    private ProviderCapabilities capabilities = defaultCapabilities();
    private Duration latency = Duration.ZERO;
    private FakeLifecycle defaultLifecycle = FakeLifecycle.typical();

    private Builder() {}

    /**
     * The source of time for the lifecycles, latencies and delayed faults: a {@code TestScheduler}
     * in tests, the same one the client polls with. Required.
     */
    public Builder scheduler(Scheduler scheduler) {
      if (scheduler == null) throw new NullPointerException("scheduler == null");
      this.scheduler = scheduler;
      return this;
    }

    /**
     * What the fake accepts; the client validates every request against it before the fake sees it.
     * Pass a real provider's capabilities (such as {@code GmiCloud.capabilities()}) to test against
     * its limits; the fake then also uses its provider id and model in handles. Default {@link
     * #defaultCapabilities()}.
     */
    public Builder capabilities(ProviderCapabilities capabilities) {
      if (capabilities == null) throw new NullPointerException("capabilities == null");
      this.capabilities = capabilities;
      return this;
    }

    /** How long every call takes to answer, on the scheduler; default zero (answers at once). */
    public Builder latency(Duration latency) {
      if (latency == null) throw new NullPointerException("latency == null");
      if (latency.isNegative())
        throw new IllegalArgumentException("latency must be >= 0, got " + latency);
      this.latency = latency;
      return this;
    }

    /**
     * The lifecycle of submits with nothing {@linkplain #enqueue enqueued}; default {@link
     * FakeLifecycle#typical()}.
     */
    public Builder defaultLifecycle(FakeLifecycle lifecycle) {
      if (lifecycle == null) throw new NullPointerException("lifecycle == null");
      this.defaultLifecycle = lifecycle;
      return this;
    }

    public FakeProvider build() {
      if (scheduler == null) {
        throw new IllegalStateException(
            "scheduler is required: pass the TestScheduler your test advances"
                + " (or Schedulers.computation() for real time)");
      }
      return new FakeProvider(this);
    }
  }
}
