package io.github.pixverse4j.benchmarks;

import io.github.pixverse4j.api.ErrorDetails;
import io.github.pixverse4j.api.ImageInput;
import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.api.ProviderCapabilities;
import io.github.pixverse4j.api.ProviderUnavailableException;
import io.github.pixverse4j.api.Quality;
import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.api.TaskState;
import io.github.pixverse4j.api.TaskStatus;
import io.github.pixverse4j.api.Video;
import io.github.pixverse4j.client.PollingPolicy;
import io.github.pixverse4j.client.VideoClient;
import io.github.pixverse4j.client.VideoProvider;
import io.github.pixverse4j.client.internal.PollTuning;
import io.reactivex.rxjava3.core.Completable;
import io.reactivex.rxjava3.core.Observable;
import io.reactivex.rxjava3.core.Single;
import io.reactivex.rxjava3.observers.TestObserver;
import io.reactivex.rxjava3.schedulers.TestScheduler;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * What a ten-minute provider outage costs the real engine with the default {@link PollingPolicy},
 * in virtual time: status calls spent while the provider answers 502, and the delay from the
 * provider's recovery to the next successful read, beside the policy's cap. Each run starts the
 * outage at another point of the job (seeded), with the policy's jitter drawn from the same seed.
 */
final class OutageBench {
  static final long SEED = 20261130L;
  static final int RUNS = 500;
  static final Duration OUTAGE = Duration.ofMinutes(10);

  private OutageBench() {}

  static Map<String, Object> run() {
    Random random = new Random(SEED);
    PollingPolicy policy =
        PollingPolicy.defaults().toBuilder()
            .tuning(PollTuning.builder().random(random::nextDouble).build())
            .build();
    int[] calls = new int[RUNS];
    long[] recoveryMs = new long[RUNS];
    for (int i = 0; i < RUNS; i++) {
      // The outage starts 10..70 s after the submit; the job ends 60 s after the provider is back.
      long startMs = 10_000 + (long) (random.nextDouble() * 60_000);
      long endMs = startMs + OUTAGE.toMillis();
      Outage provider = new Outage(startMs, endMs, endMs + 60_000);
      TestScheduler time = new TestScheduler();
      provider.time = time;
      TestObserver<TaskStatus> obs =
          new VideoClient(provider, policy, time, (v, p) -> Observable.empty())
              .generate(
                  ImageToVideoRequest.builder()
                      .image(ImageInput.url("https://example.com/cat.png"))
                      .prompt("bench")
                      .build())
              .test();
      time.advanceTimeBy(endMs + 120_000, TimeUnit.MILLISECONDS);
      if (obs.values().isEmpty()
          || obs.values().get(obs.values().size() - 1).state() != TaskState.SUCCEEDED) {
        throw new IllegalStateException(
            "run " + i + " did not ride out the outage: " + obs.values());
      }
      calls[i] = provider.failedCalls;
      recoveryMs[i] = provider.firstGoodAfterOutageMs - endMs;
    }
    Arrays.sort(calls);
    Arrays.sort(recoveryMs);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("runs", RUNS);
    m.put("seed", SEED);
    m.put("outage", "10 min of HTTP 502");
    m.put("status calls in outage (median)", calls[RUNS / 2]);
    m.put("status calls in outage (max)", calls[RUNS - 1]);
    m.put(
        "recovery to next good read, s (median)",
        String.format("%.1f", recoveryMs[RUNS / 2] / 1000.0));
    m.put(
        "recovery to next good read, s (p95)",
        String.format("%.1f", recoveryMs[(int) (RUNS * 0.95)] / 1000.0));
    m.put(
        "recovery to next good read, s (max)",
        String.format("%.1f", recoveryMs[RUNS - 1] / 1000.0));
    m.put(
        "policy cap (maxRetryDelay ± jitter), s",
        String.format("%.1f", policy.maxRetryDelay().toMillis() * (1 + policy.jitter()) / 1000.0));
    return m;
  }

  /** A job that runs for ever until {@code doneMs}, with the provider down in [startMs, endMs). */
  static final class Outage implements VideoProvider {
    final long startMs;
    final long endMs;
    final long doneMs;
    TestScheduler time;
    int failedCalls;
    long firstGoodAfterOutageMs = -1;

    Outage(long startMs, long endMs, long doneMs) {
      this.startMs = startMs;
      this.endMs = endMs;
      this.doneMs = doneMs;
    }

    @Override
    public String id() {
      return "virtual";
    }

    @Override
    public ProviderCapabilities capabilities() {
      return ProviderCapabilities.builder()
          .providerId("virtual")
          .model("virtual")
          .maxPromptLength(100)
          .addQualities(Quality.values())
          .addImageKinds(ImageInput.Kind.URL)
          .build();
    }

    @Override
    public Single<TaskHandle> submit(ImageToVideoRequest request) {
      return Single.just(TaskHandle.of("virtual", "virtual", "job"));
    }

    @Override
    public Single<TaskStatus> status(TaskHandle handle) {
      return Single.defer(
          () -> {
            long now = time.now(TimeUnit.MILLISECONDS);
            if (now >= startMs && now < endMs) {
              failedCalls++;
              return Single.error(
                  new ProviderUnavailableException(
                      "bad gateway", ErrorDetails.provider("virtual").withHttpStatus(502)));
            }
            if (now >= endMs && firstGoodAfterOutageMs < 0) firstGoodAfterOutageMs = now;
            TaskStatus.Builder b =
                TaskStatus.builder().handle(handle).observedAt(Instant.ofEpochMilli(now));
            if (now >= doneMs) {
              return Single.just(
                  b.state(TaskState.SUCCEEDED)
                      .addVideos(Video.of(URI.create("https://media.example/v.mp4")))
                      .build());
            }
            return Single.just(b.state(TaskState.RUNNING).build());
          });
    }

    @Override
    public Completable cancel(TaskHandle handle) {
      return Completable.complete();
    }
  }
}
