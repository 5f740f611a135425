package io.github.pixverse4j.fake;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pixverse4j.api.DownloadProgress;
import io.github.pixverse4j.api.FailureCategory;
import io.github.pixverse4j.api.ImageInput;
import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.api.TaskFailedException;
import io.github.pixverse4j.client.VideoClient;
// Your tests live in your own package: FakeProvider, FakeLifecycle, FakeVideo, FakeCall, FakeFault.
import io.reactivex.rxjava3.core.Single;
import io.reactivex.rxjava3.observers.TestObserver;
import io.reactivex.rxjava3.schedulers.TestScheduler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClipMakerTest {
  /** Your code under test: generates a clip and saves it. */
  static final class ClipMaker {
    private final VideoClient client;

    ClipMaker(VideoClient client) {
      this.client = client;
    }

    Single<Path> make(String imageUrl, String prompt, Path target) {
      ImageToVideoRequest request =
          ImageToVideoRequest.builder().image(ImageInput.url(imageUrl)).prompt(prompt).build();
      return client
          .awaitVideos(request)
          .flatMap(videos -> client.download(videos.get(0), target).lastOrError())
          .map(DownloadProgress::target);
    }
  }

  final TestScheduler time = new TestScheduler();
  final FakeProvider fake = FakeProvider.builder().scheduler(time).build();
  final ClipMaker maker = new ClipMaker(fake.client());

  @TempDir Path dir;

  @Test
  void savesTheClip() throws Exception {
    fake.enqueue(
        FakeLifecycle.builder()
            .queued(Duration.ofSeconds(30), 5) // position 5 falling to 0
            .running(Duration.ofMinutes(2)) // progress and ETA
            .succeeded());

    TestObserver<Path> saved =
        maker.make("https://example.com/cat.png", "the cat smiles", dir.resolve("cat.mp4")).test();
    time.advanceTimeBy(5, TimeUnit.MINUTES); // virtual time: takes milliseconds

    saved.assertComplete();
    assertThat(Files.readAllBytes(saved.values().get(0))).isEqualTo(FakeVideo.sample().bytes());
    assertThat(fake.submits()).hasSize(1);
  }

  @Test
  void reportsModeration() {
    fake.enqueue(
        FakeLifecycle.builder()
            .running(Duration.ofSeconds(20))
            .failed(FailureCategory.MODERATION, "the image was refused"));

    TestObserver<Path> saved =
        maker.make("https://example.com/cat.png", "the cat smiles", dir.resolve("cat.mp4")).test();
    time.advanceTimeBy(5, TimeUnit.MINUTES);

    saved.assertError(
        e ->
            e instanceof TaskFailedException
                && ((TaskFailedException) e).status().failure().get().category()
                    == FailureCategory.MODERATION);
    assertThat(dir.resolve("cat.mp4")).doesNotExist();
  }

  @Test
  void ridesOutRateLimits() {
    fake.failNext(FakeCall.Operation.SUBMIT, FakeFault.rateLimited(Duration.ofSeconds(10)))
        .failNext(FakeCall.Operation.STATUS, 3, FakeFault.unavailable());

    TestObserver<Path> saved =
        maker.make("https://example.com/cat.png", "the cat smiles", dir.resolve("cat.mp4")).test();
    time.advanceTimeBy(5, TimeUnit.MINUTES);

    saved.assertComplete();
    assertThat(fake.tasks()).hasSize(1); // the retried submit made one job, not two
  }
}
