package io.github.pixverse4j.fake;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pixverse4j.api.ImageInput;
import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.api.TaskState;
import io.github.pixverse4j.api.TaskStatus;
import io.github.pixverse4j.client.PollingPolicy;
import io.github.pixverse4j.client.VideoClient;
import io.github.pixverse4j.client.journal.JournalEntry;
import io.github.pixverse4j.client.journal.TaskJournal;
import io.reactivex.rxjava3.observers.TestObserver;
import io.reactivex.rxjava3.schedulers.TestScheduler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client features that sit above the provider SPI work unchanged on the fake. */
@DisplayName("FakeProvider with the client's journal and retry visibility")
class FakeWithClientFeaturesTest {
  final TestScheduler time = new TestScheduler();
  final FakeProvider fake = FakeProvider.builder().scheduler(time).build();
  final VideoClient client = fake.client(PollingPolicy.builder().jitter(0).build());

  static ImageToVideoRequest request() {
    return ImageToVideoRequest.builder()
        .image(ImageInput.url("https://example.com/cat.png"))
        .prompt("the cat turns its head")
        .build();
  }

  @Test
  @DisplayName(
      "a journaled client records the handle before emitting it, the end, and the saved file")
  void journal(@TempDir Path dir) throws Exception {
    TaskJournal journal = TaskJournal.inMemory();
    VideoClient journaled = client.withJournal(journal);
    fake.enqueue(
        FakeLifecycle.builder()
            .queued(Duration.ofSeconds(10))
            .running(Duration.ofSeconds(30))
            .succeeded());
    List<JournalEntry.Phase> seenAtFirstStatus = new ArrayList<>();
    TestObserver<TaskStatus> run =
        journaled
            .generate(request())
            .doOnNext(
                s -> {
                  if (seenAtFirstStatus.isEmpty()) {
                    seenAtFirstStatus.add(
                        journal.entry(s.handle().token()).map(JournalEntry::phase).orElse(null));
                  }
                })
            .test();
    time.advanceTimeBy(5, TimeUnit.MINUTES);
    run.assertComplete().assertNoErrors();
    assertThat(seenAtFirstStatus).containsExactly(JournalEntry.Phase.ACCEPTED);
    TaskStatus last = run.values().get(run.values().size() - 1);
    assertThat(last.state()).isEqualTo(TaskState.SUCCEEDED);
    assertThat(journal.entry(last.handle().token()).get().phase())
        .isEqualTo(JournalEntry.Phase.SUCCEEDED);

    Path target = dir.resolve("clip.mp4");
    TestObserver<?> download = journaled.download(last, target).test();
    time.advanceTimeBy(1, TimeUnit.MINUTES);
    download.assertComplete();
    assertThat(Files.readAllBytes(target)).isEqualTo(FakeVideo.sample().bytes());
    JournalEntry saved = journal.entry(last.handle().token()).get();
    assertThat(saved.phase()).isEqualTo(JournalEntry.Phase.DOWNLOADED);
    assertThat(saved.downloadedFile()).contains(target.toString());
    assertThat(journal.unfinished()).isEmpty();
  }

  @Test
  @DisplayName(
      "status reads the fake fails with 503 show as TaskStatus.retry(), then clear on the next good"
          + " read")
  void retryVisibility() {
    fake.enqueue(FakeLifecycle.builder().running(Duration.ofMinutes(3)).succeeded());
    fake.failNext(FakeCall.Operation.STATUS, 3, FakeFault.unavailable());
    TestObserver<TaskStatus> run = client.generate(request()).test();
    time.advanceTimeBy(10, TimeUnit.MINUTES);
    run.assertComplete().assertNoErrors();
    List<TaskStatus> values = run.values();
    int firstRetry = -1;
    for (int i = 0; i < values.size(); i++) {
      if (values.get(i).retry().isPresent()) {
        firstRetry = i;
        break;
      }
    }
    assertThat(firstRetry)
        .as("a status with retry() set was emitted: %s", values)
        .isGreaterThanOrEqualTo(0);
    assertThat(values.get(firstRetry).retry().get().failedAttempts()).isEqualTo(1);
    assertThat(values.get(firstRetry).retry().get().lastFailure()).contains("503");
    assertThat(
            values.stream()
                .mapToInt(s -> s.retry().map(r -> r.failedAttempts()).orElse(0))
                .max()
                .getAsInt())
        .isEqualTo(3);
    TaskStatus last = values.get(values.size() - 1);
    assertThat(last.state()).isEqualTo(TaskState.SUCCEEDED);
    assertThat(last.retry()).isEmpty();
  }
}
