package io.github.pixverse4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.pixverse4j.api.ErrorDetails;
import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.api.ProviderCapabilities;
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

  /** The reference provider with its submit body changed by {@code change}. */
  static ReferenceProvider bodyChanged(
      String baseUrl,
      String apiKey,
      java.util.function.BiConsumer<ImageToVideoRequest, Map<String, Object>> change) {
    return new ReferenceProvider(null, baseUrl, apiKey) {
      @Override
      Map<String, Object> wireBody(ImageToVideoRequest request) {
        Map<String, Object> body = super.wireBody(request);
        change.accept(request, body);
        return body;
      }
    };
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
      return bodyChanged(
          baseUrl,
          apiKey,
          (r, body) -> r.durationSeconds().ifPresent(d -> body.put("duration", d + "s")));
    }
  }

  /** Writes the quality as the enum constant ({@code "P720"}) instead of the protocol's label. */
  static class WritesQualityConstant extends BrokenContract {
    @Override
    ReferenceProvider provider(String baseUrl, String apiKey) {
      return bodyChanged(
          baseUrl, apiKey, (r, body) -> r.quality().ifPresent(q -> body.put("quality", q.name())));
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

  /** Leaves the seed out of the body (a missing optional field is valid at the simulator). */
  static class DropsSeed extends BrokenContract {
    @Override
    ReferenceProvider provider(String baseUrl, String apiKey) {
      return bodyChanged(baseUrl, apiKey, (r, body) -> body.remove("seed"));
    }
  }

  /** Sends seed + 1, a valid seed. */
  static class SeedPlusOne extends BrokenContract {
    @Override
    ReferenceProvider provider(String baseUrl, String apiKey) {
      return bodyChanged(
          baseUrl, apiKey, (r, body) -> r.seed().ifPresent(s -> body.put("seed", s + 1)));
    }
  }

  /** Leaves the resolution (quality) out of the body. */
  static class DropsQuality extends BrokenContract {
    @Override
    ReferenceProvider provider(String baseUrl, String apiKey) {
      return bodyChanged(baseUrl, apiKey, (r, body) -> body.remove("quality"));
    }
  }

  /** Alters a setting: durations over 5 s are sent as 5 s, a valid duration. */
  static class ClampsDuration extends BrokenContract {
    @Override
    ReferenceProvider provider(String baseUrl, String apiKey) {
      return bodyChanged(
          baseUrl,
          apiKey,
          (r, body) -> r.durationSeconds().ifPresent(d -> body.put("duration", Math.min(d, 5))));
    }
  }

  /** Declares no seed, yet always sends one. */
  static class SendsUndeclaredSeed extends BrokenContract {
    @Override
    ReferenceProvider provider(String baseUrl, String apiKey) {
      return new ReferenceProvider(null, baseUrl, apiKey) {
        @Override
        public ProviderCapabilities capabilities() {
          return ProviderCapabilities.builder()
              .from(super.capabilities())
              .supportsSeed(false)
              .build();
        }

        @Override
        Map<String, Object> wireBody(ImageToVideoRequest request) {
          Map<String, Object> body = super.wireBody(request);
          body.put("seed", 7L);
          return body;
        }
      };
    }
  }

  /**
   * Maps the protocol's "queued" to RUNNING; declares no queue position and no progress, so that
   * only the status reads can see it (the stream starts with the engine's own QUEUED, and repeats
   * are dropped).
   */
  static class MapsQueuedToRunning extends BrokenContract {
    @Override
    ReferenceProvider provider(String baseUrl, String apiKey) {
      return new ReferenceProvider(null, baseUrl, apiKey) {
        @Override
        TaskStatus toStatus(TaskHandle handle, Job j) {
          if ("queued".equals(j.state)) j.state = "running";
          return super.toStatus(handle, j);
        }
      };
    }

    @Override
    protected ContractTraits traits() {
      return ContractTraits.statesOnly().withCancelledState();
    }
  }

  /** Reports a moderated job as a plain failure: the protocol would have no moderation signal. */
  static class NoModerationSignal extends BrokenContract {
    @Override
    ReferenceProvider provider(String baseUrl, String apiKey) {
      return new ReferenceProvider(null, baseUrl, apiKey) {
        @Override
        TaskStatus toStatus(TaskHandle handle, Job j) {
          if ("moderated".equals(j.state)) j.state = "failed";
          return super.toStatus(handle, j);
        }
      };
    }
  }

  /** The same provider, declaring that its protocol has no moderation signal. */
  static class DeclaresNoModerationSignal extends NoModerationSignal {
    @Override
    protected ContractTraits traits() {
      return super.traits().withoutModerationSignal();
    }
  }

  /** A correct provider against a simulator that reports no decoded view of its requests. */
  static class SimulatorWithoutDecodedView extends Correct {
    @Override
    protected ProviderSimulator startSimulator(String apiKey) {
      return new ReferenceSimulator(apiKey) {
        @Override
        io.github.pixverse4j.simulator.SimJob create(String body, JsonNode json) {
          return createUndecoded(body);
        }
      }.start();
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
          "extendArrives", "Assumption failed: needs capability: supportsExtend",
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
    assertThat(o.failures.keySet())
        .containsExactlyInAnyOrder("progress", "eachPhaseMaps", "failedPhasesMap");
    assertThat(o.report("eachPhaseMaps"))
        .contains("progress none, expected 30 % (trait reportsProgress)");
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
    assertThat(o.failures.keySet())
        .containsExactlyInAnyOrder("fails", "moderated", "failedPhasesMap");
    assertThat(o.report("failedPhasesMap"))
        .contains("the simulator showed FAILED reason=the generator broke")
        .contains("mapped to RUNNING, expected FAILED");
    for (String test : java.util.Arrays.asList("fails", "moderated")) {
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
    // The wire test's submit is refused as well.
    assertThat(o.failures.keySet())
        .containsExactlyInAnyOrder("everyOptionalSetting", "everySettingArrives");
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
    // The wire test's submit is refused as well.
    assertThat(o.failures.keySet())
        .containsExactlyInAnyOrder("everyOptionalSetting", "everySettingArrives");
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

  /** The wire test's report of {@code o}, with the lines naming each problem. */
  private static String wireReport(Outcome o) {
    assertThat(o.failures.keySet()).containsExactly("everySettingArrives");
    assertThat(o.skipped).isEqualTo(SKIPS_WITH_CANCEL);
    return o.report("everySettingArrives");
  }

  @Test
  @DisplayName("a provider that drops the seed fails the wire test, naming the seed it asked for")
  void dropsSeed() {
    assertThat(wireReport(run(DropsSeed.class)))
        .contains("did not arrive as sent")
        .contains("seed (SEED): the request set 424242, the wire carried none")
        .contains("check how the provider writes each setting on the wire");
  }

  @Test
  @DisplayName("a provider that sends seed + 1 fails the wire test, showing both seeds")
  void seedPlusOne() {
    assertThat(wireReport(run(SeedPlusOne.class)))
        .contains("seed (SEED): the request set 424242, the simulator read 424243");
  }

  @Test
  @DisplayName("a provider that drops the resolution fails the wire test")
  void dropsQuality() {
    assertThat(wireReport(run(DropsQuality.class)))
        .contains("quality (QUALITY): the request set 540p, the wire carried none");
  }

  @Test
  @DisplayName(
      "a provider that alters a setting (durations cut to 5 s) fails the wire test, showing both"
          + " values")
  void clampsDuration() {
    assertThat(wireReport(run(ClampsDuration.class)))
        .contains("duration (DURATION_SECONDS): the request set 9, the simulator read 5");
  }

  @Test
  @DisplayName(
      "a provider that sends a setting its capabilities do not declare fails both wire tests")
  void sendsUndeclaredSeed() {
    Outcome o = run(SendsUndeclaredSeed.class);
    assertThat(o.failures.keySet())
        .containsExactlyInAnyOrder("everySettingArrives", "minimalRequestArrives");
    assertThat(o.report("minimalRequestArrives"))
        .contains(
            "seed (SEED): the capabilities do not accept it and the request left it unset, yet"
                + " the wire carried 7");
  }

  @Test
  @DisplayName(
      "a provider that maps \"queued\" to RUNNING fails exactly the status-read tests (the"
          + " stream's own first QUEUED hid it before), naming the read")
  void queuedAsRunning() {
    Outcome o = run(MapsQueuedToRunning.class);
    assertThat(o.failures.keySet())
        .containsExactlyInAnyOrder("eachPhaseMaps", "failedPhasesMap", "cancelledPhaseMaps");
    assertThat(o.report("eachPhaseMaps"))
        .contains("read 1: the simulator showed QUEUED position=3, the provider mapped [RUNNING]")
        .contains("mapped to RUNNING, expected QUEUED (map the protocol's queued");
  }

  @Test
  @DisplayName(
      "a provider without a moderation signal fails the moderation tests, unless it declares"
          + " withoutModerationSignal(): then the moderation test is skipped, saying why")
  void moderationSignal() {
    Outcome o = run(NoModerationSignal.class);
    assertThat(o.failures.keySet()).containsExactlyInAnyOrder("moderated", "failedPhasesMap");
    assertThat(o.report("failedPhasesMap"))
        .contains(
            "expected category MODERATION (or declare ContractTraits.withoutModerationSignal()");
    Outcome declared = run(DeclaresNoModerationSignal.class);
    assertThat(declared.failures).isEmpty();
    assertThat(declared.skipped)
        .isEqualTo(
            with(
                SKIPS_WITH_CANCEL,
                Map.of(
                    "moderated",
                    "Assumption failed: needs trait: a moderation signal (declared absent:"
                        + " withoutModerationSignal())")));
  }

  @Test
  @DisplayName(
      "a simulator that reports no decoded view fails the wire tests, saying how to add one")
  void noDecodedView() {
    Outcome o = run(SimulatorWithoutDecodedView.class);
    assertThat(o.failures.keySet())
        .containsExactlyInAnyOrder("everySettingArrives", "minimalRequestArrives");
    assertThat(o.report("everySettingArrives"))
        .contains("reports no decoded view")
        .contains("createJob(id, body, decoded)");
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
                    "cancelledState", "Assumption failed: needs trait: reportsCancelled",
                    "cancelledPhaseMaps", "Assumption failed: needs trait: reportsCancelled")));
  }
}
