package io.github.pixverse4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.pixverse4j.api.ErrorDetails;
import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.api.RateLimitedException;
import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.api.TaskStatus;
import io.github.pixverse4j.api.VideoApiException;
import io.github.pixverse4j.client.PollingPolicy;
import io.github.pixverse4j.client.VideoClient;
import io.github.pixverse4j.client.http.HttpErrors;
import io.github.pixverse4j.simulator.ProviderSimulator;
import io.reactivex.rxjava3.core.Single;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/**
 * Proves the kit: each deliberately broken provider must fail exactly the contract tests that
 * describe its defect, and a correct one fails none.
 */
class ContractSelfTest {
  /** What one run of a contract subclass did, by test method name. */
  static final class Outcome {
    final Map<String, Throwable> failures = new TreeMap<>();
    final Map<String, String> skipped = new TreeMap<>();

    /**
     * The failure of {@code test} with every message in it (suppressed ones and causes included).
     */
    String report(String test) {
      Throwable t = failures.get(test);
      if (t == null)
        throw new AssertionError(test + " did not fail; failures: " + failures.keySet());
      StringWriter w = new StringWriter();
      t.printStackTrace(new PrintWriter(w));
      return w.toString();
    }
  }

  private static String methodName(Event e) {
    return e.getTestDescriptor()
        .getSource()
        .filter(MethodSource.class::isInstance)
        .map(s -> ((MethodSource) s).getMethodName())
        .orElse(e.getTestDescriptor().getDisplayName());
  }

  /** Runs a contract subclass. */
  static Outcome run(Class<?> contract) {
    Events events =
        EngineTestKit.engine("junit-jupiter")
            .selectors(selectClass(contract))
            .execute()
            .testEvents();
    Outcome o = new Outcome();
    for (Event e : events.finished().list()) {
      TestExecutionResult r = e.getPayload(TestExecutionResult.class).orElseThrow();
      if (r.getStatus() == TestExecutionResult.Status.FAILED)
        o.failures.put(methodName(e), r.getThrowable().orElseThrow());
    }
    for (Event e : events.skipped().list()) {
      o.skipped.put(methodName(e), e.getPayload(String.class).orElse(""));
    }
    for (Event e : events.finished().list()) {
      TestExecutionResult r = e.getPayload(TestExecutionResult.class).orElseThrow();
      if (r.getStatus() == TestExecutionResult.Status.ABORTED) {
        o.skipped.put(methodName(e), r.getThrowable().map(Throwable::getMessage).orElse(""));
      }
    }
    return o;
  }

  /** A contract run against a {@link ReferenceProvider} variant. */
  abstract static class BrokenContract extends VideoProviderContract {
    abstract ReferenceProvider provider(String baseUrl, String apiKey);

    @Override
    protected ProviderSimulator startSimulator(String apiKey) {
      return new ReferenceSimulator(apiKey).start();
    }

    @Override
    protected VideoClient createClient(
        ProviderSimulator simulator, String apiKey, PollingPolicy policy) {
      return ReferenceProvider.client(provider(simulator.baseUrl(), apiKey), policy);
    }

    @Override
    protected String unknownStatusBody() {
      return "{\"id\":\"job-1\",\"state\":\"teleporting\"}";
    }

    @Override
    protected ContractTraits traits() {
      return ContractTraits.statesOnly().withQueuePosition().withProgress().withCancelledState();
    }

    @Override
    protected Duration streamTimeout() {
      return Duration.ofSeconds(3);
    }
  }

  static class MapsFailedToRunning extends BrokenContract {
    @Override
    ReferenceProvider provider(String baseUrl, String apiKey) {
      return new ReferenceProvider(null, baseUrl, apiKey) {
        @Override
        TaskStatus toStatus(TaskHandle handle, Job j) {
          if ("failed".equals(j.state) || "moderated".equals(j.state)) j.state = "running";
          return super.toStatus(handle, j);
        }
      };
    }
  }

  static class RetriesSubmit extends BrokenContract {
    @Override
    ReferenceProvider provider(String baseUrl, String apiKey) {
      return new ReferenceProvider(null, baseUrl, apiKey) {
        @Override
        public Single<TaskHandle> submit(ImageToVideoRequest request) {
          return super.submit(request).retry(2);
        }
      };
    }
  }

  static class IgnoresRetryAfter extends BrokenContract {
    @Override
    ReferenceProvider provider(String baseUrl, String apiKey) {
      return new ReferenceProvider(null, baseUrl, apiKey) {
        @Override
        public Single<TaskStatus> status(TaskHandle handle) {
          return super.status(handle)
              .onErrorResumeNext(
                  e ->
                      Single.error(
                          e instanceof RateLimitedException
                              ? new RateLimitedException(
                                  "slow down", ((RateLimitedException) e).details(), null)
                              : e));
        }
      };
    }
  }

  /** Sends the cancel, then never reports that it ended. */
  static class CancelNeverEnds extends BrokenContract {
    @Override
    ReferenceProvider provider(String baseUrl, String apiKey) {
      return new ReferenceProvider(null, baseUrl, apiKey) {
        @Override
        public io.reactivex.rxjava3.core.Completable cancel(TaskHandle handle) {
          return super.cancel(handle).andThen(io.reactivex.rxjava3.core.Completable.never());
        }
      };
    }
  }

  static class LeaksKey extends BrokenContract {
    @Override
    ReferenceProvider provider(String baseUrl, String apiKey) {
      return new ReferenceProvider(null, baseUrl, apiKey) {
        @Override
        public Single<TaskHandle> submit(ImageToVideoRequest request) {
          return super.submit(request)
              .onErrorResumeNext(
                  e ->
                      Single.error(
                          new VideoApiException(
                              "submit with key " + key.reveal() + " failed: " + e.getMessage(),
                              ErrorDetails.provider(ID),
                              e)));
        }
      };
    }
  }

  static class GuessesUnknownStatus extends BrokenContract {
    @Override
    ReferenceProvider provider(String baseUrl, String apiKey) {
      return new ReferenceProvider(null, baseUrl, apiKey) {
        @Override
        TaskStatus toStatus(TaskHandle handle, Job j) {
          if (!Set.of(
                  "queued", "running", "succeeded", "failed", "moderated", "cancelled", "expired")
              .contains(j.state)) {
            j.state = "running";
          }
          return super.toStatus(handle, j);
        }
      };
    }
  }

  static class TreatsAuthAsTransient extends BrokenContract {
    @Override
    ReferenceProvider provider(String baseUrl, String apiKey) {
      return new ReferenceProvider(null, baseUrl, apiKey) {
        @Override
        VideoApiException mapHttp(retrofit2.HttpException http) {
          BiFunction<String, Integer, VideoApiException> unavailable =
              (m, s) ->
                  new io.github.pixverse4j.api.ProviderUnavailableException(
                      m, ErrorDetails.provider(ID).withHttpStatus(s));
          return http.code() == 401 || http.code() == 403
              ? unavailable.apply("auth trouble", 503)
              : HttpErrors.fromHttpException(ID, http, key);
        }
      };
    }
  }

  /** Writes the duration as {@code "5s"}, a unit the protocol does not know. */
  static class WritesDurationAsText extends BrokenContract {
    @Override
    ReferenceProvider provider(String baseUrl, String apiKey) {
      return new ReferenceProvider(null, baseUrl, apiKey) {
        @Override
        Map<String, Object> wireBody(ImageToVideoRequest request) {
          Map<String, Object> body = super.wireBody(request);
          request.durationSeconds().ifPresent(d -> body.put("duration", d + "s"));
          return body;
        }
      };
    }
  }

  /** Writes the quality as the enum constant ({@code "P720"}) instead of the protocol's label. */
  static class WritesQualityConstant extends BrokenContract {
    @Override
    ReferenceProvider provider(String baseUrl, String apiKey) {
      return new ReferenceProvider(null, baseUrl, apiKey) {
        @Override
        Map<String, Object> wireBody(ImageToVideoRequest request) {
          Map<String, Object> body = super.wireBody(request);
          request.quality().ifPresent(q -> body.put("quality", q.name()));
          return body;
        }
      };
    }
  }

  /** A correct provider against a simulator whose status handler throws while a job runs. */
  static class SimulatorThrows extends BrokenContract {
    @Override
    protected ProviderSimulator startSimulator(String apiKey) {
      return new ReferenceSimulator(apiKey) {
        @Override
        Map<String, Object> render(String id, io.github.pixverse4j.simulator.JobPhase phase) {
          if (phase.state() == io.github.pixverse4j.simulator.JobState.RUNNING) {
            throw new IllegalStateException("simulator bug: cannot render a running job");
          }
          return super.render(id, phase);
        }
      }.start();
    }

    @Override
    ReferenceProvider provider(String baseUrl, String apiKey) {
      return new ReferenceProvider(null, baseUrl, apiKey);
    }
  }

  static class DropsProgress extends BrokenContract {
    @Override
    ReferenceProvider provider(String baseUrl, String apiKey) {
      return new ReferenceProvider(null, baseUrl, apiKey) {
        @Override
        TaskStatus toStatus(TaskHandle handle, Job j) {
          j.progress = null;
          return super.toStatus(handle, j);
        }
      };
    }
  }

  static class CorrectWithoutTraits extends Correct {
    @Override
    protected ContractTraits traits() {
      return ContractTraits.statesOnly();
    }
  }

  static class Correct extends BrokenContract {
    @Override
    ReferenceProvider provider(String baseUrl, String apiKey) {
      return new ReferenceProvider(null, baseUrl, apiKey);
    }
  }

  /**
   * What every variant skips: the reference protocol has cancel, so the no-cancel test does not
   * apply.
   */
  /**
   * The reference provider does not extend: the extend group is skipped but for {@code noExtend}.
   */
  private static final Map<String, String> EXTEND_SKIPS =
      Map.of(
          "extendFinishedTask", "Assumption failed: needs capability: supportsExtend",
          "extendUploadedFile", "Assumption failed: needs capability: supportsExtend",
          "invalidSendsNothing", "Assumption failed: needs capability: supportsExtend",
          "unknownSource", "Assumption failed: needs capability: supportsExtend",
          "uploadNotRepeated", "Assumption failed: needs capability: supportsExtend");

  private static final Map<String, String> SKIPS_WITH_CANCEL =
      with(
          EXTEND_SKIPS,
          Map.of(
              "cancelUnsupported", "Assumption failed: applies only to providers without cancel"));

  private static Map<String, String> with(Map<String, String> a, Map<String, String> b) {
    Map<String, String> m = new java.util.HashMap<>(a);
    m.putAll(b);
    return m;
  }

  @Test
  @DisplayName(
      "a provider that drops the progress it declares fails the progress test, saying what the"
          + " contract expected")
  void dropsProgress() {
    Outcome o = run(DropsProgress.class);
    assertThat(o.failures.keySet()).containsExactly("progress");
    assertThat(o.report("progress"))
        .contains("trait reportsProgress")
        .contains("must carry progressPercent 30, 60, 90, in that order")
        .contains("ContractTraits.withProgress()")
        .contains("RUNNING");
  }

  @Test
  @DisplayName(
      "a provider that maps FAILED to RUNNING fails the failure and moderation tests, saying the"
          + " stream did not end")
  void failedAsRunning() {
    Outcome o = run(MapsFailedToRunning.class);
    assertThat(o.failures.keySet()).containsExactlyInAnyOrder("fails", "moderated");
    for (String test : o.failures.keySet()) {
      assertThat(o.report(test))
          .contains("The stream did not end within 3s; statuses so far: [QUEUED → RUNNING")
          .contains("check that terminal states are mapped and that the stream completes");
    }
    assertThat(o.skipped).isEqualTo(SKIPS_WITH_CANCEL);
  }

  @Test
  @DisplayName(
      "a provider that retries its own submits fails the no-duplicate-job tests, naming the"
          + " expected exception")
  void retriesSubmit() {
    Outcome o = run(RetriesSubmit.class);
    assertThat(o.failures.keySet()).contains("lostSubmitAnswer", "submit500");
    assertThat(o.report("lostSubmitAnswer"))
        .contains(
            "a submit whose answer was lost; expected SubmitOutcomeUnknownException but got"
                + " completion")
        .contains("check that OkHttp's retryOnConnectionFailure is off");
    assertThat(o.report("submit500")).contains("[submit requests]");
    assertThat(o.skipped).isEqualTo(SKIPS_WITH_CANCEL);
  }

  @Test
  @DisplayName("a provider whose cancel never ends fails the cancel test, naming the wait")
  void cancelNeverEnds() {
    Outcome o = run(CancelNeverEnds.class);
    assertThat(o.failures.keySet()).containsExactly("cancelReachesServer");
    assertThat(o.report("cancelReachesServer")).contains("The call did not end within PT3S");
  }

  @Test
  @DisplayName(
      "a provider that drops Retry-After fails the Retry-After test, pointing at"
          + " RateLimitedException")
  void ignoresRetryAfter() {
    Outcome o = run(IgnoresRetryAfter.class);
    assertThat(o.failures.keySet()).containsExactly("retryAfterOnStatus");
    assertThat(o.report("retryAfterOnStatus"))
        .contains("time between the 429 and the next poll")
        .contains("passes Retry-After into RateLimitedException");
    assertThat(o.skipped).isEqualTo(SKIPS_WITH_CANCEL);
  }

  @Test
  @DisplayName(
      "a provider that puts the key into a message fails the security test, showing the leak")
  void leaksKey() {
    Outcome o = run(LeaksKey.class);
    assertThat(o.failures.keySet()).contains("keyNeverShown");
    assertThat(o.report("keyNeverShown"))
        .contains("[everything a user could print]")
        .contains("submit with key " + VideoProviderContract.API_KEY);
    assertThat(o.skipped).isEqualTo(SKIPS_WITH_CANCEL);
  }

  @Test
  @DisplayName(
      "a provider that guesses unknown status values fails the unknown-status test, showing the"
          + " guessed states")
  void guessesUnknownStatus() {
    Outcome o = run(GuessesUnknownStatus.class);
    assertThat(o.failures.keySet()).containsExactly("unknownStatus");
    assertThat(o.report("unknownStatus")).contains("statuses so far: [QUEUED → RUNNING");
    assertThat(o.skipped).isEqualTo(SKIPS_WITH_CANCEL);
  }

  @Test
  @DisplayName(
      "a provider that treats 401/403 as transient fails the authentication tests, naming what it"
          + " got")
  void authAsTransient() {
    Outcome o = run(TreatsAuthAsTransient.class);
    assertThat(o.failures.keySet()).contains("wrongKey", "forbiddenOnStatus");
    assertThat(o.report("wrongKey"))
        .contains(
            "a wrong key; expected AuthenticationException but got"
                + " io.github.pixverse4j.api.ProviderUnavailableException: auth trouble")
        .contains("check the 401/403 mapping");
    assertThat(o.skipped).isEqualTo(SKIPS_WITH_CANCEL);
  }

  @Test
  @DisplayName(
      "a provider that writes the duration as \"5s\" fails the every-optional-setting test with the"
          + " simulator's reason")
  void durationAsText() {
    Outcome o = run(WritesDurationAsText.class);
    assertThat(o.failures.keySet()).containsExactly("everyOptionalSetting");
    assertThat(o.report("everyOptionalSetting"))
        .contains("check how the provider writes each setting on the wire")
        .contains("duration must be an integer number of seconds");
    assertThat(o.skipped).isEqualTo(SKIPS_WITH_CANCEL);
  }

  @Test
  @DisplayName(
      "a provider that writes the quality as \"P720\" fails the every-optional-setting test with"
          + " the simulator's reason")
  void qualityAsConstant() {
    Outcome o = run(WritesQualityConstant.class);
    assertThat(o.failures.keySet()).containsExactly("everyOptionalSetting");
    assertThat(o.report("everyOptionalSetting")).contains("quality must be 540p or 720p");
    assertThat(o.skipped).isEqualTo(SKIPS_WITH_CANCEL);
  }

  @Test
  @DisplayName(
      "a simulator whose handler throws fails each test that made it throw, with the handler's"
          + " stack trace")
  void simulatorThrows() {
    Outcome o = run(SimulatorThrows.class);
    assertThat(o.failures.keySet())
        .contains("firstEmissionIsQueued", "succeeds", "fails", "resume", "download")
        .doesNotContain("moderated", "cancelledState", "promptTooLong", "submitOnly");
    for (String test : o.failures.keySet()) {
      assertThat(o.report(test))
          .as(test)
          .contains("The simulator's handler threw")
          .contains("java.lang.IllegalStateException: simulator bug: cannot render a running job")
          .contains("at " + SimulatorThrows.class.getName() + "$1.render(");
    }
    assertThat(o.skipped).isEqualTo(SKIPS_WITH_CANCEL);
  }

  @Test
  @DisplayName(
      "the correct reference provider fails nothing and skips only what does not apply, saying why")
  void correctPasses() {
    Outcome o = run(Correct.class);
    assertThat(o.failures).isEmpty();
    assertThat(o.skipped).isEqualTo(SKIPS_WITH_CANCEL);
  }

  @Test
  @DisplayName("a correct provider declaring no traits skips the trait tests, naming the trait")
  void withoutTraits() {
    Outcome o = run(CorrectWithoutTraits.class);
    assertThat(o.failures).isEmpty();
    assertThat(o.skipped)
        .containsExactlyInAnyOrderEntriesOf(
            with(
                EXTEND_SKIPS,
                Map.of(
                    "cancelUnsupported",
                        "Assumption failed: applies only to providers without cancel",
                    "queuePosition", "Assumption failed: needs trait: reportsQueuePosition",
                    "progress", "Assumption failed: needs trait: reportsProgress",
                    "cancelledState", "Assumption failed: needs trait: reportsCancelled")));
  }
}
