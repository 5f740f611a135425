package io.github.pixverse4j.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pixverse4j.api.AuthenticationException;
import io.github.pixverse4j.api.ContentRejectedException;
import io.github.pixverse4j.api.DownloadProgress;
import io.github.pixverse4j.api.FailureCategory;
import io.github.pixverse4j.api.ImageInput;
import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.api.InvalidRequestException;
import io.github.pixverse4j.api.MalformedResponseException;
import io.github.pixverse4j.api.ProviderCapabilities;
import io.github.pixverse4j.api.Quality;
import io.github.pixverse4j.api.SubmitOutcomeUnknownException;
import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.api.TaskNotFoundException;
import io.github.pixverse4j.api.TaskState;
import io.github.pixverse4j.api.TaskStatus;
import io.github.pixverse4j.api.TaskTimeoutException;
import io.github.pixverse4j.api.UnsupportedFeatureException;
import io.github.pixverse4j.api.Video;
import io.github.pixverse4j.api.VideoApiException;
import io.github.pixverse4j.client.PollingPolicy;
import io.github.pixverse4j.client.VideoClient;
import io.reactivex.rxjava3.disposables.Disposable;
import io.reactivex.rxjava3.observers.TestObserver;
import io.reactivex.rxjava3.schedulers.TestScheduler;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("FakeProvider")
class FakeProviderTest {
  final TestScheduler time = new TestScheduler();
  final FakeProvider fake = FakeProvider.builder().scheduler(time).build();

  /** No jitter, so that every poll lands at a time the test can state exactly. */
  final PollingPolicy policy = PollingPolicy.builder().jitter(0).build();

  final VideoClient client = fake.client(policy);

  static ImageToVideoRequest request() {
    return ImageToVideoRequest.builder()
        .image(ImageInput.url("https://example.com/cat.png"))
        .prompt("the cat turns its head")
        .build();
  }

  long seconds() {
    return time.now(TimeUnit.SECONDS);
  }

  List<TaskState> states(TestObserver<TaskStatus> o) {
    return o.values().stream().map(TaskStatus::state).collect(Collectors.toList());
  }

  @Nested
  @DisplayName("lifecycles")
  class Lifecycles {
    @Test
    @DisplayName(
        "a generate completes in virtual time: queued with falling positions, running with progress"
            + " and ETA, succeeded with the video")
    void typicalLifecycleInVirtualTime() {
      long wallStart = System.nanoTime();
      fake.enqueue(
          FakeLifecycle.builder()
              .queued(Duration.ofSeconds(20), 3)
              .running(Duration.ofSeconds(60))
              .succeeded());

      TestObserver<TaskStatus> statuses = client.generate(request()).test();
      statuses.assertValueCount(1).assertNotComplete();
      time.advanceTimeBy(10, TimeUnit.MINUTES);

      statuses.assertComplete().assertNoErrors();
      assertThat(states(statuses))
          .startsWith(TaskState.QUEUED)
          .endsWith(TaskState.SUCCEEDED)
          .contains(TaskState.RUNNING);
      List<Integer> positions =
          statuses.values().stream()
              .filter(s -> s.queuePosition().isPresent())
              .map(s -> s.queuePosition().get())
              .collect(Collectors.toList());
      assertThat(positions).isNotEmpty().isSortedAccordingTo((a, b) -> b - a);
      TaskStatus running =
          statuses.values().stream().filter(s -> s.state() == TaskState.RUNNING).findFirst().get();
      assertThat(running.progressPercent()).isPresent();
      assertThat(running.estimatedTimeRemaining()).isPresent();
      TaskStatus last = statuses.values().get(statuses.values().size() - 1);
      assertThat(last.videos())
          .singleElement()
          .satisfies(v -> assertThat(v.url().getHost()).isEqualTo(FakeProvider.VIDEO_HOST));
      assertThat(fake.submits()).containsExactly(request());
      assertThat(fake.statusReads()).isNotEmpty().allMatch(h -> h.equals(last.handle()));
      assertThat(Duration.ofNanos(System.nanoTime() - wallStart)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    @DisplayName("the terminal state arrives at the first poll after the scripted time, not before")
    void terminalStateFollowsScriptedTime() {
      fake.enqueue(
          FakeLifecycle.builder().runningWithoutProgress(Duration.ofSeconds(30)).succeeded());
      TestObserver<TaskStatus> statuses = client.generate(request()).test();

      time.advanceTimeBy(29, TimeUnit.SECONDS);
      statuses.assertNotComplete();
      assertThat(states(statuses)).doesNotContain(TaskState.SUCCEEDED);
      time.advanceTimeBy(1, TimeUnit.MINUTES);
      statuses.assertComplete();
      assertThat(states(statuses))
          .containsExactly(TaskState.QUEUED, TaskState.RUNNING, TaskState.SUCCEEDED);
    }

    @Test
    @DisplayName(
        "a FAILED task is data: the status carries the scripted category and the stream completes")
    void failedWithCategory() {
      fake.enqueue(
          FakeLifecycle.builder()
              .running(Duration.ofSeconds(10))
              .failed(FailureCategory.MODERATION, "the image was refused"));
      TestObserver<TaskStatus> statuses = client.generate(request()).test();
      time.advanceTimeBy(5, TimeUnit.MINUTES);

      statuses.assertComplete().assertNoErrors();
      TaskStatus last = statuses.values().get(statuses.values().size() - 1);
      assertThat(last.state()).isEqualTo(TaskState.FAILED);
      assertThat(last.failure().get().category()).isEqualTo(FailureCategory.MODERATION);
      assertThat(last.failure().get().message()).isEqualTo("the image was refused");
    }

    @Test
    @DisplayName(
        "a task cancelled elsewhere ends CANCELLED; awaitVideos fails with TaskFailedException")
    void cancelledLifecycle() {
      fake.enqueue(FakeLifecycle.builder().queued(Duration.ofSeconds(10)).cancelled());
      TestObserver<List<Video>> videos = client.awaitVideos(request()).test();
      time.advanceTimeBy(5, TimeUnit.MINUTES);
      videos.assertError(
          e ->
              e instanceof io.github.pixverse4j.api.TaskFailedException
                  && ((io.github.pixverse4j.api.TaskFailedException) e).status().state()
                      == TaskState.CANCELLED);
    }

    @Test
    @DisplayName("successive submits follow the enqueued lifecycles in order, then the default")
    void enqueuedInOrder() {
      fake.enqueue(
          FakeLifecycle.builder().failed(FailureCategory.PROVIDER_ERROR, "boom"),
          FakeLifecycle.immediateSuccess());
      TestObserver<TaskStatus> first = client.generate(request()).test();
      TestObserver<TaskStatus> second = client.generate(request()).test();
      TestObserver<TaskStatus> third = client.generate(request()).test();
      time.advanceTimeBy(30, TimeUnit.SECONDS);
      assertThat(states(first)).endsWith(TaskState.FAILED);
      assertThat(states(second)).endsWith(TaskState.SUCCEEDED);
      third.assertNotComplete(); // the default lifecycle takes 40 s
      time.advanceTimeBy(1, TimeUnit.MINUTES);
      assertThat(states(third)).endsWith(TaskState.SUCCEEDED);
      assertThat(fake.tasks())
          .extracting(TaskHandle::taskId)
          .containsExactly("task-1", "task-2", "task-3");
    }

    @Test
    @DisplayName("a stored handle is watched to its end by a fresh client on the same fake")
    void resumeWithWatch() {
      TaskHandle handle = client.submit(request()).test().values().get(0);
      VideoClient restarted = fake.client(policy);
      TestObserver<TaskStatus> statuses = restarted.watch(TaskHandle.parse(handle.token())).test();
      time.advanceTimeBy(2, TimeUnit.MINUTES);
      assertThat(states(statuses)).endsWith(TaskState.SUCCEEDED);
      assertThat(fake.submits()).hasSize(1);
    }

    @Test
    @DisplayName("a handle the fake never made reads as TaskNotFoundException")
    void unknownHandle() {
      client
          .status(TaskHandle.of("fake", "fake-model", "nope"))
          .test()
          .assertError(TaskNotFoundException.class);
    }
  }

  @Nested
  @DisplayName("validation and capabilities")
  class Validation {
    @Test
    @DisplayName("an invalid request fails before the fake sees anything")
    void invalidRequestSendsNothing() {
      ImageToVideoRequest tooLong =
          ImageToVideoRequest.builder().from(request()).duration(Duration.ofSeconds(20)).build();
      client.generate(tooLong).test().assertError(InvalidRequestException.class);
      assertThat(fake.calls()).isEmpty();
    }

    @Test
    @DisplayName("a real provider's capabilities give the fake its id, model and limits")
    void borrowedCapabilities() {
      ProviderCapabilities fiveOrEight =
          ProviderCapabilities.builder()
              .from(FakeProvider.defaultCapabilities())
              .providerId("pixverse")
              .model("v4.5")
              .durationsSeconds(java.util.Arrays.asList(5, 8))
              .qualities(java.util.Arrays.asList(Quality.P720))
              .supportsCancel(false)
              .build();
      FakeProvider pixverse =
          FakeProvider.builder().scheduler(time).capabilities(fiveOrEight).build();
      VideoClient c = pixverse.client(policy);
      assertThat(c.providerId()).isEqualTo("pixverse");
      c.submit(
              ImageToVideoRequest.builder().from(request()).duration(Duration.ofSeconds(6)).build())
          .test()
          .assertError(InvalidRequestException.class);
      TaskHandle h =
          c.submit(
                  ImageToVideoRequest.builder()
                      .from(request())
                      .duration(Duration.ofSeconds(8))
                      .build())
              .test()
              .values()
              .get(0);
      assertThat(h.providerId()).isEqualTo("pixverse");
      assertThat(h.model()).isEqualTo("v4.5");
    }
  }

  @Nested
  @DisplayName("cancel and deadline")
  class CancelAndDeadline {
    @Test
    @DisplayName("client.cancel reaches the fake and the next poll shows CANCELLED")
    void cancelWhileRunning() {
      TestObserver<TaskStatus> statuses = client.generate(request()).test();
      TaskHandle handle = statuses.values().get(0).handle();
      time.advanceTimeBy(15, TimeUnit.SECONDS);
      client.cancel(handle).test().assertComplete();
      time.advanceTimeBy(1, TimeUnit.MINUTES);

      assertThat(fake.cancels()).containsExactly(handle);
      assertThat(states(statuses))
          .endsWith(TaskState.CANCELLED)
          .doesNotContain(TaskState.SUCCEEDED);
    }

    @Test
    @DisplayName("cancelOnDispose: disposing the stream cancels the task remotely")
    void cancelOnDispose() {
      VideoClient cancelling = fake.client(policy.toBuilder().cancelOnDispose(true).build());
      TestObserver<TaskStatus> statuses = cancelling.generate(request()).test();
      time.advanceTimeBy(6, TimeUnit.SECONDS);
      statuses.dispose();
      assertThat(fake.cancels()).hasSize(1);
      int reads = fake.statusReads().size();
      time.advanceTimeBy(5, TimeUnit.MINUTES);
      assertThat(fake.statusReads()).hasSize(reads);
    }

    @Test
    @DisplayName(
        "without cancel in the capabilities, cancel fails at once and the fake records nothing")
    void cancelUnsupported() {
      FakeProvider noCancel =
          FakeProvider.builder()
              .scheduler(time)
              .capabilities(
                  ProviderCapabilities.builder()
                      .from(FakeProvider.defaultCapabilities())
                      .supportsCancel(false)
                      .build())
              .build();
      VideoClient c = noCancel.client(policy);
      TaskHandle handle = c.submit(request()).test().values().get(0);
      c.cancel(handle).test().assertError(UnsupportedFeatureException.class);
      assertThat(noCancel.cancels()).isEmpty();
    }

    @Test
    @DisplayName(
        "a task slower than the deadline ends in TaskTimeoutException carrying the handle and last"
            + " status")
    void deadline() {
      fake.enqueue(FakeLifecycle.builder().queued(Duration.ofHours(1)).succeeded());
      VideoClient c = fake.client(policy.toBuilder().deadline(Duration.ofMinutes(2)).build());
      TestObserver<TaskStatus> statuses = c.generate(request()).test();
      time.advanceTimeBy(119, TimeUnit.SECONDS);
      statuses.assertNoErrors();
      time.advanceTimeBy(1, TimeUnit.SECONDS);
      statuses.assertError(
          e ->
              e instanceof TaskTimeoutException && ((TaskTimeoutException) e).handle().isPresent());
    }
  }

  @Nested
  @DisplayName("faults")
  class Faults {
    @Test
    @DisplayName(
        "a status read answering 429 with Retry-After is retried after that wait, visibly in the"
            + " record")
    void rateLimitedStatus() {
      fake.enqueue(FakeLifecycle.builder().running(Duration.ofSeconds(60)).succeeded());
      fake.failNext(FakeCall.Operation.STATUS, FakeFault.rateLimited(Duration.ofSeconds(17)));
      TestObserver<TaskStatus> statuses = client.generate(request()).test();
      time.advanceTimeBy(10, TimeUnit.MINUTES);

      statuses.assertComplete();
      List<FakeCall> reads =
          fake.calls().stream()
              .filter(c -> c.operation() == FakeCall.Operation.STATUS)
              .collect(Collectors.toList());
      assertThat(reads.get(0).fault()).isPresent();
      assertThat(Duration.between(reads.get(0).at(), reads.get(1).at()))
          .isEqualTo(Duration.ofSeconds(17));
    }

    @Test
    @DisplayName("503 and refused connections on submit are retried into exactly one task")
    void retriableSubmitFaults() {
      fake.failNext(FakeCall.Operation.SUBMIT, FakeFault.unavailable())
          .failNext(FakeCall.Operation.SUBMIT, FakeFault.connectionRefused())
          .failNext(FakeCall.Operation.SUBMIT, FakeFault.rateLimited(Duration.ofSeconds(3)));
      TestObserver<TaskStatus> statuses = client.generate(request()).test();
      time.advanceTimeBy(5, TimeUnit.MINUTES);

      statuses.assertComplete();
      assertThat(fake.submits()).hasSize(4);
      assertThat(fake.tasks()).hasSize(1);
      assertThat(fake.pendingFaults()).isZero();
    }

    @Test
    @DisplayName(
        "a submit whose answer is lost creates the job, is not resent, and reports"
            + " SubmitOutcomeUnknownException")
    void answerLost() {
      fake.failNext(FakeCall.Operation.SUBMIT, FakeFault.answerLost());
      TestObserver<TaskStatus> statuses = client.generate(request()).test();
      time.advanceTimeBy(5, TimeUnit.MINUTES);

      statuses.assertError(SubmitOutcomeUnknownException.class).assertNoValues();
      assertThat(fake.submits()).hasSize(1);
      assertThat(fake.tasks()).hasSize(1);
    }

    @Test
    @DisplayName("a submit timeout fails only after the scripted time, with the outcome unknown")
    void submitTimeout() {
      fake.failNext(FakeCall.Operation.SUBMIT, FakeFault.timeout(Duration.ofSeconds(30)));
      TestObserver<TaskStatus> statuses = client.generate(request()).test();
      time.advanceTimeBy(29, TimeUnit.SECONDS);
      statuses.assertNoErrors();
      time.advanceTimeBy(1, TimeUnit.SECONDS);
      statuses.assertError(SubmitOutcomeUnknownException.class);
      assertThat(fake.tasks()).hasSize(1);
    }

    @Test
    @DisplayName("moderation at submit is ContentRejectedException and creates no task")
    void contentRejected() {
      fake.failNext(FakeCall.Operation.SUBMIT, FakeFault.contentRejected("prompt refused"));
      client.generate(request()).test().assertError(ContentRejectedException.class);
      assertThat(fake.tasks()).isEmpty();
    }

    @Test
    @DisplayName("status timeouts and 5xx are retried; the task still completes")
    void transientStatusFaults() {
      fake.failNext(FakeCall.Operation.STATUS, FakeFault.timeout(Duration.ofSeconds(10)))
          .failNext(FakeCall.Operation.STATUS, 2, FakeFault.serverError());
      TestObserver<TaskStatus> statuses = client.generate(request()).test();
      time.advanceTimeBy(10, TimeUnit.MINUTES);
      statuses.assertComplete();
      assertThat(states(statuses)).endsWith(TaskState.SUCCEEDED);
    }

    @Test
    @DisplayName(
        "401 on a status read stops polling at once with AuthenticationException and the handle")
    void unauthorizedStatus() {
      fake.failNext(FakeCall.Operation.STATUS, FakeFault.unauthorized());
      TestObserver<TaskStatus> statuses = client.generate(request()).test();
      time.advanceTimeBy(10, TimeUnit.MINUTES);
      statuses.assertError(
          e ->
              e instanceof AuthenticationException
                  && ((AuthenticationException) e).handle().isPresent());
      assertThat(fake.statusReads()).hasSize(1);
    }

    @Test
    @DisplayName("an unreadable status answer stops polling with MalformedResponseException")
    void malformedStatus() {
      fake.failNext(FakeCall.Operation.STATUS, FakeFault.malformedResponse());
      TestObserver<TaskStatus> statuses = client.generate(request()).test();
      time.advanceTimeBy(10, TimeUnit.MINUTES);
      statuses.assertError(MalformedResponseException.class);
    }

    @Test
    @DisplayName("a status read that hangs is ended by the deadline")
    void hangingStatus() {
      fake.failNext(FakeCall.Operation.STATUS, FakeFault.hang());
      VideoClient c = fake.client(policy.toBuilder().deadline(Duration.ofMinutes(3)).build());
      TestObserver<TaskStatus> statuses = c.generate(request()).test();
      time.advanceTimeBy(10, TimeUnit.MINUTES);
      statuses.assertError(TaskTimeoutException.class);
      assertThat(fake.statusReads()).hasSize(1);
    }

    @Test
    @DisplayName("latency delays every answer on the scheduler")
    void latency() {
      FakeProvider slow =
          FakeProvider.builder().scheduler(time).latency(Duration.ofSeconds(2)).build();
      TestObserver<TaskHandle> handle = slow.client(policy).submit(request()).test();
      time.advanceTimeBy(1999, TimeUnit.MILLISECONDS);
      handle.assertNoValues();
      time.advanceTimeBy(1, TimeUnit.MILLISECONDS);
      handle.assertValueCount(1);
    }
  }

  @Nested
  @DisplayName("downloads")
  class Downloads {
    @TempDir Path dir;

    @Test
    @DisplayName("the fake downloader writes exactly the scripted video's bytes")
    void downloadsScriptedBytes() throws Exception {
      FakeVideo content =
          FakeVideo.of("not really an mp4".getBytes(java.nio.charset.StandardCharsets.UTF_8))
              .withSize(640, 360);
      fake.enqueue(FakeLifecycle.builder().succeeded(content));
      TestObserver<List<Video>> awaited = client.awaitVideos(request()).test();
      time.advanceTimeBy(1, TimeUnit.MINUTES);
      List<Video> videos = awaited.values().get(0);
      assertThat(videos.get(0).width()).contains(640);

      Path target = dir.resolve("out.mp4");
      TestObserver<DownloadProgress> progress = client.download(videos.get(0), target).test();
      progress.assertComplete();
      assertThat(progress.values().get(progress.values().size() - 1).done()).isTrue();
      assertThat(Files.readAllBytes(target)).isEqualTo(content.bytes());
      assertThat(fake.downloads()).containsExactly(videos.get(0));
      try (java.util.stream.Stream<Path> files = Files.list(dir)) {
        assertThat(files).containsExactly(target);
      }
    }

    @Test
    @DisplayName("a URL the fake never produced is a 404, and no file is created")
    void unknownVideo() {
      Path target = dir.resolve("out.mp4");
      client
          .download(Video.of(URI.create("https://" + FakeProvider.VIDEO_HOST + "/x.mp4")), target)
          .test()
          .assertError(
              e ->
                  e instanceof VideoApiException
                      && ((VideoApiException) e).httpStatus().orElse(0) == 404);
      assertThat(target).doesNotExist();
    }

    @Test
    @DisplayName("a scripted download fault fails the download and leaves no file")
    void downloadFault() {
      TestObserver<List<Video>> videos = client.awaitVideos(request()).test();
      time.advanceTimeBy(2, TimeUnit.MINUTES);
      fake.failNext(FakeCall.Operation.DOWNLOAD, FakeFault.answerLost());
      Path target = dir.resolve("out.mp4");
      client
          .download(videos.values().get(0).get(0), target)
          .test()
          .assertError(VideoApiException.class);
      assertThat(target).doesNotExist();
    }
  }

  @Test
  @DisplayName("client() polls at the same times in every run: the default policy without jitter")
  void clientIsRepeatable() {
    List<List<java.time.Instant>> runs = new java.util.ArrayList<>();
    for (int run = 0; run < 3; run++) {
      TestScheduler t = new TestScheduler();
      FakeProvider f = FakeProvider.builder().scheduler(t).build();
      f.client().generate(request()).test();
      t.advanceTimeBy(10, TimeUnit.MINUTES);
      runs.add(f.calls().stream().map(FakeCall::at).collect(Collectors.toList()));
    }
    assertThat(runs.get(0)).hasSizeGreaterThan(3);
    assertThat(runs.get(1)).isEqualTo(runs.get(0));
    assertThat(runs.get(2)).isEqualTo(runs.get(0));
  }

  @Test
  @DisplayName("the builder requires a scheduler")
  void schedulerRequired() {
    assertThatThrownBy(() -> FakeProvider.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("scheduler is required");
  }

  @Test
  @DisplayName("disposing a generate stops all polling")
  void disposeStops() {
    TestObserver<TaskStatus> statuses = client.generate(request()).test();
    time.advanceTimeBy(6, TimeUnit.SECONDS);
    Disposable d = statuses;
    d.dispose();
    int reads = fake.statusReads().size();
    time.advanceTimeBy(10, TimeUnit.MINUTES);
    assertThat(fake.statusReads()).hasSize(reads);
    assertThat(fake.cancels()).isEmpty();
  }
}
