package io.github.pixverse4j.client;

import static io.github.pixverse4j.client.ScriptedProvider.running;
import static io.github.pixverse4j.client.ScriptedProvider.succeeded;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.pixverse4j.api.DownloadProgress;
import io.github.pixverse4j.api.ErrorDetails;
import io.github.pixverse4j.api.ExtendVideoRequest;
import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.api.InvalidRequestException;
import io.github.pixverse4j.api.ProviderCapabilities;
import io.github.pixverse4j.api.RateLimitedException;
import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.api.TaskState;
import io.github.pixverse4j.api.TaskStatus;
import io.github.pixverse4j.api.UnsupportedFeatureException;
import io.github.pixverse4j.api.VideoSource;
import io.github.pixverse4j.client.journal.JournalEntry;
import io.github.pixverse4j.client.journal.TaskJournal;
import io.reactivex.rxjava3.core.Observable;
import io.reactivex.rxjava3.core.Single;
import io.reactivex.rxjava3.observers.TestObserver;
import io.reactivex.rxjava3.schedulers.TestScheduler;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@link VideoClient#extend}: the same engine as generate, validated before anything is sent. */
class VideoClientExtendTest {
  private final TestScheduler time = new TestScheduler();
  private final ScriptedProvider scripted = new ScriptedProvider(time);
  private final TaskJournal journal = TaskJournal.inMemory();

  private VideoClient client() {
    PollingPolicy base =
        PollingPolicy.builder()
            .initialDelay(Duration.ofSeconds(1))
            .interval(Duration.ofSeconds(1))
            .maxInterval(Duration.ofSeconds(1))
            .minInterval(Duration.ofMillis(100))
            .retryDelay(Duration.ofSeconds(1))
            .maxSubmitRetries(3)
            .jitter(0)
            .build();
    PollingPolicy policy =
        base.toBuilder().tuning(base.tuning().toBuilder().useProviderHints(false).build()).build();
    return new VideoClient(scripted, policy, time, (v, p) -> Observable.<DownloadProgress>empty())
        .withJournal(journal);
  }

  private static ExtendVideoRequest extend(VideoSource source) {
    return ExtendVideoRequest.builder()
        .source(source)
        .prompt("and then it flies")
        .durationSeconds(5)
        .build();
  }

  @Test
  @DisplayName("extend emits QUEUED, the polled states and the end, like generate, and journals it")
  void samePipeline() {
    scripted.statusAnswers(running(50), succeeded());
    TaskHandle earlier = TaskHandle.of(ScriptedProvider.ID, "scripted-model", "task-0");
    TestObserver<TaskStatus> obs = client().extend(extend(VideoSource.task(earlier))).test();
    time.advanceTimeBy(5, TimeUnit.SECONDS);
    obs.assertComplete();
    assertThat(obs.values())
        .extracting(TaskStatus::state)
        .containsExactly(TaskState.QUEUED, TaskState.RUNNING, TaskState.SUCCEEDED);
    assertThat(scripted.extendCalls).isEqualTo(1);
    assertThat(scripted.submitCalls).isZero();
    JournalEntry e = journal.entries().get(0);
    assertThat(e.phase()).isEqualTo(JournalEntry.Phase.SUCCEEDED);
    assertThat(e.summary())
        .containsEntry("operation", "extend")
        .containsEntry("source", "task " + earlier.token())
        .containsEntry("prompt", "and then it flies")
        .containsEntry("durationSeconds", "5");
  }

  @Test
  @DisplayName(
      "a refused extend (429) is sent again through the same Single: extend() is called once")
  void retriedLikeASubmit() {
    scripted.submitAnswers(
        new RateLimitedException("slow down", ErrorDetails.provider(ScriptedProvider.ID), null));
    scripted.statusAnswers(succeeded());
    TestObserver<TaskStatus> obs =
        client().extend(extend(VideoSource.url("https://example.com/a.mp4"))).test();
    time.advanceTimeBy(30, TimeUnit.SECONDS);
    obs.assertComplete();
    assertThat(scripted.extendCalls).isEqualTo(1);
    assertThat(scripted.submitCount()).isEqualTo(2);
  }

  @Test
  @DisplayName("submit(extend), watch and awaitVideos work for extend tasks")
  void submitWatchAwait() {
    TaskHandle h = client().submit(extend(VideoSource.providerMediaId(1L << 60))).blockingGet();
    assertThat(journal.entry(h.token()).get().summary())
        .containsEntry("source", "media id " + (1L << 60));
    scripted.statusAnswers(succeeded(), succeeded());
    TestObserver<TaskStatus> watched = client().watch(h).test();
    time.advanceTimeBy(1, TimeUnit.SECONDS);
    watched.assertComplete();
    TestObserver<java.util.List<io.github.pixverse4j.api.Video>> videos =
        client().awaitVideos(extend(VideoSource.url("https://example.com/a.mp4"))).test();
    time.advanceTimeBy(5, TimeUnit.SECONDS);
    videos.assertValue(v -> v.size() == 1);
  }

  @Test
  @DisplayName(
      "an extend task's token parses back to its handle, and resume continues it from the journal")
  void tokenAndResume() {
    TaskHandle h =
        client().submit(extend(VideoSource.url("https://example.com/a.mp4"))).blockingGet();
    assertThat(TaskHandle.parse(h.token())).isEqualTo(h);
    JournalEntry entry = journal.entry(h.token()).get();
    assertThat(entry.isUnfinished()).isTrue();
    scripted.statusAnswers(running(10), succeeded());
    TestObserver<TaskStatus> resumed = client().resume(entry).test();
    time.advanceTimeBy(5, TimeUnit.SECONDS);
    resumed.assertComplete();
    assertThat(resumed.values().get(resumed.values().size() - 1).state())
        .isEqualTo(TaskState.SUCCEEDED);
    assertThat(journal.entry(h.token()).get().phase()).isEqualTo(JournalEntry.Phase.SUCCEEDED);
  }

  @Test
  @DisplayName("the journal keeps neither the bytes nor a presigned URL's credentials")
  void summaryHasNoSecrets() {
    client()
        .submit(
            extend(VideoSource.url("https://user:pw@bucket.example/a.mp4?X-Amz-Signature=secret")))
        .blockingGet();
    client()
        .submit(
            extend(
                VideoSource.bytes(
                    new byte[] {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm'})))
        .blockingGet();
    assertThat(journal.entries())
        .extracting(e -> e.summary().get("source"))
        .containsExactlyInAnyOrder("url https://bucket.example/a.mp4", "bytes 12");
    assertThat(journal.entries().toString())
        .doesNotContain("secret")
        .doesNotContain("pw")
        .doesNotContain("ftyp");
  }

  @Test
  @DisplayName(
      "a provider without extend refuses it with UnsupportedFeatureException, sending nothing")
  void noExtend() {
    scripted.supportsExtend(false);
    client()
        .extend(extend(VideoSource.url("https://example.com/a.mp4")))
        .test()
        .assertError(UnsupportedFeatureException.class);
    client()
        .submit(extend(VideoSource.url("https://example.com/a.mp4")))
        .test()
        .assertError(UnsupportedFeatureException.class);
    assertThat(scripted.extendCalls).isZero();
    assertThat(scripted.submitCount()).isZero();
    assertThat(journal.entries()).isEmpty();
  }

  @Test
  @DisplayName(
      "an invalid extend (another provider's task, bad settings) fails with every problem, sending"
          + " nothing")
  void invalidSendsNothing() {
    java.util.List<String> fields = new java.util.ArrayList<>();
    client()
        .extend(
            ExtendVideoRequest.builder()
                .source(VideoSource.task(TaskHandle.of("gmi", "m", "t")))
                .prompt("p")
                .durationSeconds(99)
                .build())
        .test()
        .assertError(
            e -> {
              ((InvalidRequestException) e).violations().forEach(v -> fields.add(v.field()));
              return true;
            });
    assertThat(fields).containsExactly("duration", "source");
    assertThat(scripted.extendCalls).isZero();
    assertThat(journal.entries()).isEmpty();
  }

  @Test
  @DisplayName(
      "the SPI's default extend fails with UnsupportedFeatureException when subscribed, sending"
          + " nothing")
  void spiDefault() {
    VideoProvider plain =
        new VideoProvider() {
          @Override
          public String id() {
            return "plain";
          }

          @Override
          public ProviderCapabilities capabilities() {
            return scripted.capabilities();
          }

          @Override
          public Single<TaskHandle> submit(ImageToVideoRequest request) {
            throw new AssertionError("nothing may be sent");
          }

          @Override
          public Single<TaskStatus> status(TaskHandle handle) {
            throw new AssertionError("nothing may be sent");
          }
        };
    plain
        .extend(extend(VideoSource.url("https://example.com/a.mp4")))
        .test()
        .assertError(
            e ->
                e instanceof UnsupportedFeatureException
                    && e.getMessage().contains("plain does not extend"));
  }
}
