package io.github.pixverse4j.client;

import static io.github.pixverse4j.client.ScriptedProvider.request;
import static io.github.pixverse4j.client.ScriptedProvider.succeeded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pixverse4j.api.DownloadProgress;
import io.github.pixverse4j.api.FailureCategory;
import io.github.pixverse4j.api.TaskFailure;
import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.api.TaskState;
import io.github.pixverse4j.api.TaskStatus;
import io.github.pixverse4j.api.TaskTimeoutException;
import io.github.pixverse4j.api.UnsupportedFeatureException;
import io.github.pixverse4j.api.Video;
import io.github.pixverse4j.client.journal.JournalEntry;
import io.github.pixverse4j.client.journal.TaskJournal;
import io.github.pixverse4j.client.provider.WebhookRejectedException;
import io.github.pixverse4j.client.provider.WebhookVerifier;
import io.github.pixverse4j.client.webhook.WebhookEvent;
import io.github.pixverse4j.client.webhook.WebhookHandler;
import io.github.pixverse4j.client.webhook.WebhookRequest;
import io.github.pixverse4j.client.webhook.WebhookResponse;
import io.reactivex.rxjava3.core.Observable;
import io.reactivex.rxjava3.observers.TestObserver;
import io.reactivex.rxjava3.schedulers.TestScheduler;
import java.net.URI;
import java.nio.charset.StandardCharsets;
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

/** The webhook engine: a callback ends the stream of its task; polling is the safety net. */
class WebhookHandlerTest {
  private final TestScheduler time = new TestScheduler();
  private final ScriptedProvider scripted = new ScriptedProvider(time);

  /**
   * A test verifier: header {@code X-Sig: good} is authentic; the body is {@code taskId STATE}, or
   * {@code taskId SUCCEEDED novideo} for a callback without the video.
   */
  private final WebhookVerifier verifier =
      (request, nowMillis) -> {
        if (!request.header("x-sig").orElse("").equals("good")) {
          throw WebhookRejectedException.unauthorized("invalid signature");
        }
        String[] parts = new String(request.body(), StandardCharsets.UTF_8).split(" ");
        if (parts.length < 2) throw WebhookRejectedException.malformed("unreadable body");
        TaskState state = TaskState.valueOf(parts[1]);
        TaskHandle handle = TaskHandle.of(ScriptedProvider.ID, "other-model", parts[0]);
        String key = parts[0] + "/" + parts[1];
        if (parts.length > 2)
          return Optional.of(WebhookEvent.succeededWithoutVideo(key, handle, null));
        TaskStatus.Builder b =
            TaskStatus.builder()
                .handle(handle)
                .state(state)
                .rawStatus(parts[1])
                .observedAt(Instant.ofEpochMilli(nowMillis));
        if (state == TaskState.SUCCEEDED) {
          b.addVideos(Video.of(URI.create("https://media.example/from-callback.mp4")));
        }
        if (state == TaskState.FAILED) {
          b.failure(TaskFailure.of(FailureCategory.PROVIDER_ERROR, "it broke"));
        }
        return Optional.of(WebhookEvent.of(key, b.build(), null));
      };

  private final VideoProvider provider =
      new DelegatingProvider(scripted) {
        @Override
        public Optional<WebhookVerifier> webhooks() {
          return Optional.of(verifier);
        }
      };

  private final PollingPolicy policy = PollingPolicy.builder().jitter(0).build();

  private VideoClient client() {
    return new VideoClient(provider, policy, time, WebhookHandlerTest::noDownload);
  }

  private static Observable<DownloadProgress> noDownload(Video v, java.nio.file.Path p) {
    return Observable.empty();
  }

  private static WebhookRequest callback(String sig, String body) {
    Map<String, List<String>> headers =
        Collections.singletonMap("X-Sig", Collections.singletonList(sig));
    return WebhookRequest.of("/hooks", headers, body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  @DisplayName("a verified callback ends the generate stream at once, with no poll")
  void callbackEndsStream() {
    VideoClient client = client();
    TestObserver<TaskStatus> obs = client.generate(request()).test();
    time.advanceTimeBy(20, TimeUnit.SECONDS);
    obs.assertNotComplete();
    WebhookResponse answer = client.webhookHandler().handle(callback("good", "task-1 SUCCEEDED"));
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body()).isEqualTo("ok");
    obs.assertComplete();
    TaskStatus last = obs.values().get(obs.values().size() - 1);
    assertThat(last.state()).isEqualTo(TaskState.SUCCEEDED);
    assertThat(last.handle().model()).as("the stream's own handle").isEqualTo("scripted-model");
    assertThat(last.videos().get(0).url().toString()).endsWith("from-callback.mp4");
    assertThat(scripted.statusCount()).as("polls before the 60 s safety net").isZero();
  }

  @Test
  @DisplayName("the same event twice is handled once; both are answered ok")
  void duplicatesDropped() {
    VideoClient client = client();
    List<WebhookEvent> heard = new ArrayList<>();
    WebhookHandler handler = client.webhookHandler();
    handler.addListener(heard::add);
    assertThat(handler.handle(callback("good", "task-9 FAILED")).status()).isEqualTo(200);
    assertThat(handler.handle(callback("good", "task-9 FAILED")).status()).isEqualTo(200);
    assertThat(heard).hasSize(1);
  }

  @Test
  @DisplayName("a wrong or missing signature is refused and changes nothing")
  void wrongSignatureRefused() {
    VideoClient client = client();
    TestObserver<TaskStatus> obs = client.generate(request()).test();
    List<WebhookEvent> heard = new ArrayList<>();
    WebhookHandler handler = client.webhookHandler();
    handler.addListener(heard::add);
    WebhookResponse refused = handler.handle(callback("forged", "task-1 SUCCEEDED"));
    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.body()).isEqualTo("invalid signature");
    assertThat(handler.handle(callback("", "task-1 SUCCEEDED")).status()).isEqualTo(401);
    obs.assertNotComplete();
    assertThat(heard).isEmpty();
    // Not remembered as handled: the authentic callback still counts.
    handler.handle(callback("good", "task-1 SUCCEEDED"));
    obs.assertComplete();
    assertThat(heard).hasSize(1);
  }

  @Test
  @DisplayName("an unreadable authentic body is a 400; a state that is not an end is ignored")
  void malformedAndNonTerminal() {
    VideoClient client = client();
    TestObserver<TaskStatus> obs = client.generate(request()).test();
    WebhookHandler handler = client.webhookHandler();
    assertThat(handler.handle(callback("good", "garbage")).status()).isEqualTo(400);
    assertThat(handler.handle(callback("good", "task-1 RUNNING")).status()).isEqualTo(200);
    obs.assertNotComplete();
  }

  @Test
  @DisplayName("a callback without the video reads the status once, at once, and ends with it")
  void callbackWithoutVideoFetchesResult() {
    scripted.statusAnswers(succeeded());
    VideoClient client = client();
    TestObserver<TaskStatus> obs = client.generate(request()).test();
    time.advanceTimeBy(10, TimeUnit.SECONDS);
    client.webhookHandler().handle(callback("good", "task-1 SUCCEEDED novideo"));
    time.triggerActions();
    obs.assertComplete();
    assertThat(scripted.statusTimesMillis).containsExactly(10_000L);
    TaskStatus last = obs.values().get(obs.values().size() - 1);
    assertThat(last.videos().get(0).url().toString()).isEqualTo("https://media.example/v.mp4");
  }

  @Test
  @DisplayName("while a callback is expected, polls come every safety-net interval")
  void safetyNetPolling() {
    VideoClient client = client();
    TestObserver<TaskStatus> obs = client.generate(request()).test();
    time.advanceTimeBy(200, TimeUnit.SECONDS);
    assertThat(scripted.statusTimesMillis).containsExactly(60_000L, 120_000L, 180_000L);
    obs.assertNotComplete();
  }

  @Test
  @DisplayName("a lost callback costs at most the safety-net interval, never the video")
  void lostCallbackCaughtByPolling() {
    scripted.statusAnswers(ScriptedProvider.running(null), succeeded());
    VideoClient client = client();
    TestObserver<TaskStatus> obs = client.generate(request()).test();
    time.advanceTimeBy(119, TimeUnit.SECONDS);
    obs.assertNotComplete();
    time.advanceTimeBy(1, TimeUnit.SECONDS);
    obs.assertComplete();
    assertThat(scripted.statusCount()).isEqualTo(2);
  }

  @Test
  @DisplayName("the deadline still ends a watch whose callback never comes")
  void deadlineStillApplies() {
    VideoClient client =
        new VideoClient(
            provider,
            policy.toBuilder().deadline(Duration.ofMinutes(3)).build(),
            time,
            WebhookHandlerTest::noDownload);
    TestObserver<TaskStatus> obs = client.generate(request()).test();
    time.advanceTimeBy(3, TimeUnit.MINUTES);
    obs.assertError(TaskTimeoutException.class);
  }

  @Test
  @DisplayName("a callback that overtakes the watch ends it as soon as it starts, without a poll")
  void callbackBeforeWatch() {
    VideoClient client = client();
    client.webhookHandler().handle(callback("good", "task-7 CANCELLED"));
    TestObserver<TaskStatus> obs =
        client.watch(TaskHandle.of(ScriptedProvider.ID, "scripted-model", "task-7")).test();
    time.triggerActions();
    obs.assertComplete();
    assertThat(obs.values()).extracting(TaskStatus::state).containsExactly(TaskState.CANCELLED);
    assertThat(scripted.statusCount()).isZero();
  }

  @Test
  @DisplayName("a callback for a task no stream follows is recorded in the journal as its end")
  void unwatchedCallbackJournaled() {
    TaskJournal journal = TaskJournal.inMemory();
    VideoClient client = client().withJournal(journal);
    TaskHandle handle = client.submit(request()).blockingGet();
    assertThat(journal.unfinished()).hasSize(1);
    client.webhookHandler().handle(callback("good", handle.taskId() + " FAILED"));
    JournalEntry e = journal.entry(handle.token()).get();
    assertThat(e.phase()).isEqualTo(JournalEntry.Phase.FAILED);
    assertThat(journal.unfinished()).isEmpty();
    // A callback for a task the journal does not hold adds nothing.
    client.webhookHandler().handle(callback("good", "elsewhere-3 FAILED"));
    assertThat(journal.entries()).hasSize(1);
  }

  @Test
  @DisplayName("a client whose provider asks for no callbacks has no handler, and says why")
  void noWebhooksNoHandler() {
    VideoClient plain = new VideoClient(scripted, policy, time, WebhookHandlerTest::noDownload);
    assertThatThrownBy(plain::webhookHandler)
        .isInstanceOf(UnsupportedFeatureException.class)
        .hasMessageContaining("not configured for callbacks");
    // Without callbacks expected the adaptive schedule polls as before (first poll at 5 s).
    plain.generate(request()).test();
    time.advanceTimeBy(5, TimeUnit.SECONDS);
    assertThat(scripted.statusTimesMillis).containsExactly(5_000L);
  }
}
