package io.github.pixverse4j.client;

import static io.github.pixverse4j.client.ScriptedProvider.failed;
import static io.github.pixverse4j.client.ScriptedProvider.queued;
import static io.github.pixverse4j.client.ScriptedProvider.request;
import static io.github.pixverse4j.client.ScriptedProvider.running;
import static io.github.pixverse4j.client.ScriptedProvider.succeeded;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.pixverse4j.api.DownloadProgress;
import io.github.pixverse4j.api.ErrorDetails;
import io.github.pixverse4j.api.FailureCategory;
import io.github.pixverse4j.api.ProviderUnavailableException;
import io.github.pixverse4j.api.RateLimitedException;
import io.github.pixverse4j.api.SubmitOutcomeUnknownException;
import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.api.TaskStatus;
import io.github.pixverse4j.api.TransportException;
import io.github.pixverse4j.client.internal.PollTuning;
import io.github.pixverse4j.client.journal.JournalRecord;
import io.github.pixverse4j.client.journal.TaskJournal;
import io.reactivex.rxjava3.core.Observable;
import io.reactivex.rxjava3.disposables.Disposable;
import io.reactivex.rxjava3.observers.TestObserver;
import io.reactivex.rxjava3.schedulers.TestScheduler;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class VideoEventListenerTest {
  private final TestScheduler time = new TestScheduler();
  private final ScriptedProvider provider = new ScriptedProvider(time);

  private static PollingPolicy policy() {
    return PollingPolicy.builder()
        .initialDelay(Duration.ofSeconds(1))
        .interval(Duration.ofSeconds(1))
        .maxInterval(Duration.ofSeconds(1))
        .minInterval(Duration.ofMillis(100))
        .tuning(PollTuning.builder().useProviderHints(false).build())
        .retryDelay(Duration.ofSeconds(1))
        .jitter(0)
        .build();
  }

  private VideoClient client() {
    return new VideoClient(
        provider, policy(), time, (v, p) -> Observable.error(new AssertionError("no download")));
  }

  private void advance(long seconds) {
    time.advanceTimeBy(seconds, TimeUnit.SECONDS);
  }

  /** Writes each event as one line; thread-safe. */
  static class Recording extends VideoEventListener {
    final List<String> events = Collections.synchronizedList(new ArrayList<>());
    final List<VideoOperation> operations = Collections.synchronizedList(new ArrayList<>());

    private void add(VideoOperation op, String event) {
      if (!operations.contains(op)) operations.add(op);
      events.add(event);
    }

    @Override
    public void operationStart(VideoOperation op) {
      add(op, "start " + op.kind());
    }

    @Override
    public void submitStart(VideoOperation op, int attempt) {
      add(op, "submit " + attempt);
    }

    @Override
    public void submitAccepted(VideoOperation op, TaskHandle handle, Duration took) {
      add(op, "accepted " + handle.taskId() + " handle=" + op.handle().isPresent());
    }

    @Override
    public void submitRefused(VideoOperation op, Throwable error) {
      add(op, "refused " + error.getClass().getSimpleName());
    }

    @Override
    public void submitOutcomeUnknown(VideoOperation op, SubmitOutcomeUnknownException error) {
      add(op, "outcome unknown");
    }

    @Override
    public void statusRead(VideoOperation op, TaskStatus status, Duration took) {
      add(op, "read " + status.state());
    }

    @Override
    public void statusReadFailed(VideoOperation op, Throwable error, Duration took) {
      add(op, "read failed " + error.getClass().getSimpleName());
    }

    @Override
    public void retryScheduled(
        VideoOperation op,
        CallKind call,
        RetryReason reason,
        int attempt,
        Duration delay,
        Throwable failure) {
      add(op, "retry " + call + " " + reason + " #" + attempt + " in " + delay.getSeconds() + "s");
    }

    @Override
    public void stateChanged(VideoOperation op, TaskStatus status) {
      add(op, "state " + status.state());
    }

    @Override
    public void terminal(VideoOperation op, TaskStatus status) {
      add(
          op,
          "terminal " + status.state() + status.failure().map(f -> " " + f.category()).orElse(""));
    }

    @Override
    public void downloadProgress(VideoOperation op, DownloadProgress progress) {
      add(op, "progress " + progress.bytesRead());
    }

    @Override
    public void downloadEnd(VideoOperation op, DownloadProgress last, Duration took) {
      add(op, "downloaded " + last.bytesRead() + " in " + took.getSeconds() + "s");
    }

    @Override
    public void journalWritten(VideoOperation op, JournalRecord record) {
      add(op, "journal " + record.kind());
    }

    @Override
    public void operationEnd(VideoOperation op) {
      add(op, "end");
    }

    @Override
    public void operationFailed(VideoOperation op, Throwable error) {
      add(op, "failed " + error.getClass().getSimpleName());
    }

    @Override
    public void operationCanceled(VideoOperation op) {
      add(op, "canceled");
    }
  }

  private static ErrorDetails details(int status) {
    return ErrorDetails.provider(ScriptedProvider.ID).withHttpStatus(status);
  }

  @Test
  @DisplayName(
      "a generate is heard in order: start, each submit attempt and its retry, the acceptance,"
          + " every read, each state once, the end")
  void generateInOrder() {
    Recording rec = new Recording();
    provider
        .submitAnswers(new RateLimitedException("slow down", details(429), null))
        .statusAnswers(
            queued(1),
            new ProviderUnavailableException("bad gateway", details(502)),
            running(50),
            succeeded());

    TestObserver<TaskStatus> obs = client().withEventListener(op -> rec).generate(request()).test();
    advance(60);

    obs.assertComplete();
    assertThat(rec.events)
        .containsExactly(
            "start GENERATE",
            "submit 1",
            "retry SUBMIT RATE_LIMITED #2 in 1s",
            "submit 2",
            "accepted task-1 handle=true",
            "state QUEUED",
            "read QUEUED",
            "read failed ProviderUnavailableException",
            "retry STATUS UNAVAILABLE #2 in 1s",
            "read RUNNING",
            "state RUNNING",
            "read SUCCEEDED",
            "state SUCCEEDED",
            "terminal SUCCEEDED",
            "end");
    assertThat(rec.operations).hasSize(1);
    VideoOperation op = rec.operations.get(0);
    assertThat(op.providerId()).isEqualTo(ScriptedProvider.ID);
    assertThat(op.model()).isEqualTo(provider.capabilities().model());
    assertThat(op.handle().get().taskId()).isEqualTo("task-1");
  }

  @Test
  @DisplayName("a task that fails is heard with its failure category")
  void failedTask() {
    Recording rec = new Recording();
    provider.statusAnswers(failed(FailureCategory.MODERATION));
    client().withEventListener(op -> rec).generate(request()).test();
    advance(10);
    assertThat(rec.events).endsWith("state FAILED", "terminal FAILED MODERATION", "end");
  }

  @Test
  @DisplayName("a refused submit and a submit without an answer are told apart")
  void submitOutcomes() {
    Recording rec = new Recording();
    VideoClient client = client().withEventListener(op -> rec);
    provider.submitAnswers(
        new io.github.pixverse4j.api.AuthenticationException("no", details(401)),
        new TransportException("reset", details(0), null, true));

    client.generate(request()).test();
    client.submit(request()).test();
    advance(10);

    assertThat(rec.events)
        .containsExactly(
            "start GENERATE",
            "submit 1",
            "refused AuthenticationException",
            "failed AuthenticationException",
            "start SUBMIT",
            "submit 1",
            "outcome unknown",
            "failed SubmitOutcomeUnknownException");
  }

  @Test
  @DisplayName("each operation gets its own listener from a factory, and a disposal is heard")
  void perOperationAndCancel() {
    List<Recording> made = new ArrayList<>();
    VideoClient client =
        client()
            .withEventListener(
                op -> {
                  Recording r = new Recording();
                  made.add(r);
                  return r;
                });
    TestObserver<TaskStatus> a = client.generate(request()).test();
    client.watch(TaskHandle.of(ScriptedProvider.ID, "scripted-model", "elsewhere")).test();
    advance(1);
    a.dispose();

    assertThat(made).hasSize(2);
    assertThat(made.get(0).events).startsWith("start GENERATE").endsWith("canceled");
    assertThat(made.get(1).events).startsWith("start WATCH", "read RUNNING", "state RUNNING");
  }

  @Test
  @DisplayName("journal writes are heard with the record's kind")
  void journalWrites() {
    Recording rec = new Recording();
    provider.statusAnswers(succeeded());
    client()
        .withJournal(TaskJournal.inMemory())
        .withEventListener(op -> rec)
        .generate(request())
        .test();
    advance(10);
    assertThat(rec.events)
        .containsExactly(
            "start GENERATE",
            "journal INTENT",
            "submit 1",
            "accepted task-1 handle=true",
            "journal ACCEPTED",
            "state QUEUED",
            "read SUCCEEDED",
            "state SUCCEEDED",
            "terminal SUCCEEDED",
            "journal TERMINAL",
            "end");
  }

  @Test
  @DisplayName("a download is heard: progress, then its end with the time it took")
  void download() {
    Recording rec = new Recording();
    Path target = Paths.get("video.mp4");
    VideoClient client =
        new VideoClient(
                provider,
                policy(),
                time,
                (v, p) ->
                    Observable.just(
                            DownloadProgress.builder().bytesRead(0).target(p).build(),
                            DownloadProgress.builder().bytesRead(10).target(p).done(true).build())
                        .delay(3, TimeUnit.SECONDS, time))
            .withEventListener(op -> rec);
    provider.statusAnswers(succeeded());
    TestObserver<TaskStatus> task = client.generate(request()).test();
    advance(10);
    TaskStatus done = task.values().get(task.values().size() - 1);
    client.download(done, target).test();
    advance(10);
    assertThat(rec.events)
        .endsWith("start DOWNLOAD", "progress 0", "progress 10", "downloaded 10 in 3s", "end");
  }

  @Test
  @DisplayName("a download's retries are heard, with the download as the call")
  void downloadRetries() {
    Recording rec = new Recording();
    VideoClient.Downloader downloader =
        new VideoClient.Downloader() {
          @Override
          public Observable<DownloadProgress> download(io.github.pixverse4j.api.Video v, Path p) {
            throw new AssertionError("the client passes its retry listener");
          }

          @Override
          public Observable<DownloadProgress> download(
              io.github.pixverse4j.api.Video v,
              Path p,
              io.reactivex.rxjava3.core.Single<io.github.pixverse4j.api.Video> fresh,
              io.github.pixverse4j.client.internal.Retrying.Listener retries) {
            retries.retrying(
                1, new ProviderUnavailableException("busy", details(503)), Duration.ofSeconds(2));
            return Observable.just(
                DownloadProgress.builder().bytesRead(5).target(p).done(true).build());
          }
        };
    VideoClient client =
        new VideoClient(provider, policy(), time, downloader).withEventListener(op -> rec);
    provider.statusAnswers(succeeded());
    TestObserver<TaskStatus> task = client.generate(request()).test();
    advance(10);
    client.download(task.values().get(task.values().size() - 1), Paths.get("v.mp4")).test();
    assertThat(rec.events)
        .endsWith(
            "start DOWNLOAD",
            "retry DOWNLOAD UNAVAILABLE #2 in 2s",
            "progress 5",
            "downloaded 5 in 0s",
            "end");
  }

  @Test
  @DisplayName(
      "a listener that throws breaks nothing: the stream ends as without it, other listeners hear"
          + " every event, and the failure is logged once")
  void throwingListener() {
    List<LogRecord> logged = Collections.synchronizedList(new ArrayList<>());
    Logger log = Logger.getLogger(VideoEventListener.class.getName());
    Handler handler =
        new Handler() {
          @Override
          public void publish(LogRecord r) {
            logged.add(r);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    log.addHandler(handler);
    try {
      VideoEventListener throwing =
          new Recording() {
            @Override
            public void operationStart(VideoOperation op) {
              throw new IllegalStateException("listener bug");
            }

            @Override
            public void statusRead(VideoOperation op, TaskStatus status, Duration took) {
              throw new IllegalStateException("listener bug");
            }

            @Override
            public void stateChanged(VideoOperation op, TaskStatus status) {
              throw new IllegalStateException("listener bug");
            }

            @Override
            public void operationEnd(VideoOperation op) {
              throw new IllegalStateException("listener bug");
            }
          };
      Recording after = new Recording();
      provider.statusAnswers(running(10), succeeded(), running(10), succeeded());
      VideoClient client =
          client()
              .withEventListener(op -> throwing)
              .withEventListener(
                  op -> {
                    if (op.kind() == VideoOperation.Kind.WATCH) throw new AssertionError("factory");
                    return after;
                  });
      TestObserver<TaskStatus> obs = client.generate(request()).test();
      advance(30);
      TestObserver<TaskStatus> watched =
          client.watch(TaskHandle.of(ScriptedProvider.ID, "scripted-model", "x")).test();
      advance(30);

      obs.assertComplete().assertNoErrors().assertValueCount(3);
      watched.assertComplete().assertNoErrors();
      assertThat(after.events)
          .containsExactly(
              "start GENERATE",
              "submit 1",
              "accepted task-1 handle=true",
              "state QUEUED",
              "read RUNNING",
              "state RUNNING",
              "read SUCCEEDED",
              "state SUCCEEDED",
              "terminal SUCCEEDED",
              "end");
      assertThat(logged).hasSize(1);
      assertThat(logged.get(0).getThrown()).hasMessage("listener bug");
    } finally {
      log.removeHandler(handler);
    }
  }

  @Test
  @DisplayName(
      "without listeners no operation is made: every task uses the shared no-op events, and a"
          + " client derived with a listener leaves its origin without one")
  void noListenerNoEvents() {
    VideoClient plain = client();
    Recording rec = new Recording();
    VideoClient heard = plain.withEventListener(op -> rec);
    assertThat(TaskEvents.NONE.enabled()).isFalse();

    provider.statusAnswers(succeeded());
    plain.generate(request()).test();
    plain.status(TaskHandle.of(ScriptedProvider.ID, "scripted-model", "x")).test();
    advance(10);
    assertThat(rec.events).isEmpty();

    Disposable unused = heard.status(TaskHandle.of(ScriptedProvider.ID, "m", "y")).subscribe();
    advance(1);
    assertThat(rec.events).containsExactly("start STATUS", "read RUNNING", "end");
  }
}
