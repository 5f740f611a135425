package io.github.pixverse4j.odirouter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.pixverse4j.api.AuthenticationException;
import io.github.pixverse4j.api.ContentRejectedException;
import io.github.pixverse4j.api.FailureCategory;
import io.github.pixverse4j.api.ImageInput;
import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.api.InsufficientCreditsException;
import io.github.pixverse4j.api.InvalidRequestException;
import io.github.pixverse4j.api.MalformedResponseException;
import io.github.pixverse4j.api.ProviderUnavailableException;
import io.github.pixverse4j.api.RateLimitedException;
import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.api.TaskNotFoundException;
import io.github.pixverse4j.api.TaskState;
import io.github.pixverse4j.api.TaskStatus;
import io.github.pixverse4j.api.TransportException;
import io.github.pixverse4j.api.Violation;
import io.github.pixverse4j.client.http.ApiKey;
import io.github.pixverse4j.client.http.BaseUrls;
import io.github.pixverse4j.client.http.HttpClients;
import io.github.pixverse4j.odirouter.simulator.OdiRouterSimulator;
import io.github.pixverse4j.queue.internal.QueueProvider;
import io.github.pixverse4j.simulator.Fault;
import io.github.pixverse4j.simulator.Lifecycle;
import io.reactivex.rxjava3.core.Scheduler;
import io.reactivex.rxjava3.schedulers.Schedulers;
import io.reactivex.rxjava3.schedulers.TestScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Single provider calls against answers the provider may give; no engine, no retries. */
class OdiRouterErrorsTest {
  private static final String KEY = "odi-map-key-31337";
  private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

  private OdiRouterSimulator sim;
  private QueueProvider provider;

  @BeforeEach
  void start() {
    sim = new OdiRouterSimulator(KEY).start();
    HttpUrl base = BaseUrls.require(sim.baseUrl());
    ApiKey key = ApiKey.of(KEY);
    provider = provider(base, key, new TestScheduler(NOW.toEpochMilli(), TimeUnit.MILLISECONDS));
  }

  /** The provider as {@link OdiRouterModule} makes it, with the scheduler's clock. */
  static QueueProvider provider(HttpUrl base, ApiKey key, Scheduler scheduler) {
    return (QueueProvider)
        OdiRouterModule.provider(HttpClients.sharedDefault(), base, key, scheduler);
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  private static ImageToVideoRequest request() {
    return ImageToVideoRequest.builder()
        .image(ImageInput.url("https://example.com/cat.png"))
        .prompt("a cat")
        .build();
  }

  private Throwable submitError(Fault fault) {
    sim.faults().on("submit").always(fault);
    return catchThrowable(() -> provider.submit(request()).blockingGet());
  }

  private static Fault json(int status, String body) {
    return Fault.status(status, body).withContentType("application/json");
  }

  @Nested
  @DisplayName("submit")
  class Submit {
    @Test
    @DisplayName(
        "422 with a detail list → InvalidRequestException, one violation per entry, in request"
            + " terms")
    void validation() {
      Throwable e =
          submitError(
              json(
                  422,
                  "{\"detail\":[{\"loc\":[\"body\",\"duration\"],\"msg\":\"too"
                      + " long\",\"type\":\"less_than_equal\"},{\"loc\":[\"body\",\"generate_audio_switch\"],\"msg\":\"not"
                      + " a bool\","
                      + "\"type\":\"bool_type\"},{\"loc\":[\"body\"],\"msg\":\"bad\",\"type\":\"value_error\"}]}"));
      assertThat(e)
          .isInstanceOf(InvalidRequestException.class)
          .hasMessageContaining("HTTP 422")
          .hasMessageContaining("too long");
      InvalidRequestException ire = (InvalidRequestException) e;
      assertThat(ire.violations())
          .extracting(Violation::field)
          .containsExactly("duration", "audio", "request");
      assertThat(ire.violations())
          .extracting(Violation::limit)
          .containsExactly("less_than_equal", "bool_type", "value_error");
      assertThat(ire.violations().get(0).message()).isEqualTo("duration: too long");
      assertThat(ire.httpStatus()).contains(422);
      assertThat(ire.providerCode()).contains("less_than_equal");
    }

    @Test
    @DisplayName("the simulator's own 422 for a bad body reaches the caller as violations")
    void simulatorValidation() {
      Throwable e =
          catchThrowable(
              () ->
                  provider
                      .submit(
                          ImageToVideoRequest.builder().from(request()).durationSeconds(16).build())
                      .blockingGet());
      assertThat(((InvalidRequestException) e).violations())
          .extracting(Violation::field)
          .containsExactly("duration");
    }

    @Test
    @DisplayName(
        "422 content_policy_violation (type or X-Fal-Error-Type) → ContentRejectedException")
    void moderation() {
      assertThat(
              submitError(
                  json(
                      422,
                      "{\"detail\":[{\"loc\":[\"body\",\"prompt\"],\"msg\":\"flagged\","
                          + "\"type\":\"content_policy_violation\"}]}")))
          .isInstanceOf(ContentRejectedException.class)
          .hasMessageContaining("flagged");
      sim.faults().clear();
      assertThat(
              submitError(
                  json(400, "{\"detail\":\"flagged\"}")
                      .withHeader("X-Fal-Error-Type", "content_policy_violation")))
          .isInstanceOf(ContentRejectedException.class);
    }

    @Test
    @DisplayName("400 with a detail text → InvalidRequestException with the provider's text")
    void badRequestText() {
      assertThat(submitError(json(400, "{\"detail\":\"image could not be downloaded\"}")))
          .isInstanceOf(InvalidRequestException.class)
          .hasMessageContaining("image could not be downloaded");
    }

    @Test
    @DisplayName("401 and 403 → AuthenticationException; 402 → InsufficientCreditsException")
    void authAndCredits() {
      assertThat(submitError(json(401, "{\"detail\":\"Invalid API key\"}")))
          .isInstanceOf(AuthenticationException.class)
          .hasMessageContaining("Invalid API key");
      sim.faults().clear();
      assertThat(submitError(json(403, "{\"detail\":\"forbidden\"}")))
          .isInstanceOf(AuthenticationException.class);
      sim.faults().clear();
      assertThat(submitError(json(402, "{\"detail\":\"Insufficient balance\"}")))
          .isInstanceOf(InsufficientCreditsException.class);
    }

    @Test
    @DisplayName(
        "a 403 whose body says the user is locked for an exhausted balance →"
            + " InsufficientCreditsException, never 'check the key'")
    void lockedForBalance() {
      Throwable e =
          submitError(
              json(
                  403,
                  "{\"detail\":\"User is locked. Reason: Exhausted balance. Top up your"
                      + " balance at fal.ai/dashboard/billing.\"}"));
      assertThat(e)
          .isInstanceOf(InsufficientCreditsException.class)
          .hasMessageContaining("HTTP 403")
          .hasMessageContaining("top up");
      assertThat(e.getMessage()).doesNotContain("check the API key");
      sim.faults().clear();
      TaskHandle h = completed();
      sim.faults()
          .on("status")
          .always(json(403, "{\"detail\":\"User is locked. Reason: Exhausted balance.\"}"));
      assertThat(statusError(h))
          .as("the same on a status read")
          .isInstanceOf(InsufficientCreditsException.class);
    }

    @Test
    @DisplayName("a real wrong key (the simulator's 401) → AuthenticationException without the key")
    void wrongKey() {
      HttpUrl base = BaseUrls.require(sim.baseUrl());
      ApiKey wrong = ApiKey.of("wrong-key-000111");
      QueueProvider bad = provider(base, wrong, Schedulers.computation());
      Throwable e = catchThrowable(() -> bad.submit(request()).blockingGet());
      assertThat(e).isInstanceOf(AuthenticationException.class);
      assertThat(e.getMessage()).doesNotContain("wrong-key-000111");
    }

    @Test
    @DisplayName(
        "429 with Retry-After → RateLimitedException carrying the wait; 500 →"
            + " ProviderUnavailableException")
    void rateLimitAndServerError() {
      Throwable e =
          submitError(json(429, "{\"detail\":\"slow down\"}").withHeader("Retry-After", "7"));
      assertThat(e).isInstanceOf(RateLimitedException.class);
      assertThat(((RateLimitedException) e).retryAfter()).contains(Duration.ofSeconds(7));
      sim.faults().clear();
      assertThat(submitError(json(500, "{\"detail\":\"boom\",\"error_type\":\"internal_error\"}")))
          .isInstanceOf(ProviderUnavailableException.class)
          .satisfies(
              x ->
                  assertThat(((ProviderUnavailableException) x).providerCode())
                      .contains("internal_error"));
    }

    @Test
    @DisplayName("a 200 without request_id, or unreadable, → MalformedResponseException")
    void malformed() {
      assertThat(submitError(json(200, "{\"queue_position\":0}")))
          .isInstanceOf(MalformedResponseException.class)
          .hasMessageContaining("request_id");
      sim.faults().clear();
      assertThat(submitError(Fault.malformedJson())).isInstanceOf(MalformedResponseException.class);
    }

    @Test
    @DisplayName("a dropped answer → TransportException that may have reached the server")
    void dropped() {
      Throwable e = submitError(Fault.dropAfterRead());
      assertThat(e).isInstanceOf(TransportException.class);
      assertThat(((TransportException) e).requestMayHaveReachedServer()).isTrue();
      assertThat(sim.requestCount("submit")).isEqualTo(1);
    }
  }

  private TaskHandle submitted(Lifecycle lifecycle) {
    sim.nextJobs(lifecycle);
    return provider.submit(request()).blockingGet();
  }

  private TaskHandle completed() {
    return submitted(Lifecycle.immediateSuccess());
  }

  private TaskStatus status(TaskHandle h) {
    return provider.status(h).blockingGet();
  }

  private Throwable statusError(TaskHandle h) {
    return catchThrowable(() -> provider.status(h).blockingGet());
  }

  @Nested
  @DisplayName("status")
  class Status {
    @Test
    @DisplayName(
        "IN_QUEUE → QUEUED with position; IN_PROGRESS → RUNNING; raw status and observation time"
            + " kept")
    void queuedAndRunning() {
      TaskHandle h = submitted(Lifecycle.builder().queued(1, 5).runningFor(1).succeeded());
      TaskStatus q = status(h);
      assertThat(q.state()).isEqualTo(TaskState.QUEUED);
      assertThat(q.queuePosition()).contains(5);
      assertThat(q.rawStatus()).contains("IN_QUEUE");
      assertThat(q.observedAt()).isEqualTo(NOW);
      TaskStatus r = status(h);
      assertThat(r.state()).isEqualTo(TaskState.RUNNING);
      assertThat(r.progressPercent()).isEmpty();
      assertThat(sim.requestCount("result")).isZero();
    }

    @Test
    @DisplayName("a negative queue position is left out rather than invented")
    void negativePosition() {
      TaskHandle h = completed();
      sim.faults()
          .on("status")
          .always(json(200, "{\"status\":\"IN_QUEUE\",\"queue_position\":-1}"));
      assertThat(status(h).queuePosition()).isEmpty();
    }

    @Test
    @DisplayName(
        "FAILED in the status → FAILED with its detail and error type (UNKNOWN when it gives none),"
            + " without a result call")
    void failedStatus() {
      TaskHandle h = completed();
      sim.faults()
          .on("status")
          .always(
              json(
                  200,
                  "{\"status\":\"FAILED\",\"detail\":\"upstream"
                      + " rejected\",\"error_type\":\"content_policy_violation\"}"));
      TaskStatus s = status(h);
      assertThat(s.state()).isEqualTo(TaskState.FAILED);
      assertThat(s.failure().get().category()).isEqualTo(FailureCategory.MODERATION);
      assertThat(s.failure().get().message()).isEqualTo("upstream rejected");
      assertThat(sim.requestCount("result")).isZero();
      sim.faults().clear();
      sim.faults()
          .on("status")
          .always(json(200, "{\"status\":\"FAILED\",\"detail\":\"GPU lost\"}"));
      assertThat(status(h).failure().get().category()).isEqualTo(FailureCategory.PROVIDER_ERROR);
      sim.faults().clear();
      sim.faults().on("status").always(json(200, "{\"status\":\"FAILED\"}"));
      TaskStatus bare = status(h);
      assertThat(bare.failure().get().category()).isEqualTo(FailureCategory.UNKNOWN);
      assertThat(bare.failure().get().message()).contains("without a reason");
    }

    @Test
    @DisplayName("CANCELED and CANCELLED → CANCELLED")
    void cancelledSpellings() {
      TaskHandle h = completed();
      for (String value : new String[] {"CANCELED", "CANCELLED"}) {
        sim.faults().clear();
        sim.faults().on("status").always(json(200, "{\"status\":\"" + value + "\"}"));
        TaskStatus s = status(h);
        assertThat(s.state()).isEqualTo(TaskState.CANCELLED);
        assertThat(s.rawStatus()).contains(value);
      }
    }

    @Test
    @DisplayName(
        "spelling is not a state: ' in_progress ' is IN_PROGRESS; an unknown value is quoted"
            + " exactly as received")
    void spelling() {
      TaskHandle h = completed();
      sim.faults().on("status").always(json(200, "{\"status\":\" in_progress \"}"));
      assertThat(status(h).state()).isEqualTo(TaskState.RUNNING);
      sim.faults().clear();
      sim.faults().on("status").always(json(200, "{\"status\":\"Paused \"}"));
      assertThat(statusError(h))
          .isInstanceOf(MalformedResponseException.class)
          .hasMessageContaining("\"Paused \"")
          .hasMessageContaining("known: IN_QUEUE, IN_PROGRESS, COMPLETED, FAILED, CANCELLED");
    }

    @Test
    @DisplayName(
        "COMPLETED, then a result that says the request was cancelled (elsewhere) → CANCELLED"
            + " category, which the engine reports as CANCELLED")
    void cancelledElsewhere() {
      TaskHandle h = completed();
      sim.faults().on("result").always(json(400, "{\"detail\":\"Request was cancelled\"}"));
      TaskStatus s = status(h);
      assertThat(s.failure().map(f -> f.category())).contains(FailureCategory.CANCELLED);
      sim.faults().clear();
      sim.faults()
          .on("result")
          .always(json(500, "{\"detail\":\"stopped\",\"error_type\":\"request_cancelled\"}"));
      assertThat(status(h).failure().map(f -> f.category())).contains(FailureCategory.CANCELLED);
    }

    @Test
    @DisplayName("an unknown or missing status → MalformedResponseException naming it")
    void unknownStatus() {
      TaskHandle h = completed();
      sim.faults().on("status").always(json(200, "{\"status\":\"PAUSED\"}"));
      assertThat(statusError(h))
          .isInstanceOf(MalformedResponseException.class)
          .hasMessageContaining("PAUSED");
      sim.faults().clear();
      sim.faults().on("status").always(json(200, "{\"request_id\":\"x\"}"));
      assertThat(statusError(h))
          .isInstanceOf(MalformedResponseException.class)
          .hasMessageContaining("no status");
    }

    @Test
    @DisplayName("404 on status → TaskNotFoundException; 429 → RateLimitedException")
    void statusErrors() {
      assertThat(statusError(TaskHandle.of("odirouter", "pixverse_v6_i2v", "mmsu_unknown")))
          .isInstanceOf(TaskNotFoundException.class)
          .hasMessageContaining("Request not found");
      TaskHandle h = completed();
      sim.faults().on("status").always(json(429, "{}").withHeader("Retry-After", "3"));
      assertThat(statusError(h)).isInstanceOf(RateLimitedException.class);
    }
  }

  @Nested
  @DisplayName("result (after COMPLETED)")
  class Result {
    private TaskStatus resultAnswering(Fault fault) {
      TaskHandle h = completed();
      sim.faults().on("result").always(fault);
      return status(h);
    }

    private Throwable resultError(Fault fault) {
      TaskHandle h = completed();
      sim.faults().on("result").always(fault);
      return statusError(h);
    }

    @Test
    @DisplayName("200 with a video → SUCCEEDED with url, content type, size and seed")
    void success() {
      TaskStatus s = status(completed());
      assertThat(s.state()).isEqualTo(TaskState.SUCCEEDED);
      assertThat(s.videos())
          .singleElement()
          .satisfies(
              v -> {
                assertThat(v.url().toString()).isEqualTo(sim.videoUrl(s.handle().taskId()));
                assertThat(v.contentType()).contains("video/mp4");
                assertThat(v.sizeBytes()).contains((long) sim.mediaBytes().length);
                assertThat(v.seed()).isPresent();
              });
    }

    @Test
    @DisplayName("200 without video.url, or with a relative URL → MalformedResponseException")
    void missingVideo() {
      assertThat(resultError(json(200, "{\"seed\":1}")))
          .isInstanceOf(MalformedResponseException.class)
          .hasMessageContaining("video.url");
      sim.faults().clear();
      assertThat(resultError(json(200, "{\"video\":{\"url\":\"/relative.mp4\"}}")))
          .isInstanceOf(MalformedResponseException.class);
    }

    @Test
    @DisplayName("400 'still in progress' → RUNNING (polling goes on)")
    void stillInProgress() {
      TaskStatus s = resultAnswering(json(400, "{\"detail\":\"Request is still in progress\"}"));
      assertThat(s.state()).isEqualTo(TaskState.RUNNING);
    }

    @Test
    @DisplayName(
        "422 with a detail list → FAILED INVALID_INPUT with the provider's messages and type")
    void invalidInput() {
      TaskStatus s =
          resultAnswering(
              json(
                  422,
                  "{\"detail\":[{\"loc\":[\"body\",\"image\"],\"msg\":\"Image could not be"
                      + " downloaded\",\"type\":\"file_download_error\"}]}"));
      assertThat(s.state()).isEqualTo(TaskState.FAILED);
      assertThat(s.failure().get().category()).isEqualTo(FailureCategory.INVALID_INPUT);
      assertThat(s.failure().get().message()).isEqualTo("image: Image could not be downloaded");
      assertThat(s.failure().get().providerCode()).contains("file_download_error");
    }

    @Test
    @DisplayName("422 content_policy_violation → FAILED MODERATION (the simulator's moderated job)")
    void moderated() {
      TaskHandle h = submitted(Lifecycle.builder().moderated("sexual content"));
      TaskStatus s = status(h);
      assertThat(s.state()).isEqualTo(TaskState.FAILED);
      assertThat(s.failure().get().category()).isEqualTo(FailureCategory.MODERATION);
      assertThat(s.failure().get().message()).contains("sexual content");
      assertThat(s.failure().get().providerCode()).contains("content_policy_violation");
    }

    @Test
    @DisplayName("5xx with error_type or X-Fal-Error-Type → FAILED PROVIDER_ERROR with the detail")
    void requestError() {
      TaskStatus s =
          resultAnswering(
              json(504, "{\"detail\":\"Request timed out\",\"error_type\":\"request_timeout\"}"));
      assertThat(s.state()).isEqualTo(TaskState.FAILED);
      assertThat(s.failure().get().category()).isEqualTo(FailureCategory.PROVIDER_ERROR);
      assertThat(s.failure().get().message()).isEqualTo("Request timed out");
      assertThat(s.failure().get().providerCode()).contains("request_timeout");
      sim.faults().clear();
      TaskStatus h =
          resultAnswering(
              json(503, "{\"detail\":\"no runner\"}")
                  .withHeader("X-Fal-Error-Type", "runner_scheduling_failure"));
      assertThat(h.failure().get().providerCode()).contains("runner_scheduling_failure");
    }

    @Test
    @DisplayName(
        "a bare 5xx → ProviderUnavailableException (the engine retries it), not a failed task")
    void bareServerError() {
      assertThat(resultError(json(502, "{}"))).isInstanceOf(ProviderUnavailableException.class);
      sim.faults().clear();
      assertThat(resultError(Fault.status(500, "Internal Server Error")))
          .isInstanceOf(ProviderUnavailableException.class);
    }

    @Test
    @DisplayName(
        "401/403 → AuthenticationException, 404/410 → TaskNotFoundException, 429 →"
            + " RateLimitedException")
    void callErrors() {
      assertThat(resultError(json(403, "{\"detail\":\"nope\",\"error_type\":\"forbidden\"}")))
          .isInstanceOf(AuthenticationException.class);
      sim.faults().clear();
      assertThat(resultError(json(410, "{\"detail\":\"gone\"}")))
          .isInstanceOf(TaskNotFoundException.class);
      sim.faults().clear();
      assertThat(resultError(json(429, "{}"))).isInstanceOf(RateLimitedException.class);
      sim.faults().clear();
      assertThat(statusError(submitted(Lifecycle.builder().expired())))
          .isInstanceOf(TaskNotFoundException.class);
    }

    @Test
    @DisplayName("a result dropped mid-body → TransportException")
    void truncated() {
      assertThat(resultError(Fault.truncatedBody())).isInstanceOf(TransportException.class);
    }
  }

  @Nested
  @DisplayName("cancel")
  class Cancel {
    private Throwable cancel(TaskHandle h) {
      return catchThrowable(() -> provider.cancel(h).blockingAwait());
    }

    @Test
    @DisplayName("202 CANCELLATION_REQUESTED completes and the job is cancelled")
    void requested() {
      TaskHandle h = submitted(Lifecycle.builder().runningFor(100).succeeded());
      assertThat(cancel(h)).isNull();
      assertThat(sim.jobs().get(0).cancelRequested()).isTrue();
      assertThat(status(h).state()).isEqualTo(TaskState.CANCELLED);
    }

    @Test
    @DisplayName(
        "400 ALREADY_COMPLETED → TaskEndedBeforeCancelException (the engine reads the final state);"
            + " 200 OK completes; 404 NOT_FOUND → TaskNotFoundException")
    void outcomes() {
      TaskHandle done = completed();
      status(done);
      assertThat(cancel(done))
          .isInstanceOf(io.github.pixverse4j.client.provider.TaskEndedBeforeCancelException.class)
          .hasMessageContaining("ALREADY_COMPLETED");
      assertThat(sim.requestCount("cancel")).isEqualTo(1);
      sim.faults().on("cancel").always(json(200, "{\"status\":\"OK\"}"));
      assertThat(cancel(done)).isNull();
      sim.faults().clear();
      assertThat(cancel(TaskHandle.of("odirouter", "pixverse_v6_i2v", "mmsu_none")))
          .isInstanceOf(TaskNotFoundException.class);
    }

    @Test
    @DisplayName("an empty 2xx completes; an unknown cancel status → MalformedResponseException")
    void emptyAndUnknown() {
      TaskHandle h = completed();
      sim.faults().on("cancel").always(Fault.emptyBody(204));
      assertThat(cancel(h)).isNull();
      sim.faults().clear();
      sim.faults().on("cancel").always(json(202, "{\"status\":\"MAYBE\"}"));
      assertThat(cancel(h))
          .isInstanceOf(MalformedResponseException.class)
          .hasMessageContaining("MAYBE");
    }

    @Test
    @DisplayName("401, 429 and 503 without a cancel status go through the shared error table")
    void callErrors() {
      TaskHandle h = completed();
      sim.faults().on("cancel").always(json(401, "{\"detail\":\"bad key\"}"));
      assertThat(cancel(h))
          .isInstanceOf(AuthenticationException.class)
          .hasMessageContaining("bad key");
      sim.faults().clear();
      sim.faults().on("cancel").always(json(429, "{}").withHeader("Retry-After", "2"));
      Throwable rate = cancel(h);
      assertThat(rate).isInstanceOf(RateLimitedException.class);
      assertThat(((RateLimitedException) rate).retryAfter()).contains(Duration.ofSeconds(2));
      sim.faults().clear();
      sim.faults().on("cancel").always(Fault.status(503, "busy"));
      assertThat(cancel(h)).isInstanceOf(ProviderUnavailableException.class);
    }
  }
}
