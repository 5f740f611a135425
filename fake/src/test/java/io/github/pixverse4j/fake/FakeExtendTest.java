package io.github.pixverse4j.fake;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pixverse4j.api.ExtendVideoRequest;
import io.github.pixverse4j.api.FailureCategory;
import io.github.pixverse4j.api.ImageInput;
import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.api.InvalidRequestException;
import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.api.TaskState;
import io.github.pixverse4j.api.TaskStatus;
import io.github.pixverse4j.api.VideoSource;
import io.github.pixverse4j.client.PollingPolicy;
import io.github.pixverse4j.client.VideoClient;
import io.reactivex.rxjava3.observers.TestObserver;
import io.reactivex.rxjava3.schedulers.TestScheduler;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("FakeProvider extend")
class FakeExtendTest {
  final TestScheduler time = new TestScheduler();
  final FakeProvider fake = FakeProvider.builder().scheduler(time).build();
  final VideoClient client = fake.client(PollingPolicy.builder().jitter(0).build());

  static ExtendVideoRequest extend(VideoSource source) {
    return ExtendVideoRequest.builder().source(source).prompt("it keeps walking").seed(7L).build();
  }

  @Test
  @DisplayName("an extend follows the next enqueued lifecycle, in virtual time, and is recorded")
  void scriptedLikeGenerate() {
    fake.enqueue(
        FakeLifecycle.immediateSuccess(),
        FakeLifecycle.builder()
            .running(Duration.ofSeconds(10))
            .failed(FailureCategory.PROVIDER_ERROR, "boom"));
    TestObserver<TaskStatus> generated =
        client
            .generate(
                ImageToVideoRequest.builder()
                    .image(ImageInput.url("https://example.com/cat.png"))
                    .prompt("a cat")
                    .build())
            .test();
    time.advanceTimeBy(1, TimeUnit.MINUTES);
    TaskStatus first = generated.assertComplete().values().get(generated.values().size() - 1);
    assertThat(first.state()).isEqualTo(TaskState.SUCCEEDED);
    TestObserver<TaskStatus> obs = client.extend(extend(VideoSource.task(first.handle()))).test();
    time.advanceTimeBy(1, TimeUnit.MINUTES);
    obs.assertComplete();
    TaskStatus last = obs.values().get(obs.values().size() - 1);
    assertThat(last.state()).isEqualTo(TaskState.FAILED);
    assertThat(fake.extendRequests())
        .extracting(r -> r.source().task())
        .containsExactly(first.handle());
    assertThat(fake.calls()).extracting(FakeCall::operation).contains(FakeCall.Operation.EXTEND);
    assertThat(fake.submits()).hasSize(1);
  }

  @Test
  @DisplayName("faults scripted for EXTEND apply to extends: a refused one is resent, one task")
  void faults() {
    fake.failNext(FakeCall.Operation.EXTEND, FakeFault.unavailable());
    TestObserver<TaskHandle> obs =
        client.submit(extend(VideoSource.url("https://example.com/a.mp4"))).test();
    time.advanceTimeBy(1, TimeUnit.MINUTES);
    obs.assertComplete();
    assertThat(fake.extendRequests()).hasSize(2);
    assertThat(fake.tasks()).hasSize(1);
  }

  @Test
  @DisplayName("an invalid extend is refused before the fake sees it")
  void validated() {
    client
        .extend(
            ExtendVideoRequest.builder()
                .source(VideoSource.task(TaskHandle.of("gmi", "m", "t")))
                .prompt("p")
                .build())
        .test()
        .assertError(InvalidRequestException.class);
    assertThat(fake.calls()).isEmpty();
  }
}
