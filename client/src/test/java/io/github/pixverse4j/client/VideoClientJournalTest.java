package io.github.pixverse4j.client;

import static io.github.pixverse4j.client.ScriptedProvider.request;
import static io.github.pixverse4j.client.ScriptedProvider.running;
import static io.github.pixverse4j.client.ScriptedProvider.succeeded;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.pixverse4j.api.AuthenticationException;
import io.github.pixverse4j.api.DownloadProgress;
import io.github.pixverse4j.api.ErrorDetails;
import io.github.pixverse4j.api.ImageInput;
import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.api.SubmitOutcomeUnknownException;
import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.api.TaskState;
import io.github.pixverse4j.api.TaskStatus;
import io.github.pixverse4j.api.TransportException;
import io.github.pixverse4j.client.internal.PollTuning;
import io.github.pixverse4j.client.journal.JournalEntry;
import io.github.pixverse4j.client.journal.JournalException;
import io.github.pixverse4j.client.journal.JournalRecord;
import io.github.pixverse4j.client.journal.TaskJournal;
import io.reactivex.rxjava3.core.Observable;
import io.reactivex.rxjava3.core.Single;
import io.reactivex.rxjava3.observers.TestObserver;
import io.reactivex.rxjava3.schedulers.TestScheduler;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class VideoClientJournalTest {
  private final TestScheduler time = new TestScheduler();
  private final ScriptedProvider scripted = new ScriptedProvider(time);
  private final TaskJournal journal = TaskJournal.inMemory();

  /** What the journal held at the moment each submit was sent. */
  private final List<List<JournalEntry>> journalAtSubmit = new ArrayList<>();

  private final VideoProvider provider =
      new DelegatingProvider(scripted) {
        @Override
        public Single<TaskHandle> submit(ImageToVideoRequest request) {
          return Single.defer(
              () -> {
                journalAtSubmit.add(journal.entries());
                return scripted.submit(request);
              });
        }

        @Override
        public Single<TaskStatus> status(TaskHandle handle) {
          return Single.defer(
              () -> {
                journalAtStatus.add(journal.entries());
                return scripted.status(handle);
              });
        }
      };

  /** What the journal held at the moment each status read was sent. */
  private final List<List<JournalEntry>> journalAtStatus = new ArrayList<>();

  private final List<Path> downloads = new ArrayList<>();

  private VideoClient client() {
    return client(
        (v, p) -> {
          downloads.add(p);
          return Observable.just(
              DownloadProgress.builder().target(p).bytesRead(10).totalBytes(10).done(true).build());
        });
  }

  private VideoClient client(VideoClient.Downloader downloader) {
    PollingPolicy policy =
        PollingPolicy.builder()
            .initialDelay(Duration.ofSeconds(1))
            .interval(Duration.ofSeconds(1))
            .maxInterval(Duration.ofSeconds(1))
            .minInterval(Duration.ofMillis(100))
            .tuning(PollTuning.builder().useProviderHints(false).build())
            .retryDelay(Duration.ofSeconds(1))
            .maxSubmitRetries(3)
            .jitter(0)
            .build();
    return new VideoClient(provider, policy, time, downloader).withJournal(journal);
  }

  @Test
  @DisplayName("the intent is recorded before the submit is sent, the handle before it is emitted")
  void orderOfRecords() {
    scripted.statusAnswers(running(50), succeeded());
    List<JournalEntry.Phase> atQueued = new ArrayList<>();
    TestObserver<TaskStatus> obs =
        client()
            .generate(request(), Collections.singletonMap(JournalEntry.LABEL_TARGET, "/videos"))
            .doOnNext(
                s -> {
                  if (s.state() == TaskState.QUEUED) {
                    JournalEntry e = journal.entries().get(0);
                    assertThat(e.token()).contains(s.handle().token());
                    atQueued.add(e.phase());
                  }
                })
            .test();
    assertThat(journalAtSubmit).hasSize(1);
    assertThat(journalAtSubmit.get(0))
        .extracting(JournalEntry::phase)
        .containsExactly(JournalEntry.Phase.SUBMITTING);
    JournalEntry intent = journalAtSubmit.get(0).get(0);
    assertThat(intent.provider()).isEqualTo(ScriptedProvider.ID);
    assertThat(intent.model()).contains("scripted-model");
    assertThat(intent.summary())
        .containsEntry("prompt", "the cat smiles")
        .containsEntry("image", "https://example.com/cat.png");
    assertThat(intent.target()).contains("/videos");
    assertThat(atQueued).containsExactly(JournalEntry.Phase.ACCEPTED);
    time.advanceTimeBy(5, TimeUnit.SECONDS);
    obs.assertComplete();
    JournalEntry done = journal.entries().get(0);
    assertThat(done.phase()).isEqualTo(JournalEntry.Phase.SUCCEEDED);
    assertThat(done.videoUrls()).containsExactly("https://media.example/v.mp4");
    assertThat(journal.unfinished())
        .as("succeeded with a target, video not saved")
        .extracting(JournalEntry::id)
        .containsExactly(done.id());

    TaskStatus last = obs.values().get(obs.values().size() - 1);
    client().download(last, Paths.get("/videos/out.mp4")).test().assertComplete();
    JournalEntry saved = journal.entries().get(0);
    assertThat(saved.phase()).isEqualTo(JournalEntry.Phase.DOWNLOADED);
    assertThat(saved.downloadedFile())
        .contains(Paths.get("/videos/out.mp4").toAbsolutePath().toString());
    assertThat(journal.unfinished()).isEmpty();
  }

  @Test
  @DisplayName("submit() records the handle before returning it")
  void submitRecords() {
    List<JournalEntry.Phase> atReturn = new ArrayList<>();
    TaskHandle h =
        client()
            .submit(request())
            .doOnSuccess(x -> atReturn.add(journal.entry(x.token()).get().phase()))
            .blockingGet();
    assertThat(atReturn).containsExactly(JournalEntry.Phase.ACCEPTED);
    assertThat(journal.unfinished()).extracting(e -> e.token().get()).containsExactly(h.token());
  }

  @Test
  @DisplayName(
      "a submit whose answer was lost is recorded as outcome-unknown with its time and message")
  void outcomeUnknown() {
    scripted.submitAnswers(
        new SubmitOutcomeUnknownException(
            "the connection broke after sending",
            ErrorDetails.provider(ScriptedProvider.ID),
            null));
    time.advanceTimeBy(3, TimeUnit.SECONDS);
    client().generate(request()).test().assertError(SubmitOutcomeUnknownException.class);
    JournalEntry e = journal.entries().get(0);
    assertThat(e.phase()).isEqualTo(JournalEntry.Phase.OUTCOME_UNKNOWN);
    assertThat(e.message().get()).contains("connection broke");
    assertThat(e.updatedAt()).isEqualTo(Instant.ofEpochSecond(3));
    assertThat(journal.unfinished()).as("nothing to resume without a handle").isEmpty();
  }

  @Test
  @DisplayName("a refused submit is recorded as not accepted")
  void refused() {
    scripted.submitAnswers(
        new AuthenticationException("bad key", ErrorDetails.provider(ScriptedProvider.ID)));
    client().generate(request()).test().assertError(AuthenticationException.class);
    assertThat(journal.entries().get(0).phase()).isEqualTo(JournalEntry.Phase.NOT_ACCEPTED);
  }

  @Test
  @DisplayName("disposing before the submit is answered leaves an outcome-unknown entry")
  void disposedDuringSubmit() {
    VideoProvider slow =
        new DelegatingProvider(scripted) {
          @Override
          public Single<TaskHandle> submit(ImageToVideoRequest request) {
            return Single.never();
          }
        };
    VideoClient c =
        new VideoClient(slow, PollingPolicy.defaults(), time, (v, p) -> Observable.empty())
            .withJournal(journal);
    c.generate(request()).test().dispose();
    assertThat(journal.entries().get(0).phase()).isEqualTo(JournalEntry.Phase.OUTCOME_UNKNOWN);
  }

  /**
   * A provider whose first {@code refusals} submits are refused before sending; later ones never
   * answer.
   */
  private VideoClient refusingThenSilent(int refusals, PollingPolicy policy) {
    int[] calls = {0};
    VideoProvider p =
        new DelegatingProvider(scripted) {
          @Override
          public Single<TaskHandle> submit(ImageToVideoRequest request) {
            return Single.defer(
                () ->
                    ++calls[0] <= refusals
                        ? Single.<TaskHandle>error(
                            new TransportException(
                                "refused", ErrorDetails.provider(ScriptedProvider.ID), null, false))
                        : Single.<TaskHandle>never());
          }
        };
    return new VideoClient(p, policy, time, (v, x) -> Observable.empty()).withJournal(journal);
  }

  private static PollingPolicy retryEverySecond() {
    return PollingPolicy.builder()
        .retryDelay(Duration.ofSeconds(1))
        .maxRetryDelay(Duration.ofSeconds(1))
        .maxSubmitRetries(5)
        .jitter(0)
        .build();
  }

  @Test
  @DisplayName(
      "disposing between submit attempts that were all refused before sending records not accepted")
  void disposedBetweenRefusedAttempts() {
    TestObserver<TaskStatus> obs =
        refusingThenSilent(10, retryEverySecond()).generate(request()).test();
    time.advanceTimeBy(1500, TimeUnit.MILLISECONDS); // two attempts refused, the third is due
    obs.dispose();
    JournalEntry e = journal.entries().get(0);
    assertThat(e.phase()).isEqualTo(JournalEntry.Phase.NOT_ACCEPTED);
    assertThat(e.message().get()).contains("nothing was sent");

    TestObserver<TaskHandle> submit =
        refusingThenSilent(10, retryEverySecond()).submit(request()).test();
    time.advanceTimeBy(500, TimeUnit.MILLISECONDS);
    submit.dispose();
    assertThat(journal.entries())
        .extracting(JournalEntry::phase)
        .containsExactly(JournalEntry.Phase.NOT_ACCEPTED, JournalEntry.Phase.NOT_ACCEPTED);
  }

  @Test
  @DisplayName(
      "disposing while a submit attempt is under way, after refused ones, records outcome unknown")
  void disposedDuringAttemptAfterRefusals() {
    TestObserver<TaskStatus> obs =
        refusingThenSilent(2, retryEverySecond()).generate(request()).test();
    time.advanceTimeBy(5, TimeUnit.SECONDS); // the third attempt is under way and never answers
    obs.dispose();
    assertThat(journal.entries().get(0).phase()).isEqualTo(JournalEntry.Phase.OUTCOME_UNKNOWN);
  }

  @Test
  @DisplayName("when the intent cannot be written, nothing is sent")
  void intentFailureSendsNothing() {
    TaskJournal broken =
        new TaskJournal() {
          @Override
          public void append(JournalRecord record) {
            throw new JournalException("disk full", null);
          }

          @Override
          public List<JournalRecord> records() {
            return Collections.emptyList();
          }

          @Override
          public Optional<Claim> tryClaim(String entryId) {
            return Optional.empty();
          }

          @Override
          public Claim claim(String entryId) {
            throw new UnsupportedOperationException();
          }

          @Override
          public void compact() {}
        };
    VideoClient c =
        new VideoClient(provider, PollingPolicy.defaults(), time, (v, p) -> Observable.empty())
            .withJournal(broken);
    c.generate(request()).test().assertError(JournalException.class);
    c.submit(request()).test().assertError(JournalException.class);
    assertThat(scripted.submitCount()).isZero();
  }

  @Test
  @DisplayName("the summary holds neither image bytes nor the credentials of a presigned URL")
  void summaryHasNoSecrets() {
    client()
        .submit(
            ImageToVideoRequest.builder()
                .image(
                    ImageInput.url("https://user:pw@bucket.example/cat.png?X-Amz-Signature=secret"))
                .prompt("p")
                .build())
        .blockingGet();
    Map<String, String> summary = journal.entries().get(0).summary();
    assertThat(summary.get("image")).isEqualTo("https://bucket.example/cat.png");
    assertThat(summary.toString()).doesNotContain("secret").doesNotContain("pw");
  }

  @Test
  @DisplayName(
      "resumeAll continues every unfinished task of this provider, skipping claimed ones, and"
          + " records the ends")
  void resumeAll() {
    TaskHandle a = client().submit(request()).blockingGet();
    TaskHandle b = client().submit(request()).blockingGet();
    TaskHandle claimedElsewhere = client().submit(request()).blockingGet();
    journal.append(JournalRecord.intent("other", Instant.EPOCH, "gmi", "m", null, null, null));
    journal.append(
        JournalRecord.accepted("other", TaskHandle.of("gmi", "m", "x").token(), Instant.EPOCH));
    TaskJournal.Claim held =
        journal.tryClaim(journal.entry(claimedElsewhere.token()).get().id()).get();
    scripted.statusAnswers(succeeded(), succeeded());
    TestObserver<TaskStatus> obs = client().resumeAll().test();
    time.advanceTimeBy(1, TimeUnit.SECONDS);
    obs.assertComplete();
    assertThat(obs.values()).extracting(s -> s.handle()).containsExactlyInAnyOrder(a, b);
    assertThat(journal.unfinished())
        .extracting(e -> e.token().get())
        .containsExactlyInAnyOrder(
            claimedElsewhere.token(), TaskHandle.of("gmi", "m", "x").token());
    held.close();
    assertThat(journal.tryClaim(journal.entry(a.token()).get().id()))
        .as("claims are released")
        .isPresent();
  }

  @Test
  @DisplayName("resume of an entry without a handle says to check the provider's console")
  void resumeWithoutHandle() {
    journal.append(
        JournalRecord.intent("x", Instant.EPOCH, ScriptedProvider.ID, "m", null, null, null));
    JournalEntry e = journal.entries().get(0);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> client().resume(e))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("console");
  }

  @Test
  @DisplayName(
      "a watch of a task the journal does not know records it as accepted, with base URL and"
          + " target, before the first poll")
  void watchOfUnknownTaskIsRecordedAtStart() {
    TaskHandle h = TaskHandle.of(ScriptedProvider.ID, "scripted-model", "from-elsewhere");
    scripted.statusAnswers(running(50), succeeded());
    VideoClient client = client().withEndpoint("http://127.0.0.1:9/");
    TestObserver<TaskStatus> killed =
        client
            .watch(h, Collections.singletonMap(JournalEntry.LABEL_TARGET, "/videos/w.mp4"))
            .test();
    time.triggerActions();
    assertThat(journalAtStatus).hasSize(1);
    assertThat(journalAtStatus.get(0)).hasSize(1);
    JournalEntry atFirstPoll = journalAtStatus.get(0).get(0);
    assertThat(atFirstPoll.phase()).isEqualTo(JournalEntry.Phase.ACCEPTED);
    assertThat(atFirstPoll.token()).contains(h.token());
    assertThat(atFirstPoll.provider()).isEqualTo(ScriptedProvider.ID);
    assertThat(atFirstPoll.model()).contains("scripted-model");
    assertThat(atFirstPoll.endpoint()).contains("http://127.0.0.1:9/");
    assertThat(atFirstPoll.target()).contains("/videos/w.mp4");
    // The process dies while the task is still running.
    killed.dispose();
    List<JournalEntry> unfinished = journal.unfinished();
    assertThat(unfinished).extracting(e -> e.token().get()).containsExactly(h.token());

    TestObserver<TaskStatus> resumed = client().resume(unfinished.get(0)).test();
    time.advanceTimeBy(1, TimeUnit.SECONDS);
    resumed.assertComplete();
    TaskStatus last = resumed.values().get(resumed.values().size() - 1);
    assertThat(last.state()).isEqualTo(TaskState.SUCCEEDED);
    assertThat(journal.unfinished()).as("succeeded, video not saved yet").hasSize(1);
    client()
        .download(last, Paths.get(journal.unfinished().get(0).target().get()))
        .test()
        .assertComplete();
    assertThat(journal.unfinished()).isEmpty();
    assertThat(journal.entries()).hasSize(1);
    assertThat(journal.entries().get(0).phase()).isEqualTo(JournalEntry.Phase.DOWNLOADED);
  }

  @Test
  @DisplayName(
      "a watch of a task the journal knows records nothing new and keeps the target given at"
          + " submit")
  void watchOfKnownTaskKeepsItsEntry() {
    TaskHandle h = client().submit(request()).blockingGet();
    int before = journal.records().size();
    scripted.statusAnswers(running(50));
    TestObserver<TaskStatus> obs =
        client().watch(h, Collections.singletonMap(JournalEntry.LABEL_TARGET, "/elsewhere")).test();
    time.triggerActions();
    assertThat(journalAtStatus).hasSize(1);
    obs.dispose();
    assertThat(journal.records()).hasSize(before);
    assertThat(journal.entries()).hasSize(1);
    assertThat(journal.entries().get(0).target()).isEmpty();
  }

  @Test
  @DisplayName(
      "a plain watch also records an unknown task; one that ends without a target is finished")
  void plainWatchIsRecorded() {
    TaskHandle h = TaskHandle.of(ScriptedProvider.ID, "scripted-model", "plain");
    scripted.statusAnswers(succeeded());
    TestObserver<TaskStatus> obs = client().watch(h).test();
    time.triggerActions();
    obs.assertComplete();
    assertThat(journalAtStatus.get(0))
        .extracting(JournalEntry::phase)
        .containsExactly(JournalEntry.Phase.ACCEPTED);
    assertThat(journal.entries())
        .extracting(JournalEntry::phase)
        .containsExactly(JournalEntry.Phase.SUCCEEDED);
    assertThat(journal.unfinished()).isEmpty();
  }

  @Test
  @DisplayName(
      "a download of a task the journal does not know records it with its target first, so a killed"
          + " download is resumable")
  void downloadOfUnknownTaskIsRecordedFirst() {
    TaskHandle h = TaskHandle.of(ScriptedProvider.ID, "scripted-model", "downloaded-elsewhere");
    TaskStatus done = succeeded().apply(h);
    Path target = Paths.get("/videos/d.mp4");
    TestObserver<DownloadProgress> killed =
        client((v, p) -> Observable.never()).download(done, target).test();
    JournalEntry e = journal.entries().get(0);
    assertThat(e.token()).contains(h.token());
    assertThat(e.target()).contains(target.toAbsolutePath().toString());
    killed.dispose();
    assertThat(journal.unfinished()).extracting(x -> x.token().get()).containsExactly(h.token());
    scripted.statusAnswers(succeeded());
    TestObserver<TaskStatus> resumed = client().resume(journal.unfinished().get(0)).test();
    time.triggerActions();
    resumed.assertComplete();
    client().download(resumed.values().get(0), target).test().assertComplete();
    assertThat(downloads).containsExactly(target);
    assertThat(journal.unfinished()).isEmpty();
  }
}
