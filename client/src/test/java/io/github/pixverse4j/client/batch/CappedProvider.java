package io.github.pixverse4j.client.batch;

import io.github.pixverse4j.api.AuthenticationException;
import io.github.pixverse4j.api.DownloadProgress;
import io.github.pixverse4j.api.ErrorDetails;
import io.github.pixverse4j.api.ImageInput;
import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.api.ProviderCapabilities;
import io.github.pixverse4j.api.Quality;
import io.github.pixverse4j.api.RateLimitedException;
import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.api.TaskState;
import io.github.pixverse4j.api.TaskStatus;
import io.github.pixverse4j.api.Video;
import io.github.pixverse4j.client.PollingPolicy;
import io.github.pixverse4j.client.VideoClient;
import io.github.pixverse4j.client.VideoProvider;
import io.reactivex.rxjava3.core.Observable;
import io.reactivex.rxjava3.core.Scheduler;
import io.reactivex.rxjava3.core.Single;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A provider in virtual time that runs each job for {@link #jobTime} from its acceptance and, like
 * PixVerse or a 429-answering host, refuses a submit while {@link #cap} of its jobs are running.
 * Submits are decided when sent and answered after {@link #submitLatency}. Counts submits per
 * prompt (the tests' item ids).
 */
final class CappedProvider implements VideoProvider {
  static final String ID = "capped";

  private final Scheduler time;
  int cap;
  Duration jobTime = Duration.ofSeconds(10);
  Duration submitLatency = Duration.ofMillis(100);

  /** The Retry-After of a refusal; null for none (as PixVerse's 500044). */
  Duration retryAfter;

  /** When set, every submit fails with it. */
  RuntimeException failEverySubmit;

  final Map<String, Long> endsAtMillis = new HashMap<>();
  final Map<String, Integer> acceptedPerPrompt = new HashMap<>();
  final List<Long> submitTimes = new ArrayList<>();
  int refusals;
  int peakRunning;
  private int ids;

  CappedProvider(Scheduler time, int cap) {
    this.time = time;
    this.cap = cap;
  }

  static ImageToVideoRequest request(String prompt) {
    return ImageToVideoRequest.builder()
        .image(ImageInput.url("https://example.com/cat.png"))
        .prompt(prompt)
        .build();
  }

  VideoClient client() {
    PollingPolicy policy =
        PollingPolicy.builder()
            .fixedInterval(Duration.ofSeconds(1))
            .deadline(Duration.ofHours(10))
            .build();
    return new VideoClient(
        this,
        policy,
        time,
        (video, target) ->
            Observable.fromCallable(
                () -> {
                  try {
                    Files.write(target, new byte[] {1, 2, 3});
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                  return DownloadProgress.builder()
                      .target(target)
                      .bytesRead(3)
                      .totalBytes(3)
                      .done(true)
                      .build();
                }));
  }

  private long now() {
    return time.now(TimeUnit.MILLISECONDS);
  }

  synchronized int running() {
    int n = 0;
    for (long end : endsAtMillis.values()) if (end > now()) n++;
    return n;
  }

  int accepted() {
    int n = 0;
    for (int c : acceptedPerPrompt.values()) n += c;
    return n;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public ProviderCapabilities capabilities() {
    return ProviderCapabilities.builder()
        .providerId(ID)
        .model("capped-model")
        .maxPromptLength(100)
        .durationRange(1, 10)
        .addQualities(Quality.values())
        .addImageKinds(ImageInput.Kind.URL)
        .build();
  }

  /**
   * Decides at once, as the provider reads the request, and answers after {@link #submitLatency}: a
   * caller that stops waiting in between leaves a job it never heard of, as a lost answer does.
   */
  @Override
  public Single<TaskHandle> submit(ImageToVideoRequest request) {
    return Single.fromCallable(
            () -> {
              synchronized (this) {
                submitTimes.add(now());
                if (failEverySubmit != null) throw failEverySubmit;
                if (running() >= cap) {
                  refusals++;
                  throw new RateLimitedException(
                      "capped: too many jobs at once", ErrorDetails.provider(ID), retryAfter);
                }
                String id = "job-" + (++ids);
                endsAtMillis.put(id, now() + jobTime.toMillis());
                acceptedPerPrompt.merge(request.prompt(), 1, Integer::sum);
                peakRunning = Math.max(peakRunning, running());
                return TaskHandle.of(ID, "capped-model", id);
              }
            })
        .delay(submitLatency.toNanos(), TimeUnit.NANOSECONDS, time, true);
  }

  @Override
  public Single<TaskStatus> status(TaskHandle handle) {
    return Single.fromCallable(
        () -> {
          synchronized (this) {
            Long end = endsAtMillis.get(handle.taskId());
            TaskStatus.Builder b =
                TaskStatus.builder().handle(handle).observedAt(Instant.ofEpochMilli(now()));
            if (end == null || end > now()) return b.state(TaskState.RUNNING).build();
            return b.state(TaskState.SUCCEEDED)
                .addVideos(
                    Video.of(URI.create("https://media.example/" + handle.taskId() + ".mp4")))
                .build();
          }
        });
  }

  static AuthenticationException badKey() {
    return new AuthenticationException("bad key", ErrorDetails.provider(ID));
  }
}
