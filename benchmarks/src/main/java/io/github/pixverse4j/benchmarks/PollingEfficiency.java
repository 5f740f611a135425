package io.github.pixverse4j.benchmarks;

import io.github.pixverse4j.api.ImageInput;
import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.api.ProviderCapabilities;
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
import io.reactivex.rxjava3.schedulers.TestScheduler;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Polls per job and detection lag of the real engine and {@link PollingPolicy}, in virtual time,
 * over a fixed, seeded corpus of job durations, against fixed-interval and doubling pollers.
 */
final class PollingEfficiency {
  static final int JOBS = 1000;
  static final long SEED = 20261123L;

  /** Log-normal with median 60 s and sigma 0.75, clamped to 10 s .. 10 min. */
  static final double MEDIAN_S = 60;

  static final double SIGMA = 0.75;

  private PollingEfficiency() {}

  static double[] corpus() {
    Random r = new Random(SEED);
    double[] d = new double[JOBS];
    for (int i = 0; i < JOBS; i++) {
      double v = MEDIAN_S * Math.exp(SIGMA * r.nextGaussian());
      d[i] = Math.max(10, Math.min(600, v));
    }
    return d;
  }

  /** How a simulated provider describes a running job. */
  enum Hints {
    NONE,
    ETA,
    PROGRESS
  }

  static final class Result {
    final String name;
    final Hints hints;
    final double pollsPerJob;
    final double medianLag;
    final double p95Lag;
    final double maxLag;
    final int completed;

    Result(String name, Hints hints, double pollsPerJob, double[] lags, int completed) {
      this.name = name;
      this.hints = hints;
      this.pollsPerJob = pollsPerJob;
      double[] s = lags.clone();
      Arrays.sort(s);
      this.medianLag = percentile(s, 0.5);
      this.p95Lag = percentile(s, 0.95);
      this.maxLag = s[s.length - 1];
      this.completed = completed;
    }

    Map<String, Object> toMap(double baselinePolls) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("poller", name);
      m.put("hints", hints.name());
      m.put("pollsPerJob", round(pollsPerJob));
      m.put("pollsVsFixed1s", round(pollsPerJob / baselinePolls));
      m.put("lagMedianS", round(medianLag));
      m.put("lagP95S", round(p95Lag));
      m.put("lagMaxS", round(maxLag));
      m.put("completed", completed);
      return m;
    }
  }

  static double percentile(double[] sorted, double q) {
    int i = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }

  static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }

  /** Runs every job of the corpus at once through a {@link VideoClient} with {@code policy}. */
  static Result run(String name, PollingPolicy policy, Hints hints, double[] durations) {
    return run(name, policy, hints, durations, c -> c);
  }

  /**
   * {@link #run(String, PollingPolicy, Hints, double[])} with the client changed by {@code attach}.
   */
  static Result run(
      String name,
      PollingPolicy policy,
      Hints hints,
      double[] durations,
      java.util.function.UnaryOperator<VideoClient> attach) {
    TestScheduler time = new TestScheduler();
    VirtualProvider provider = new VirtualProvider(time, durations, hints);
    VideoClient client =
        attach.apply(new VideoClient(provider, policy, time, (v, p) -> Observable.empty()));
    double[] lag = new double[durations.length];
    int[] completed = new int[1];
    ImageToVideoRequest request =
        ImageToVideoRequest.builder()
            .image(ImageInput.url("https://example.com/a.png"))
            .prompt("p")
            .build();
    for (int i = 0; i < durations.length; i++) {
      int job = i;
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
    }
    time.advanceTimeBy(2, TimeUnit.HOURS);
    return new Result(name, hints, provider.polls / (double) durations.length, lag, completed[0]);
  }

  static PollingPolicy fixed(Duration every) {
    return PollingPolicy.builder().fixedInterval(every).build();
  }

  static PollingPolicy doubling() {
    return PollingPolicy.builder()
        .initialDelay(Duration.ofSeconds(1))
        .interval(Duration.ofSeconds(1))
        .maxInterval(Duration.ofSeconds(5))
        .minInterval(Duration.ZERO)
        .jitter(0)
        .tuning(
            PollTuning.builder()
                .intervalGrowth(2)
                .useProviderHints(false)
                .staleAfter(Duration.ZERO)
                .build())
        .build();
  }

  static PollingPolicy ours() {
    Random r = new Random(SEED + 1);
    return PollingPolicy.defaults().toBuilder()
        .tuning(PollTuning.builder().random(r::nextDouble).build())
        .build();
  }

  static List<Result> runAll() {
    double[] d = corpus();
    List<Result> out = new ArrayList<>();
    out.add(run("fixed 0.5 s", fixed(Duration.ofMillis(500)), Hints.NONE, d));
    out.add(run("fixed 1 s", fixed(Duration.ofSeconds(1)), Hints.NONE, d));
    out.add(run("fixed 5 s", fixed(Duration.ofSeconds(5)), Hints.NONE, d));
    out.add(run("fixed 6 s", fixed(Duration.ofSeconds(6)), Hints.NONE, d));
    out.add(run("1 s doubling to 5 s", doubling(), Hints.NONE, d));
    out.add(run("pixverse4j default", ours(), Hints.NONE, d));
    out.add(run("pixverse4j default", ours(), Hints.ETA, d));
    out.add(run("pixverse4j default", ours(), Hints.PROGRESS, d));
    return out;
  }

  /**
   * A provider whose job {@code i} runs {@code durations[i]} seconds of virtual time after its
   * submit. With ETA hints the ETA is off by up to ±10 % (seeded); with progress hints the progress
   * is the elapsed fraction, rounded down.
   */
  static final class VirtualProvider implements VideoProvider {
    private final TestScheduler time;
    private final double[] durations;
    private final Hints hints;
    private final double[] submittedAt;
    private final Random noise = new Random(SEED + 2);
    private int next;
    long polls;

    VirtualProvider(TestScheduler time, double[] durations, Hints hints) {
      this.time = time;
      this.durations = durations;
      this.hints = hints;
      this.submittedAt = new double[durations.length];
    }

    private double now() {
      return time.now(TimeUnit.NANOSECONDS) / 1e9;
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
      return Single.fromCallable(
          () -> {
            int i = next++;
            submittedAt[i] = now();
            return TaskHandle.of("virtual", "virtual", Integer.toString(i));
          });
    }

    @Override
    public Single<TaskStatus> status(TaskHandle handle) {
      return Single.fromCallable(
          () -> {
            polls++;
            int i = Integer.parseInt(handle.taskId());
            double elapsed = now() - submittedAt[i];
            TaskStatus.Builder b = TaskStatus.builder().handle(handle).observedAt(Instant.EPOCH);
            if (elapsed >= durations[i]) {
              return b.state(TaskState.SUCCEEDED)
                  .addVideos(Video.of(URI.create("https://m/v.mp4")))
                  .build();
            }
            b.state(TaskState.RUNNING);
            if (hints == Hints.ETA) {
              double left = (durations[i] - elapsed) * (1 + (noise.nextDouble() * 0.2 - 0.1));
              b.estimatedTimeRemaining(Duration.ofMillis((long) (left * 1000)));
            } else if (hints == Hints.PROGRESS) {
              b.progressPercent((int) Math.floor(100 * elapsed / durations[i]));
            }
            return b.build();
          });
    }

    @Override
    public Completable cancel(TaskHandle handle) {
      return Completable.complete();
    }
  }
}
