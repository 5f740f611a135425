package io.github.pixverse4j.client;

import io.github.pixverse4j.api.FailureCategory;
import io.github.pixverse4j.api.ImageInput;
import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.api.ProviderCapabilities;
import io.github.pixverse4j.api.Quality;
import io.github.pixverse4j.api.TaskFailure;
import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.api.TaskState;
import io.github.pixverse4j.api.TaskStatus;
import io.github.pixverse4j.api.Video;
import io.reactivex.rxjava3.core.Completable;
import io.reactivex.rxjava3.core.Scheduler;
import io.reactivex.rxjava3.core.Single;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/** An in-memory provider whose every answer is scripted; records when each call happened. */
final class ScriptedProvider implements VideoProvider {
  static final String ID = "scripted";

  private final Scheduler scheduler;
  private final Deque<Object> submits = new ArrayDeque<>();
  private final Deque<Object> statuses = new ArrayDeque<>();
  final List<Long> submitTimesMillis = new ArrayList<>();
  final List<Long> statusTimesMillis = new ArrayList<>();
  final List<TaskHandle> cancels = new ArrayList<>();
  private boolean supportsCancel = true;
  private boolean supportsExtend = true;

  /** How often extend() itself was called (not subscribed). */
  int extendCalls;

  private long outageFromMillis = -1;
  private long outageUntilMillis = -1;
  private Throwable outageFailure;
  private int taskCounter;

  /** How often submit() itself was called (not subscribed). */
  int submitCalls;

  ScriptedProvider(Scheduler scheduler) {
    this.scheduler = scheduler;
  }

  static ImageToVideoRequest request() {
    return ImageToVideoRequest.builder()
        .image(ImageInput.url("https://example.com/cat.png"))
        .prompt("the cat smiles")
        .build();
  }

  ScriptedProvider supportsExtend(boolean s) {
    supportsExtend = s;
    return this;
  }

  ScriptedProvider supportsCancel(boolean s) {
    supportsCancel = s;
    return this;
  }

  /** Next submit answers: a Throwable fails, anything else succeeds with a new handle. */
  ScriptedProvider submitAnswers(Object... answers) {
    for (Object a : answers) submits.add(a);
    return this;
  }

  /** Next status answers: a Throwable or a function of the handle giving a status. */
  ScriptedProvider statusAnswers(Object... answers) {
    for (Object a : answers) statuses.add(a);
    return this;
  }

  /**
   * Every status call made in [{@code fromMillis}, {@code untilMillis}) of scheduler time fails
   * with {@code failure}, without consuming a scripted answer.
   */
  ScriptedProvider statusOutage(long fromMillis, long untilMillis, Throwable failure) {
    outageFromMillis = fromMillis;
    outageUntilMillis = untilMillis;
    outageFailure = failure;
    return this;
  }

  static Function<TaskHandle, TaskStatus> queued(Integer position) {
    return h ->
        base(h, TaskState.QUEUED).queuePosition(java.util.Optional.ofNullable(position)).build();
  }

  static Function<TaskHandle, TaskStatus> running(Integer progress) {
    return h ->
        base(h, TaskState.RUNNING).progressPercent(java.util.Optional.ofNullable(progress)).build();
  }

  static Function<TaskHandle, TaskStatus> runningWithEta(int progress, Duration eta) {
    return h ->
        base(h, TaskState.RUNNING).progressPercent(progress).estimatedTimeRemaining(eta).build();
  }

  static Function<TaskHandle, TaskStatus> succeeded() {
    return h ->
        base(h, TaskState.SUCCEEDED)
            .addVideos(Video.of(URI.create("https://media.example/v.mp4")))
            .build();
  }

  static Function<TaskHandle, TaskStatus> failed(FailureCategory c) {
    return h -> base(h, TaskState.FAILED).failure(TaskFailure.of(c, "it broke")).build();
  }

  static Function<TaskHandle, TaskStatus> cancelled() {
    return h -> base(h, TaskState.CANCELLED).build();
  }

  private static TaskStatus.Builder base(TaskHandle h, TaskState s) {
    return TaskStatus.builder().handle(h).state(s).rawStatus(s.name()).observedAt(Instant.EPOCH);
  }

  int submitCount() {
    return submitTimesMillis.size();
  }

  int statusCount() {
    return statusTimesMillis.size();
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public ProviderCapabilities capabilities() {
    return ProviderCapabilities.builder()
        .providerId(ID)
        .model("scripted-model")
        .maxPromptLength(100)
        .durationRange(1, 15)
        .addQualities(Quality.values())
        .addImageKinds(ImageInput.Kind.URL)
        .supportsSeed(true)
        .supportsCancel(supportsCancel)
        .extendSourceKinds(
            supportsExtend
                ? java.util.EnumSet.allOf(io.github.pixverse4j.api.VideoSource.Kind.class)
                : java.util.EnumSet.noneOf(io.github.pixverse4j.api.VideoSource.Kind.class))
        .build();
  }

  @Override
  public Single<TaskHandle> submit(ImageToVideoRequest request) {
    submitCalls++;
    return Single.defer(
        () -> {
          submitTimesMillis.add(scheduler.now(TimeUnit.MILLISECONDS));
          Object a = submits.isEmpty() ? "ok" : submits.poll();
          if (a instanceof Throwable) return Single.error((Throwable) a);
          return Single.just(TaskHandle.of(ID, "scripted-model", "task-" + (++taskCounter)));
        });
  }

  /** Answers from the same script as {@link #submit}; counted in {@link #extendCalls}. */
  @Override
  public Single<TaskHandle> extend(io.github.pixverse4j.api.ExtendVideoRequest request) {
    extendCalls++;
    submitCalls--;
    return submit(null);
  }

  @Override
  @SuppressWarnings("unchecked")
  public Single<TaskStatus> status(TaskHandle handle) {
    return Single.defer(
        () -> {
          long now = scheduler.now(TimeUnit.MILLISECONDS);
          statusTimesMillis.add(now);
          if (now >= outageFromMillis && now < outageUntilMillis)
            return Single.error(outageFailure);
          Object a = statuses.isEmpty() ? running(null) : statuses.poll();
          if (a instanceof Throwable) return Single.error((Throwable) a);
          return Single.just(((Function<TaskHandle, TaskStatus>) a).apply(handle));
        });
  }

  @Override
  public Completable cancel(TaskHandle handle) {
    return Completable.fromAction(() -> cancels.add(handle));
  }
}
