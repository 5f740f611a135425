package io.github.pixverse4j.benchmarks;

import io.github.pixverse4j.api.ImageInput;
import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.api.ProviderCapabilities;
import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.api.TaskState;
import io.github.pixverse4j.api.TaskStatus;
import io.github.pixverse4j.api.Video;
import io.github.pixverse4j.client.PollingPolicy;
import io.github.pixverse4j.client.VideoClient;
import io.github.pixverse4j.client.VideoProvider;
import io.github.pixverse4j.client.provider.WebhookVerifier;
import io.github.pixverse4j.client.webhook.WebhookEvent;
import io.github.pixverse4j.client.webhook.WebhookHandler;
import io.github.pixverse4j.client.webhook.WebhookRequest;
import io.reactivex.rxjava3.core.Observable;
import io.reactivex.rxjava3.core.Single;
import io.reactivex.rxjava3.disposables.Disposable;
import io.reactivex.rxjava3.schedulers.TestScheduler;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Polls and detection lag with callbacks (issue 28): the polling benchmark's 1,000 seeded jobs
 * ({@link PollingEfficiency#corpus()}), all submitted at once in virtual time with the default
 * policy; each job's callback reaches the client's {@code webhookHandler()} {@link
 * #CALLBACK_DELAY_S} after the job ends, unless it is lost; polling runs as the safety net (default
 * every 60 s).
 */
final class WebhookEfficiency {
  /** Delivery time of a callback after the job's end: {@value} s (a network hop). */
  static final double CALLBACK_DELAY_S = 0.05;

  private WebhookEfficiency() {}

  /**
   * One run.
   *
   * @param lostFraction the share of callbacks lost (seeded)
   */
  static PollingEfficiency.Result run(String name, double lostFraction, double[] durations) {
    TestScheduler time = new TestScheduler();
    PollingEfficiency.VirtualProvider virtual =
        new PollingEfficiency.VirtualProvider(time, durations, PollingEfficiency.Hints.NONE);
    WebhookVerifier verifier =
        (request, nowMillis) -> {
          String id = new String(request.body(), StandardCharsets.UTF_8);
          TaskStatus s =
              TaskStatus.builder()
                  .handle(TaskHandle.of("virtual", "virtual", id))
                  .state(TaskState.SUCCEEDED)
                  .observedAt(Instant.ofEpochMilli(nowMillis))
                  .addVideos(Video.of(URI.create("https://m/v.mp4")))
                  .build();
          return Optional.of(WebhookEvent.of(id, s, null));
        };
    VideoProvider provider = new WithWebhooks(virtual, verifier);
    PollingPolicy policy = PollingEfficiency.ours();
    VideoClient client = new VideoClient(provider, policy, time, (v, p) -> Observable.empty());
    WebhookHandler handler = client.webhookHandler();
    double[] lag = new double[durations.length];
    int[] completed = new int[1];
    ImageToVideoRequest request =
        ImageToVideoRequest.builder()
            .image(ImageInput.url("https://example.com/a.png"))
            .prompt("p")
            .build();
    Random lost = new Random(PollingEfficiency.SEED + 3);
    int lostCount = 0;
    for (int i = 0; i < durations.length; i++) {
      int job = i;
      Disposable unused =
          client
              .generate(request)
              .subscribe(
                  s -> {
                    if (s.state() == TaskState.SUCCEEDED) {
                      lag[job] = time.now(TimeUnit.NANOSECONDS) / 1e9 - durations[job];
                      completed[0]++;
                    }
                  },
                  e -> {
                    throw new IllegalStateException("job " + job + " failed: " + e, e);
                  });
      if (lost.nextDouble() < lostFraction) {
        lostCount++;
        continue;
      }
      byte[] body = Integer.toString(i).getBytes(StandardCharsets.UTF_8);
      long at = (long) ((durations[i] + CALLBACK_DELAY_S) * 1e9);
      Disposable unusedTimer =
          time.scheduleDirect(
              () ->
                  handler.handle(
                      WebhookRequest.of(
                          "/hooks", Collections.<String, java.util.List<String>>emptyMap(), body)),
              at,
              TimeUnit.NANOSECONDS);
    }
    time.advanceTimeBy(2, TimeUnit.HOURS);
    System.out.println(name + ": " + lostCount + " callbacks lost");
    return new PollingEfficiency.Result(
        name,
        PollingEfficiency.Hints.NONE,
        virtual.polls / (double) durations.length,
        lag,
        completed[0]);
  }

  /** The rows: a fixed 1 s poller as the baseline, callbacks, and callbacks with 10 % lost. */
  static java.util.List<Map<String, Object>> runAll() {
    double[] d = PollingEfficiency.corpus();
    PollingEfficiency.Result fixed =
        PollingEfficiency.run(
            "fixed 1 s (no callbacks)",
            PollingEfficiency.fixed(java.time.Duration.ofSeconds(1)),
            PollingEfficiency.Hints.NONE,
            d);
    PollingEfficiency.Result all = run("callbacks, 60 s safety net", 0, d);
    PollingEfficiency.Result some = run("callbacks 10 % lost, 60 s safety net", 0.10, d);
    java.util.List<Map<String, Object>> rows = new java.util.ArrayList<>();
    for (PollingEfficiency.Result r : new PollingEfficiency.Result[] {fixed, all, some}) {
      Map<String, Object> m = new LinkedHashMap<>(r.toMap(fixed.pollsPerJob));
      m.remove("hints");
      rows.add(m);
    }
    return rows;
  }

  /** The virtual provider, asking for callbacks. */
  private static final class WithWebhooks implements VideoProvider {
    private final VideoProvider delegate;
    private final WebhookVerifier verifier;

    WithWebhooks(VideoProvider delegate, WebhookVerifier verifier) {
      this.delegate = delegate;
      this.verifier = verifier;
    }

    @Override
    public String id() {
      return delegate.id();
    }

    @Override
    public ProviderCapabilities capabilities() {
      return delegate.capabilities();
    }

    @Override
    public Single<TaskHandle> submit(ImageToVideoRequest request) {
      return delegate.submit(request);
    }

    @Override
    public Single<TaskStatus> status(TaskHandle handle) {
      return delegate.status(handle);
    }

    @Override
    public Optional<WebhookVerifier> webhooks() {
      return Optional.of(verifier);
    }
  }
}
