package io.github.pixverse4j.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pixverse4j.api.DownloadProgress;
import io.github.pixverse4j.api.ImageInput;
import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.api.SubmitOutcomeUnknownException;
import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.api.TaskStatus;
import io.github.pixverse4j.api.TransportException;
import io.github.pixverse4j.api.Video;
import io.github.pixverse4j.client.PollingPolicy;
import io.github.pixverse4j.client.VideoClient;
import io.reactivex.rxjava3.observers.TestObserver;
import io.reactivex.rxjava3.schedulers.TestScheduler;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Edge cases a first user of the fake met: hung calls, delayed download faults, bad input. */
@DisplayName("FakeProvider edge cases")
class FakeEdgeCasesTest {
  final TestScheduler time = new TestScheduler();
  final FakeProvider fake = FakeProvider.builder().scheduler(time).build();
  final PollingPolicy policy = PollingPolicy.builder().jitter(0).build();
  final VideoClient client = fake.client(policy);

  @TempDir Path dir;

  static ImageToVideoRequest request() {
    return ImageToVideoRequest.builder()
        .image(ImageInput.url("https://example.com/cat.png"))
        .prompt("the cat turns its head")
        .build();
  }

  static boolean causedBy(Throwable e, String text) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (String.valueOf(t.getMessage()).contains(text)) return true;
    }
    return false;
  }

  List<Video> succeededVideos() {
    TestObserver<List<Video>> videos = client.awaitVideos(request()).test();
    time.advanceTimeBy(2, TimeUnit.MINUTES);
    return videos.values().get(0);
  }

  @Test
  @DisplayName(
      "a hung submit ends as the real HTTP call does: after its timeout, outcome unknown, one job,"
          + " no resend")
  void hungSubmitTimesOut() {
    fake.failNext(FakeCall.Operation.SUBMIT, FakeFault.hang());
    VideoClient c = fake.client(policy.toBuilder().deadline(Duration.ofMinutes(2)).build());
    TestObserver<TaskStatus> statuses = c.generate(request()).test();
    time.advanceTimeBy(FakeProvider.HUNG_CALL_TIMEOUT.toMillis() - 1, TimeUnit.MILLISECONDS);
    statuses.assertNoErrors().assertNoValues();
    time.advanceTimeBy(1, TimeUnit.MILLISECONDS);
    statuses.assertError(SubmitOutcomeUnknownException.class).assertNoValues();
    assertThat(fake.submits()).hasSize(1);
    assertThat(fake.tasks()).hasSize(1);
  }

  @Test
  @DisplayName(
      "a hung submit is still pending before the timeout and disposing it ends it without a resend")
  void hungSubmitDisposed() {
    fake.failNext(FakeCall.Operation.SUBMIT, FakeFault.hang());
    TestObserver<TaskStatus> statuses = client.generate(request()).test();
    time.advanceTimeBy(10, TimeUnit.SECONDS);
    statuses.dispose();
    time.advanceTimeBy(63, TimeUnit.MINUTES);
    statuses.assertNoErrors().assertNoValues();
    assertThat(fake.submits()).hasSize(1);
  }

  @Test
  @DisplayName(
      "a hung cancel ends as the real HTTP call does: after its timeout, then the client's retry"
          + " finds the task cancelled")
  void hungCancelTimesOut() {
    fake.enqueue(FakeLifecycle.builder().running(Duration.ofMinutes(30)).succeeded());
    TaskHandle handle = client.submit(request()).test().values().get(0);
    fake.failNext(FakeCall.Operation.CANCEL, FakeFault.hang());
    TestObserver<Void> cancel = client.cancel(handle).test();
    time.advanceTimeBy(FakeProvider.HUNG_CALL_TIMEOUT.toMillis() - 1, TimeUnit.MILLISECONDS);
    cancel.assertNotComplete().assertNoErrors();
    time.advanceTimeBy(5, TimeUnit.MINUTES);
    cancel.assertComplete();
    assertThat(fake.cancels()).hasSize(2);
    assertThat(fake.calls().get(fake.calls().size() - 1).at())
        .isAfterOrEqualTo(fake.calls().get(0).at().plus(FakeProvider.HUNG_CALL_TIMEOUT));
  }

  @Test
  @DisplayName(
      "submits() records every submit attempt, refused ones included; tasks() only the jobs")
  void submitsCountsRefusedAttempts() {
    fake.failNext(FakeCall.Operation.SUBMIT, FakeFault.rateLimited(Duration.ofSeconds(5)));
    client.generate(request()).test();
    time.advanceTimeBy(5, TimeUnit.MINUTES);
    assertThat(fake.submits()).hasSize(2);
    assertThat(fake.tasks()).hasSize(1);
  }

  @Test
  @DisplayName(
      "a hung download fails as a stalled transfer does: after the read timeout, with a"
          + " TransportException")
  void hungDownloadTimesOut() {
    Video video = succeededVideos().get(0);
    fake.failNext(FakeCall.Operation.DOWNLOAD, FakeFault.hang());
    Path target = dir.resolve("out.mp4");
    TestObserver<DownloadProgress> progress = client.download(video, target).test();
    time.advanceTimeBy(FakeProvider.HUNG_DOWNLOAD_TIMEOUT.toMillis() - 1, TimeUnit.MILLISECONDS);
    progress.assertNoErrors();
    time.advanceTimeBy(1, TimeUnit.MILLISECONDS);
    progress.assertError(TransportException.class);
    assertThat(target).doesNotExist();
  }

  @Test
  @DisplayName("timeout(after) on a download fails only after 'after', on the fake's scheduler")
  void downloadTimeoutWaits() {
    Video video = succeededVideos().get(0);
    fake.failNext(FakeCall.Operation.DOWNLOAD, FakeFault.timeout(Duration.ofSeconds(30)));
    Path target = dir.resolve("out.mp4");
    TestObserver<DownloadProgress> progress = client.download(video, target).test();
    time.advanceTimeBy(29, TimeUnit.SECONDS);
    progress.assertNoErrors().assertNotComplete();
    time.advanceTimeBy(1, TimeUnit.SECONDS);
    progress.assertError(TransportException.class);
    assertThat(target).doesNotExist();
  }

  @Test
  @DisplayName("a download timeout adds to the latency, as on the other operations")
  void downloadTimeoutAfterLatency() {
    FakeProvider slow =
        FakeProvider.builder()
            .scheduler(time)
            .latency(Duration.ofSeconds(2))
            .defaultLifecycle(FakeLifecycle.immediateSuccess())
            .build();
    VideoClient c = slow.client(policy);
    TestObserver<List<Video>> videos = c.awaitVideos(request()).test();
    time.advanceTimeBy(1, TimeUnit.MINUTES);
    slow.failNext(FakeCall.Operation.DOWNLOAD, FakeFault.timeout(Duration.ofSeconds(5)));
    TestObserver<DownloadProgress> progress =
        c.download(videos.values().get(0).get(0), dir.resolve("o.mp4")).test();
    time.advanceTimeBy(6999, TimeUnit.MILLISECONDS);
    progress.assertNoErrors();
    time.advanceTimeBy(1, TimeUnit.MILLISECONDS);
    progress.assertError(TransportException.class);
  }

  @Test
  @DisplayName(
      "a lifecycle too long for the scheduler's clock is refused when built, naming the limit")
  void lifecycleTooLong() {
    assertThatThrownBy(() -> FakeLifecycle.builder().running(Duration.ofDays(365 * 300)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at most");
    assertThatThrownBy(
            () ->
                FakeLifecycle.builder().queued(Duration.ofDays(200)).running(Duration.ofDays(200)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("in all");
    assertThat(
            FakeLifecycle.builder()
                .queued(FakeLifecycle.MAX_TOTAL_DURATION)
                .succeeded()
                .totalDuration())
        .isEqualTo(FakeLifecycle.MAX_TOTAL_DURATION);
  }

  @Test
  @DisplayName("the longest lifecycle allowed is polled to its end without overflow")
  void longestLifecyclePolls() {
    fake.enqueue(FakeLifecycle.builder().running(FakeLifecycle.MAX_TOTAL_DURATION).succeeded());
    VideoClient c = fake.client(policy.toBuilder().deadline(Duration.ofDays(400)).build());
    TestObserver<TaskStatus> statuses = c.generate(request()).test();
    time.advanceTimeBy(400, TimeUnit.DAYS);
    statuses.assertNoErrors().assertComplete();
  }

  @Test
  @DisplayName("an error(name, fn) whose fn returns null fails with a message naming the fault")
  void errorFactoryReturningNull() {
    fake.failNext(FakeCall.Operation.SUBMIT, FakeFault.error("my-null-fault", id -> null));
    TestObserver<TaskStatus> statuses = client.generate(request()).test();
    statuses.assertError(e -> causedBy(e, "FakeFault.error(\"my-null-fault\")"));
  }

  @Test
  @DisplayName("FakeVideo refuses empty content, as withSize refuses empty pictures")
  void emptyVideoRefused() {
    assertThatThrownBy(() -> FakeVideo.of(new byte[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one byte");
    assertThat(FakeVideo.of(new byte[] {1}).bytes()).containsExactly(1);
  }

  @Test
  @DisplayName("withContentType accepts type/subtype (with parameters) and refuses anything else")
  void contentTypeForm() {
    assertThat(FakeVideo.sample().withContentType("video/webm").toString()).contains("video/webm");
    assertThat(FakeVideo.sample().withContentType("video/mp4; codecs=\"avc1.42E01E\"").toString())
        .contains("codecs");
    for (String bad :
        new String[] {"not a type", "", "video", "video/", "/mp4", "video/mp 4", "video//mp4"}) {
      assertThatThrownBy(() -> FakeVideo.sample().withContentType(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("type/subtype");
    }
  }
}
