package io.github.pixverse4j.client;

import static io.github.pixverse4j.client.ScriptedProvider.cancelled;
import static io.github.pixverse4j.client.ScriptedProvider.failed;
import static io.github.pixverse4j.client.ScriptedProvider.queued;
import static io.github.pixverse4j.client.ScriptedProvider.request;
import static io.github.pixverse4j.client.ScriptedProvider.running;
import static io.github.pixverse4j.client.ScriptedProvider.succeeded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pixverse4j.api.AuthenticationException;
import io.github.pixverse4j.api.ErrorDetails;
import io.github.pixverse4j.api.FailureCategory;
import io.github.pixverse4j.api.ImageInput;
import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.api.InvalidRequestException;
import io.github.pixverse4j.api.MalformedResponseException;
import io.github.pixverse4j.api.ProviderUnavailableException;
import io.github.pixverse4j.api.RateLimitedException;
import io.github.pixverse4j.api.SubmitOutcomeUnknownException;
import io.github.pixverse4j.api.TaskFailedException;
import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.api.TaskState;
import io.github.pixverse4j.api.TaskStatus;
import io.github.pixverse4j.api.TaskTimeoutException;
import io.github.pixverse4j.api.TransportException;
import io.github.pixverse4j.api.UnsupportedFeatureException;
import io.github.pixverse4j.api.VideoApiException;
import io.github.pixverse4j.client.internal.PollTuning;
import io.github.pixverse4j.client.provider.NoJobCreatedException;
import io.github.pixverse4j.client.provider.TaskEndedBeforeCancelException;
import io.reactivex.rxjava3.core.Observable;
import io.reactivex.rxjava3.observers.TestObserver;
import io.reactivex.rxjava3.schedulers.TestScheduler;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class VideoClientTest {
  private final TestScheduler time = new TestScheduler();
  private final ScriptedProvider provider = new ScriptedProvider(time);

  private static PollingPolicy.Builder fixedPolicy() {
    return PollingPolicy.builder()
        .initialDelay(Duration.ofSeconds(1))
        .interval(Duration.ofSeconds(1))
        .maxInterval(Duration.ofSeconds(1))
        .minInterval(Duration.ofMillis(100))
        .tuning(PollTuning.builder().useProviderHints(false).build())
        .retryDelay(Duration.ofSeconds(1))
        .jitter(0);
  }

  private VideoClient client(PollingPolicy policy) {
    return new VideoClient(
        provider, policy, time, (v, p) -> Observable.error(new AssertionError("no download")));
  }

  private VideoClient client() {
    return client(fixedPolicy().build());
  }

  private void advance(long seconds) {
    time.advanceTimeBy(seconds, TimeUnit.SECONDS);
  }

  /** The error a finished observer received. */
  static Throwable errorOf(TestObserver<?> obs) {
    Throwable[] seen = new Throwable[1];
    obs.assertError(
        e -> {
          seen[0] = e;
          return true;
        });
    return seen[0];
  }

  private static ErrorDetails details(int status) {
    return ErrorDetails.provider(ScriptedProvider.ID).withHttpStatus(status);
  }

  @Nested
  @DisplayName("generate")
  class Generate {
    @Test
    @DisplayName(
        "emits QUEUED with the handle first, then only statuses that show something new, then"
            + " completes")
    void emitsChangesOnly() {
      provider.statusAnswers(
          queued(2), queued(2), queued(1), running(30), running(30), running(60), succeeded());
      TestObserver<TaskStatus> obs = client().generate(request()).test();

      obs.assertValueCount(1);
      TaskStatus first = obs.values().get(0);
      assertThat(first.state()).isEqualTo(TaskState.QUEUED);
      assertThat(first.handle().taskId()).isEqualTo("task-1");
      assertThat(TaskHandle.parse(first.handle().token())).isEqualTo(first.handle());

      advance(60);
      obs.assertComplete().assertNoErrors();
      List<String> seen =
          obs.values().stream()
              .map(
                  s ->
                      s.state()
                          + ":"
                          + s.queuePosition().orElse(-1)
                          + ":"
                          + s.progressPercent().orElse(-1))
              .collect(Collectors.toList());
      assertThat(seen)
          .containsExactly(
              "QUEUED:-1:-1",
              "QUEUED:2:-1",
              "QUEUED:1:-1",
              "RUNNING:-1:30",
              "RUNNING:-1:60",
              "SUCCEEDED:-1:-1");
      assertThat(provider.statusCount()).isEqualTo(7);
      assertThat(provider.submitCount()).isEqualTo(1);
    }

    @Test
    @DisplayName("polls at the policy's times: first after the initial delay, then every interval")
    void pollsOnSchedule() {
      provider.statusAnswers(running(10), running(20), succeeded());
      client().generate(request()).test();
      advance(60);
      assertThat(provider.statusTimesMillis).containsExactly(1000L, 2000L, 3000L);
    }

    @Test
    @DisplayName("is cold: nothing is sent before subscription, and each subscription submits once")
    void cold() {
      Observable<TaskStatus> stream = client().generate(request());
      advance(10);
      assertThat(provider.submitCount()).isZero();
      stream.test();
      stream.test();
      assertThat(provider.submitCount()).isEqualTo(2);
    }

    @Test
    @DisplayName("a FAILED task is data: emitted with its failure, then the stream completes")
    void failedIsData() {
      provider.statusAnswers(running(50), failed(FailureCategory.MODERATION));
      TestObserver<TaskStatus> obs = client().generate(request()).test();
      advance(10);
      obs.assertComplete().assertNoErrors();
      TaskStatus last = obs.values().get(obs.values().size() - 1);
      assertThat(last.state()).isEqualTo(TaskState.FAILED);
      assertThat(last.failure().get().category()).isEqualTo(FailureCategory.MODERATION);
      int polls = provider.statusCount();
      advance(600);
      assertThat(provider.statusCount())
          .as("no polling after the terminal status")
          .isEqualTo(polls);
    }

    @Test
    @DisplayName("a CANCELLED task is emitted and the stream completes")
    void cancelledIsData() {
      provider.statusAnswers(cancelled());
      TestObserver<TaskStatus> obs = client().generate(request()).test();
      advance(10);
      obs.assertComplete();
      assertThat(obs.values().get(1).state()).isEqualTo(TaskState.CANCELLED);
    }

    @Test
    @DisplayName("an invalid request fails with every violation and sends nothing")
    void invalidRequestSendsNothing() {
      ImageToVideoRequest bad =
          ImageToVideoRequest.builder()
              .image(ImageInput.file(java.nio.file.Paths.get("cat.png")))
              .prompt("x".repeat(101))
              .seed(-1L)
              .build();
      TestObserver<TaskStatus> obs = client().generate(bad).test();
      obs.assertError(InvalidRequestException.class);
      InvalidRequestException e = (InvalidRequestException) errorOf(obs);
      assertThat(e.violations())
          .extracting(v -> v.field())
          .containsExactlyInAnyOrder("prompt", "image", "seed");
      assertThat(provider.submitCount()).isZero();
    }
  }

  @Nested
  @DisplayName("deadline")
  class Deadline {
    @Test
    @DisplayName(
        "a task still running at the deadline ends the stream with TaskTimeoutException carrying"
            + " the last status and handle")
    void timeout() {
      PollingPolicy p = fixedPolicy().deadline(Duration.ofSeconds(30)).build();
      TestObserver<TaskStatus> obs = client(p).generate(request()).test();
      advance(29);
      obs.assertNoErrors().assertNotComplete();
      advance(1);
      obs.assertError(TaskTimeoutException.class);
      TaskTimeoutException e = (TaskTimeoutException) errorOf(obs);
      assertThat(e.lastStatus()).isPresent();
      assertThat(e.lastStatus().get().state()).isEqualTo(TaskState.RUNNING);
      assertThat(e.handle()).contains(obs.values().get(0).handle());
      int polls = provider.statusCount();
      advance(3600);
      assertThat(provider.statusCount()).isEqualTo(polls);
      assertThat(provider.cancels).isEmpty();
    }

    @Test
    @DisplayName("a status call that never answers cannot hold the stream past the deadline")
    void hangingCall() {
      VideoProvider hanging =
          new DelegatingProvider(provider) {
            @Override
            public io.reactivex.rxjava3.core.Single<TaskStatus> status(TaskHandle handle) {
              return io.reactivex.rxjava3.core.Single.never();
            }
          };
      PollingPolicy p = fixedPolicy().deadline(Duration.ofSeconds(30)).build();
      TestObserver<TaskStatus> obs =
          new VideoClient(hanging, p, time, (v, t) -> Observable.empty())
              .generate(request())
              .test();
      advance(30);
      obs.assertError(TaskTimeoutException.class);
    }

    @Test
    @DisplayName("with cancelOnDeadline, reaching the deadline cancels the task remotely")
    void cancelOnDeadline() {
      PollingPolicy p =
          fixedPolicy().deadline(Duration.ofSeconds(10)).cancelOnDeadline(true).build();
      TestObserver<TaskStatus> obs = client(p).generate(request()).test();
      advance(10);
      obs.assertError(TaskTimeoutException.class);
      assertThat(provider.cancels).containsExactly(obs.values().get(0).handle());
    }
  }

  @Nested
  @DisplayName("failed polls")
  class FailedPolls {
    @Test
    @DisplayName("a 429 with Retry-After is honoured: no poll before it elapses")
    void retryAfter() {
      provider.statusAnswers(
          new RateLimitedException("slow down", details(429), Duration.ofSeconds(10)), succeeded());
      TestObserver<TaskStatus> obs = client().generate(request()).test();
      advance(1);
      assertThat(provider.statusTimesMillis).containsExactly(1000L);
      time.advanceTimeBy(9999, TimeUnit.MILLISECONDS);
      assertThat(provider.statusCount()).as("no poll before Retry-After elapsed").isEqualTo(1);
      time.advanceTimeBy(1, TimeUnit.MILLISECONDS);
      assertThat(provider.statusTimesMillis).containsExactly(1000L, 11000L);
      obs.assertComplete();
    }

    @Test
    @DisplayName("Retry-After is capped by the policy")
    void retryAfterCapped() {
      provider.statusAnswers(
          new RateLimitedException("slow down", details(429), Duration.ofHours(5)), succeeded());
      client(fixedPolicy().maxRetryAfter(Duration.ofSeconds(20)).build())
          .generate(request())
          .test();
      advance(30);
      assertThat(provider.statusTimesMillis).containsExactly(1000L, 21000L);
    }

    @Test
    @DisplayName("transient failures are retried with doubling backoff, however many in a row")
    void transientRetriedBeyondAnyCount() {
      TransportException reset = new TransportException("reset", details(0), null, true);
      provider.statusAnswers(reset, reset, reset, reset, reset, reset, reset, succeeded());
      TestObserver<TaskStatus> obs = client().generate(request()).test();
      advance(600);
      obs.assertComplete().assertNoErrors();
      // first poll at 1 s, retries after 1, 2, 4, 8, 16, 30 (the cap), 30 s
      assertThat(provider.statusTimesMillis)
          .containsExactly(1000L, 2000L, 4000L, 8000L, 16000L, 32000L, 62000L, 92000L);
      assertThat(obs.values().get(obs.values().size() - 1).state()).isEqualTo(TaskState.SUCCEEDED);
    }

    @Test
    @DisplayName(
        "a 2xx answer that is not JSON (HTML, empty, cut off) is retried; well-formed JSON with an"
            + " unknown status is not")
    void unreadableRetried() {
      MalformedResponseException html =
          new MalformedResponseException("not JSON", details(200), null, true);
      provider.statusAnswers(html, html, succeeded());
      TestObserver<TaskStatus> obs = client().generate(request()).test();
      advance(60);
      obs.assertComplete().assertNoErrors();
      assertThat(provider.statusCount()).isEqualTo(3);
    }

    @Test
    @DisplayName(
        "an outage of several minutes is ridden out: the stream completes, calls stay bounded, the"
            + " retry is visible")
    void outageSpanningMinutes() {
      long seed = System.nanoTime();
      System.out.println("outageSpanningMinutes seed " + seed);
      java.util.Random random = new java.util.Random(seed);
      PollingPolicy policy =
          PollingPolicy.defaults().toBuilder()
              .tuning(PollTuning.builder().random(random::nextDouble).build())
              .build();
      ProviderUnavailableException e502 =
          new ProviderUnavailableException("bad gateway", details(502));
      // The provider stops answering 20 s after the submit and comes back 10 minutes later.
      provider.statusOutage(20_000, 620_000, e502);
      TestObserver<TaskStatus> obs = client(policy).generate(request()).test();
      advance(619);
      obs.assertNoErrors().assertNotComplete();
      long outageCalls =
          provider.statusTimesMillis.stream().filter(t -> t >= 20_000 && t < 620_000).count();
      assertThat(outageCalls)
          .as("status calls during a 10-minute outage (seed %d)", seed)
          .isLessThanOrEqualTo(25);

      TaskStatus during = obs.values().get(obs.values().size() - 1);
      assertThat(during.retry())
          .as("the retry state is visible while the provider is down")
          .isPresent();
      assertThat(during.state()).as("the last known state is kept").isEqualTo(TaskState.RUNNING);
      assertThat(during.retry().get().failingSince().toEpochMilli())
          .isEqualTo(
              provider.statusTimesMillis.stream().filter(t -> t >= 20_000).findFirst().get());
      assertThat(during.retry().get().failedAttempts()).isEqualTo((int) outageCalls);
      assertThat(during.retry().get().lastFailure()).isEqualTo("HTTP 502");
      assertThat(during.retry().get().nextAttemptAt())
          .isAfter(java.time.Instant.ofEpochMilli(619_000));

      provider.statusAnswers(succeeded());
      advance(40);
      obs.assertComplete().assertNoErrors();
      long recoveredRead =
          provider.statusTimesMillis.stream().filter(t -> t >= 620_000).findFirst().get();
      assertThat(recoveredRead - 620_000)
          .as("delay from recovery to the next read (seed %d)", seed)
          .isLessThanOrEqualTo(policy.maxRetryDelay().toMillis() * 103 / 100);
      TaskStatus last = obs.values().get(obs.values().size() - 1);
      assertThat(last.state()).isEqualTo(TaskState.SUCCEEDED);
      assertThat(last.retry()).as("the first good read clears the retry state").isEmpty();
    }

    @Test
    @DisplayName(
        "the first good read after failures is emitted with the retry state cleared, even when"
            + " nothing else changed")
    void recoveryEmitted() {
      ProviderUnavailableException e503 = new ProviderUnavailableException("busy", details(503));
      provider.statusAnswers(running(10), e503, e503, running(10), succeeded());
      TestObserver<TaskStatus> obs = client().generate(request()).test();
      advance(60);
      obs.assertComplete();
      assertThat(obs.values())
          .extracting(s -> s.state() + ":" + s.retry().map(r -> r.failedAttempts()).orElse(0))
          .containsExactly(
              "QUEUED:0", "RUNNING:0", "RUNNING:1", "RUNNING:2", "RUNNING:0", "SUCCEEDED:0");
      assertThat(obs.values().get(2).retry().get().nextAttemptAt())
          .isEqualTo(java.time.Instant.ofEpochSecond(3));
    }

    @Test
    @DisplayName(
        "an outage that lasts past the deadline ends with TaskTimeoutException naming it, with the"
            + " last failure as cause")
    void outagePastDeadline() {
      ProviderUnavailableException e502 =
          new ProviderUnavailableException("bad gateway", details(502));
      provider.statusOutage(0, Long.MAX_VALUE, e502);
      TestObserver<TaskStatus> obs =
          client(fixedPolicy().deadline(Duration.ofMinutes(5)).build()).generate(request()).test();
      advance(299);
      obs.assertNoErrors();
      advance(1);
      obs.assertError(TaskTimeoutException.class);
      TaskTimeoutException e = (TaskTimeoutException) errorOf(obs);
      assertThat(e.getCause()).isSameAs(e502);
      assertThat(e.getMessage()).contains("had not answered").contains("HTTP 502");
      assertThat(e.handle()).isPresent();
    }

    @Test
    @DisplayName("a success resets the failure count")
    void successResets() {
      ProviderUnavailableException e503 = new ProviderUnavailableException("busy", details(500));
      provider.statusAnswers(e503, e503, e503, running(10), e503, e503, e503, succeeded());
      TestObserver<TaskStatus> obs = client().generate(request()).test();
      advance(120);
      obs.assertComplete().assertNoErrors();
    }

    @Test
    @DisplayName("401 is not retried")
    void authNotRetried() {
      provider.statusAnswers(new AuthenticationException("bad key", details(401)), succeeded());
      TestObserver<TaskStatus> obs = client().generate(request()).test();
      advance(60);
      obs.assertError(AuthenticationException.class);
      assertThat(provider.statusCount()).isEqualTo(1);
      assertThat(((VideoApiException) errorOf(obs)).handle().get().taskId()).isEqualTo("task-1");
    }

    @Test
    @DisplayName("an unknown status value ends observation with an error, not endless polling")
    void unknownStatus() {
      provider.statusAnswers(
          new MalformedResponseException("unknown status 'WEIRD'", details(200)));
      TestObserver<TaskStatus> obs = client().generate(request()).test();
      advance(3600);
      obs.assertError(MalformedResponseException.class);
      assertThat(provider.statusCount()).isEqualTo(1);
    }

    @Test
    @DisplayName("an unexpected exception from a provider is wrapped and carries the handle")
    void unexpected() {
      provider.statusAnswers(new IllegalStateException("bug"));
      TestObserver<TaskStatus> obs = client().generate(request()).test();
      advance(5);
      obs.assertError(VideoApiException.class);
      assertThat(((VideoApiException) errorOf(obs)).handle()).isPresent();
    }
  }

  @Nested
  @DisplayName("dispose")
  class Dispose {
    @Test
    @DisplayName("disposing stops all polling and does not cancel remotely by default")
    void stopsPolling() {
      TestObserver<TaskStatus> obs = client().generate(request()).test();
      advance(3);
      int polls = provider.statusCount();
      assertThat(polls).isEqualTo(3);
      obs.dispose();
      advance(3600);
      assertThat(provider.statusCount()).isEqualTo(polls);
      assertThat(provider.cancels).isEmpty();
    }

    @Test
    @DisplayName("with cancelOnDispose, disposing cancels the task remotely once")
    void cancelOnDispose() {
      TestObserver<TaskStatus> obs =
          client(fixedPolicy().cancelOnDispose(true).build()).generate(request()).test();
      advance(3);
      obs.dispose();
      advance(60);
      assertThat(provider.cancels).hasSize(1);
    }

    @Test
    @DisplayName("cancelOnDispose does nothing after the task ended")
    void noCancelAfterEnd() {
      provider.statusAnswers(succeeded());
      TestObserver<TaskStatus> obs =
          client(fixedPolicy().cancelOnDispose(true).build()).generate(request()).test();
      advance(3);
      obs.assertComplete();
      obs.dispose();
      assertThat(provider.cancels).isEmpty();
    }
  }

  static Stream<Arguments> submitFailures() {
    ErrorDetails d = ErrorDetails.provider(ScriptedProvider.ID);
    return Stream.of(
        Arguments.of(
            "reset after sending",
            new TransportException("reset", d, null, true),
            1,
            SubmitOutcomeUnknownException.class),
        Arguments.of(
            "read timeout",
            new TransportException("timeout", d, null, true),
            1,
            SubmitOutcomeUnknownException.class),
        // A 500 may come after the job was created: unknown, unless the provider's docs say
        // otherwise.
        Arguments.of(
            "500",
            new ProviderUnavailableException("boom", d.withHttpStatus(500)),
            1,
            SubmitOutcomeUnknownException.class),
        Arguments.of(
            "500 documented to create nothing",
            new NoJobCreatedException(
                new ProviderUnavailableException("CREATE_TASK_FAILED", d.withHttpStatus(500))),
            1,
            ProviderUnavailableException.class),
        Arguments.of(
            "502",
            new ProviderUnavailableException("bad gateway", d.withHttpStatus(502)),
            1,
            SubmitOutcomeUnknownException.class),
        Arguments.of(
            "504",
            new ProviderUnavailableException("gateway timeout", d.withHttpStatus(504)),
            1,
            SubmitOutcomeUnknownException.class),
        Arguments.of(
            "unreadable 200",
            new MalformedResponseException("bad json", d.withHttpStatus(200)),
            1,
            SubmitOutcomeUnknownException.class),
        Arguments.of(
            "401",
            new AuthenticationException("bad key", d.withHttpStatus(401)),
            1,
            AuthenticationException.class),
        // Resent with backoff until the deadline (30 s here): at 0, 1, 3, 7 and 15 s.
        Arguments.of(
            "refused (never sent), always",
            new TransportException("refused", d, null, false),
            5,
            TransportException.class),
        Arguments.of(
            "429, always",
            new RateLimitedException("slow", d.withHttpStatus(429), null),
            5,
            RateLimitedException.class),
        Arguments.of(
            "503, always",
            new ProviderUnavailableException("busy", d.withHttpStatus(503)),
            5,
            ProviderUnavailableException.class));
  }

  @ParameterizedTest(name = "submit failing with {0} is sent {2} time(s)")
  @MethodSource("submitFailures")
  @DisplayName("a submit is resent only when the provider provably did not accept it")
  void submitNeverDuplicated(
      String name, Throwable failure, int expectedSubmits, Class<? extends Throwable> expected) {
    for (int i = 0; i < 20; i++) provider.submitAnswers(failure);
    TestObserver<TaskStatus> obs =
        client(fixedPolicy().deadline(Duration.ofSeconds(30)).build()).generate(request()).test();
    advance(600);
    obs.assertError(expected);
    assertThat(provider.submitCount()).isEqualTo(expectedSubmits);
    assertThat(provider.statusCount()).isZero();
  }

  @Test
  @DisplayName("a submit refused before sending, then accepted, creates one job and continues")
  void submitRetriedWhenSafe() {
    provider.submitAnswers(
        new TransportException("refused", ErrorDetails.none(), null, false),
        new RateLimitedException("slow", ErrorDetails.none(), Duration.ofSeconds(5)));
    provider.statusAnswers(succeeded());
    TestObserver<TaskStatus> obs = client().generate(request()).test();
    advance(60);
    obs.assertComplete();
    assertThat(provider.submitTimesMillis).containsExactly(0L, 1000L, 6000L);
    assertThat(provider.submitCalls).as("one logical submit, re-subscribed on retry").isEqualTo(1);
  }

  @Test
  @DisplayName(
      "a submit listener hears each retry with its attempt count and limit, and a disposal that"
          + " sent nothing")
  void submitListenerHearsRetries() {
    for (int i = 0; i < 20; i++) {
      provider.submitAnswers(
          new TransportException(
              "refused",
              ErrorDetails.none(),
              new java.net.ConnectException("Connection refused"),
              false));
    }
    List<String> heard = new java.util.ArrayList<>();
    SubmitListener listener =
        new SubmitListener() {
          @Override
          public void retrying(io.github.pixverse4j.api.RetryState s, int attemptLimit) {
            heard.add(
                s.failedAttempts()
                    + " of "
                    + attemptLimit
                    + ": "
                    + s.lastFailure()
                    + ", since "
                    + s.failingSince().getEpochSecond()
                    + ", next at "
                    + s.nextAttemptAt().getEpochSecond());
          }

          @Override
          public void abandoned(boolean requestMayHaveReachedProvider) {
            heard.add("abandoned, may have reached: " + requestMayHaveReachedProvider);
          }
        };
    TestObserver<TaskStatus> obs =
        client(fixedPolicy().maxRetryDelay(Duration.ofSeconds(4)).maxSubmitRetries(5).build())
            .generate(request(), java.util.Collections.<String, String>emptyMap(), listener)
            .test();
    time.advanceTimeBy(4, TimeUnit.SECONDS);
    obs.dispose();
    assertThat(heard)
        .containsExactly(
            "1 of 6: connection refused, since 0, next at 1",
            "2 of 6: connection refused, since 0, next at 3",
            "3 of 6: connection refused, since 0, next at 7",
            "abandoned, may have reached: false");
  }

  @Test
  @DisplayName("watch resumes a task by handle: polls at once, then follows it to the end")
  void watchResumes() {
    TaskHandle h = TaskHandle.of(ScriptedProvider.ID, "scripted-model", "old-task");
    provider.statusAnswers(running(80), succeeded());
    TestObserver<TaskStatus> obs = client().watch(TaskHandle.parse(h.token())).test();
    time.triggerActions();
    assertThat(provider.statusTimesMillis).containsExactly(0L);
    advance(5);
    obs.assertComplete();
    assertThat(obs.values())
        .extracting(TaskStatus::state)
        .containsExactly(TaskState.RUNNING, TaskState.SUCCEEDED);
    assertThat(obs.values()).allMatch(s -> s.handle().equals(h));
    assertThat(provider.submitCount()).isZero();
  }

  @Test
  @DisplayName("a handle of another provider is refused with a clear message")
  void foreignHandle() {
    assertThatThrownBy(() -> client().watch(TaskHandle.of("gmi", "m", "t")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'gmi'");
  }

  @Test
  @DisplayName("status retries transient failures and returns one status")
  void statusRetries() {
    provider.statusAnswers(
        new TransportException("reset", ErrorDetails.none(), null, true), running(40));
    TestObserver<TaskStatus> obs =
        client().status(TaskHandle.of(ScriptedProvider.ID, "m", "t")).test();
    advance(2);
    obs.assertValueCount(1).assertComplete();
    assertThat(provider.statusCount()).isEqualTo(2);
  }

  @Test
  @DisplayName("status retries transient failures until the deadline, then reports the last one")
  void statusRetriesUntilDeadline() {
    ProviderUnavailableException e502 =
        new ProviderUnavailableException("bad gateway", details(502));
    provider.statusOutage(0, 200_000, e502);
    provider.statusAnswers(running(40));
    TestObserver<TaskStatus> ok =
        client().status(TaskHandle.of(ScriptedProvider.ID, "m", "t")).test();
    advance(240);
    ok.assertValueCount(1).assertComplete();

    provider.statusOutage(0, Long.MAX_VALUE, e502);
    TestObserver<TaskStatus> down =
        client(fixedPolicy().deadline(Duration.ofMinutes(2)).build())
            .status(TaskHandle.of(ScriptedProvider.ID, "m", "t"))
            .test();
    // Attempts at 0, 1, 3, 7, 15, 31, 61, 91 s; the next would come after the deadline.
    advance(90);
    down.assertNoErrors().assertNotComplete();
    advance(1);
    down.assertError(ProviderUnavailableException.class);
    assertThat(provider.statusCount())
        .as("12 reads ridden through the first outage, then 8")
        .isEqualTo(12 + 8);
  }

  @Test
  @DisplayName(
      "a task reported FAILED because it was cancelled (by anyone) ends CANCELLED, in the stream"
          + " and in status()")
  void cancelledElsewhereIsCancelled() {
    java.util.function.Function<TaskHandle, TaskStatus> cancelledAsFailure =
        h ->
            TaskStatus.builder()
                .handle(h)
                .state(TaskState.FAILED)
                .rawStatus("COMPLETED")
                .observedAt(java.time.Instant.EPOCH)
                .failure(
                    io.github.pixverse4j.api.TaskFailure.of(
                        FailureCategory.CANCELLED, "Request was cancelled"))
                .build();
    provider.statusAnswers(running(10), cancelledAsFailure);
    TestObserver<TaskStatus> obs = client().generate(request()).test();
    advance(10);
    obs.assertComplete();
    TaskStatus last = obs.values().get(obs.values().size() - 1);
    assertThat(last.state()).isEqualTo(TaskState.CANCELLED);
    assertThat(last.failure()).isEmpty();

    provider.statusAnswers(cancelledAsFailure);
    TestObserver<TaskStatus> once =
        client().status(TaskHandle.of(ScriptedProvider.ID, "m", "t")).test();
    advance(1);
    once.assertValue(s -> s.state() == TaskState.CANCELLED);
  }

  @Test
  @DisplayName(
      "cancel of a task that had already ended fails with TaskAlreadyEndedException naming the"
          + " final state, and sends no cancel")
  void cancelAfterEnd() {
    TaskHandle h = TaskHandle.of(ScriptedProvider.ID, "m", "t");
    provider.statusAnswers(succeeded());
    TestObserver<Void> obs = client().cancel(h).test();
    advance(1);
    obs.assertError(io.github.pixverse4j.api.TaskAlreadyEndedException.class);
    io.github.pixverse4j.api.TaskAlreadyEndedException e =
        (io.github.pixverse4j.api.TaskAlreadyEndedException) errorOf(obs);
    assertThat(e.finalState()).isEqualTo(TaskState.SUCCEEDED);
    assertThat(e.finalStatus()).isPresent();
    assertThat(e.handle()).contains(h);
    assertThat(e.getMessage())
        .contains("had already ended before the cancel: it succeeded")
        .contains("nothing was cancelled")
        .doesNotContain("SUCCEEDED");
    assertThat(provider.cancels).isEmpty();
  }

  @Test
  @DisplayName(
      "cancel answered 'already ended' by the provider (a race) reads the final status and reports"
          + " TaskAlreadyEndedException")
  void cancelRace() {
    TaskHandle h = TaskHandle.of(ScriptedProvider.ID, "m", "t");
    VideoProvider racing =
        new DelegatingProvider(provider) {
          @Override
          public io.reactivex.rxjava3.core.Completable cancel(TaskHandle handle) {
            return io.reactivex.rxjava3.core.Completable.error(
                new TaskEndedBeforeCancelException("ALREADY_COMPLETED"));
          }
        };
    provider.statusAnswers(running(90), failed(FailureCategory.PROVIDER_ERROR));
    TestObserver<Void> obs =
        new VideoClient(racing, fixedPolicy().build(), time, (v, t) -> Observable.empty())
            .cancel(h)
            .test();
    advance(1);
    obs.assertError(
        e ->
            e instanceof io.github.pixverse4j.api.TaskAlreadyEndedException
                && ((io.github.pixverse4j.api.TaskAlreadyEndedException) e).finalState()
                    == TaskState.FAILED);
    assertThat(provider.statusCount())
        .as("one read before, one after the provider's answer")
        .isEqualTo(2);
  }

  @Test
  @DisplayName("cancel without provider support fails at once and sends nothing")
  void cancelUnsupported() {
    provider.supportsCancel(false);
    TaskHandle h = TaskHandle.of(ScriptedProvider.ID, "m", "t");
    client().cancel(h).test().assertError(UnsupportedFeatureException.class);
    assertThat(provider.cancels).isEmpty();
  }

  @Test
  @DisplayName("cancel with provider support reaches the provider")
  void cancelSupported() {
    TaskHandle h = TaskHandle.of(ScriptedProvider.ID, "m", "t");
    client().cancel(h).test().assertComplete();
    assertThat(provider.cancels).containsExactly(h);
  }

  @Test
  @DisplayName("awaitVideos returns the videos, or fails with TaskFailedException")
  void awaitVideos() {
    provider.statusAnswers(succeeded());
    TestObserver<List<io.github.pixverse4j.api.Video>> ok = client().awaitVideos(request()).test();
    advance(5);
    ok.assertValue(v -> v.size() == 1);

    provider.statusAnswers(failed(FailureCategory.PROVIDER_ERROR));
    TestObserver<List<io.github.pixverse4j.api.Video>> bad = client().awaitVideos(request()).test();
    advance(5);
    bad.assertError(TaskFailedException.class);
  }
}
