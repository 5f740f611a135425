package io.github.pixverse4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.pixverse4j.api.AuthenticationException;
import io.github.pixverse4j.api.DownloadProgress;
import io.github.pixverse4j.api.ExtendVideoRequest;
import io.github.pixverse4j.api.FailureCategory;
import io.github.pixverse4j.api.ImageInput;
import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.api.InvalidRequestException;
import io.github.pixverse4j.api.MalformedResponseException;
import io.github.pixverse4j.api.MotionMode;
import io.github.pixverse4j.api.ProviderCapabilities;
import io.github.pixverse4j.api.Quality;
import io.github.pixverse4j.api.SubmitOutcomeUnknownException;
import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.api.TaskState;
import io.github.pixverse4j.api.TaskStatus;
import io.github.pixverse4j.api.UnsupportedFeatureException;
import io.github.pixverse4j.api.Video;
import io.github.pixverse4j.api.VideoApiException;
import io.github.pixverse4j.api.VideoSource;
import io.github.pixverse4j.api.Violation;
import io.github.pixverse4j.api.internal.DurationText;
import io.github.pixverse4j.client.PollingPolicy;
import io.github.pixverse4j.client.VideoClient;
import io.github.pixverse4j.simulator.DecodedRequest;
import io.github.pixverse4j.simulator.Fault;
import io.github.pixverse4j.simulator.Lifecycle;
import io.github.pixverse4j.simulator.ProviderSimulator;
import io.github.pixverse4j.simulator.RecordedRequest;
import io.github.pixverse4j.simulator.SimJob;
import io.reactivex.rxjava3.core.Observable;
import io.reactivex.rxjava3.observers.TestObserver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The behaviour every provider module must show, run against the provider's simulator. Extend it in
 * your provider's tests and supply the simulator and a client for it; see the testkit README.
 *
 * <p>Conventions the simulator must follow: the endpoint that creates a job is named {@code
 * "submit"}, the status poll {@code "status"} (and, where the protocol has them, {@code "result"},
 * {@code "cancel"} and {@code "upload"}); jobs follow {@link ProviderSimulator#nextJobs}; a
 * successful job's video is {@link ProviderSimulator#videoUrl(String)} of its job id.
 *
 * <p>Tests that need a capability or trait the provider lacks are skipped, saying which.
 */
public abstract class VideoProviderContract {
  /** The API key the simulator accepts. */
  protected static final String API_KEY = "contract-key-7f3a9c1e5b";

  /** The simulator of the current test; started before each test and closed after. */
  protected ProviderSimulator simulator;

  /** A client for {@link #simulator} with {@link #API_KEY} and {@link #fastPolicy()}. */
  protected VideoClient client;

  /** Returns a new, started simulator of the provider under test that accepts {@code apiKey}. */
  protected abstract ProviderSimulator startSimulator(String apiKey);

  /** Returns a client of the provider under test, pointed at {@code simulator.baseUrl()}. */
  protected abstract VideoClient createClient(
      ProviderSimulator simulator, String apiKey, PollingPolicy policy);

  /**
   * A complete, 200 status answer of this protocol whose status value no client can know (such as
   * {@code {"status":"TELEPORTING"}}), served on the {@code "status"} endpoint.
   */
  protected abstract String unknownStatusBody();

  /** What the protocol reports besides states. */
  protected ContractTraits traits() {
    return ContractTraits.statesOnly();
  }

  /** A request the provider accepts. By default a public image URL and a short prompt. */
  protected ImageToVideoRequest validRequest() {
    return ImageToVideoRequest.builder()
        .image(ImageInput.url("https://example.com/images/cat.png"))
        .prompt("the cat turns its head and smiles")
        .build();
  }

  /** The seed {@link #requestWithEveryOptionalSetting()} asks for: no provider's default. */
  static final long DISTINCTIVE_SEED = 424242L;

  /**
   * A valid request that sets every optional setting the capabilities allow, each to a distinctive
   * value (never the provider's declared default, nor a value a provider would send by accident:
   * seed {@value #DISTINCTIVE_SEED}, a duration away from the common 5 and 10 s and from the
   * range's ends where possible, the least common quality), so that the simulator sees, and the
   * contract checks, every wire value the provider writes. Settings are added one at a time, each
   * with the first value that keeps the request valid (cross-field {@link
   * ProviderCapabilities#constraints() constraints} included).
   */
  protected ImageToVideoRequest requestWithEveryOptionalSetting() {
    ProviderCapabilities c = caps();
    ImageToVideoRequest request = validRequest();
    List<Quality> qualities = new ArrayList<>(c.qualities());
    List<Quality> rarest = java.util.Arrays.asList(Quality.P360, Quality.P1080, Quality.P540);
    qualities.sort(
        java.util.Comparator.<Quality, Boolean>comparing(
                q -> c.defaultQuality().map(q::equals).orElse(false))
            .thenComparing(q -> rarest.contains(q) ? rarest.indexOf(q) : rarest.size()));
    for (Quality q : qualities) {
      request = firstValid(c, request, r -> r.quality(q));
      if (request.quality().isPresent()) break;
    }
    List<Integer> durations = new ArrayList<>(c.durationsSeconds());
    durations.sort(
        java.util.Comparator.<Integer, Boolean>comparing(
                d -> c.defaultDurationSeconds().map(d::equals).orElse(false))
            .thenComparing(d -> d == 5 || d == 10)
            .thenComparing(
                d ->
                    d.equals(c.durationsSeconds().first()) || d.equals(c.durationsSeconds().last()))
            .thenComparing(java.util.Comparator.<Integer>reverseOrder()));
    for (Integer d : durations) {
      request = firstValid(c, request, r -> r.durationSeconds(d));
      if (request.duration().isPresent()) break;
    }
    if (c.maxNegativePromptLength().isPresent())
      request = firstValid(c, request, r -> r.negativePrompt("blurry, seven red birds, watermark"));
    if (c.supportsSeed()) request = firstValid(c, request, r -> r.seed(DISTINCTIVE_SEED));
    if (c.supportsAudio()) request = firstValid(c, request, r -> r.audio(true));
    if (c.supportsMultiClip()) request = firstValid(c, request, r -> r.multiClip(true));
    if (c.supportsCfgScale()) request = firstValid(c, request, r -> r.cfgScale(0.35));
    if (c.supportsThinkingType()) request = firstValid(c, request, r -> r.thinkingType("enabled"));
    for (String style : new java.util.TreeSet<>(c.styles()).descendingSet()) {
      request = firstValid(c, request, r -> r.style(style));
      if (request.style().isPresent()) break;
    }
    List<MotionMode> modes = new ArrayList<>(c.motionModes());
    java.util.Collections.reverse(modes);
    for (MotionMode m : modes) {
      request = firstValid(c, request, r -> r.motionMode(m));
      if (request.motionMode().isPresent()) break;
    }
    if (c.supportsFastMode()) request = firstValid(c, request, r -> r.fastMode(true));
    if (c.supportsTemplateId()) request = firstValid(c, request, r -> r.templateId("318"));
    List<io.github.pixverse4j.api.Model> models = new ArrayList<>(c.models());
    models.sort(java.util.Comparator.comparing(io.github.pixverse4j.api.Model::name));
    for (io.github.pixverse4j.api.Model m : models) {
      request = firstValid(c, request, r -> r.model(m));
      if (request.model().isPresent()) break;
    }
    return request;
  }

  /** {@code request} with {@code setting} when the result is valid, else {@code request}. */
  private static ImageToVideoRequest firstValid(
      ProviderCapabilities c,
      ImageToVideoRequest request,
      java.util.function.Consumer<ImageToVideoRequest.Builder> setting) {
    ImageToVideoRequest.Builder b = ImageToVideoRequest.builder();
    b.from(request);
    setting.accept(b);
    ImageToVideoRequest candidate = b.build();
    return c.validate(candidate).isEmpty() ? candidate : request;
  }

  /** How long any one stream may take, in real time, before the test fails. Default 15 s. */
  protected Duration streamTimeout() {
    return Duration.ofSeconds(15);
  }

  /**
   * Short intervals so the whole contract runs in seconds; no jitter: {@link FastPolling#policy()}.
   */
  protected PollingPolicy fastPolicy() {
    return FastPolling.policy();
  }

  @BeforeEach
  void startContract() {
    simulator = startSimulator(API_KEY);
    client = createClient(simulator, API_KEY, fastPolicy());
  }

  /**
   * Fails the test during which the simulator's handler threw (it answered 500 instead, which the
   * client may have retried or reported as a provider error): a bug in the simulator or a request
   * it cannot read, either way not a passing test. The first failure is the cause, so its stack
   * trace is in the report.
   */
  @AfterEach
  void stopContract() {
    if (simulator == null) return;
    try {
      List<Throwable> failures = simulator.handlerFailures();
      if (!failures.isEmpty()) {
        AssertionError e =
            new AssertionError(
                "The simulator's handler threw "
                    + failures.size()
                    + " time(s) during this test (each answered 500); first: "
                    + failures.get(0)
                    + "\n  requests: "
                    + requestLog()
                    + "\n"
                    + "  If this fails, fix the simulator, or the request it could not handle (see"
                    + " the cause's stack trace).",
                failures.get(0));
        for (Throwable other : failures.subList(1, failures.size())) e.addSuppressed(other);
        throw e;
      }
    } finally {
      simulator.close();
    }
  }

  // ---------------------------------------------------------------------------------------------

  /** Runs {@code stream} to its end and returns its observer (values and terminal event). */
  protected TestObserver<TaskStatus> runToEnd(Observable<TaskStatus> stream) {
    TestObserver<TaskStatus> obs = stream.test();
    try {
      if (!obs.await(streamTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
        obs.dispose();
        throw new AssertionError(
            "The stream did not end within "
                + DurationText.of(streamTimeout())
                + "; statuses so far: "
                + describe(obs.values())
                + ". If this fails, check that terminal states are mapped and that the stream"
                + " completes.");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    return obs;
  }

  /** The error of a finished stream, or {@code null} when it completed. */
  protected static Throwable errorOf(TestObserver<?> obs) {
    List<Throwable> seen = new ArrayList<>();
    if (obs.values().isEmpty() && !isTerminated(obs)) return null;
    try {
      obs.assertError(e -> seen.add(e));
    } catch (AssertionError notAnError) {
      return null;
    }
    return seen.isEmpty() ? null : seen.get(0);
  }

  private static boolean isTerminated(TestObserver<?> obs) {
    try {
      obs.assertNotComplete();
      obs.assertNoErrors();
      return false;
    } catch (AssertionError e) {
      return true;
    }
  }

  private List<TaskStatus> completedStatuses(TestObserver<TaskStatus> obs, String expectation) {
    Throwable error = errorOf(obs);
    if (error != null) {
      throw new AssertionError(
          expectation
              + ", but the stream failed with "
              + error
              + "\n  statuses: "
              + describe(obs.values())
              + "\n  requests: "
              + requestLog(),
          error);
    }
    return obs.values();
  }

  private <T extends Throwable> T expectError(
      TestObserver<TaskStatus> obs, Class<T> type, String expectation, String hint) {
    Throwable error = errorOf(obs);
    if (!type.isInstance(error)) {
      throw new AssertionError(
          expectation
              + "; expected "
              + type.getSimpleName()
              + " but got "
              + (error == null ? "completion with " + describe(obs.values()) : error.toString())
              + "\n  requests: "
              + requestLog()
              + "\n  If this fails, check "
              + hint,
          error);
    }
    return type.cast(error);
  }

  /** The recorded requests, one per line, with no header values (so no key). */
  protected String requestLog() {
    return simulator.requests().stream()
        .map(RecordedRequest::toString)
        .collect(Collectors.joining("\n    ", "\n    ", ""));
  }

  private static String describe(List<TaskStatus> statuses) {
    return statuses.stream()
        .map(
            s ->
                s.state()
                    + s.queuePosition().map(p -> "@" + p).orElse("")
                    + s.progressPercent().map(p -> " " + p + "%").orElse(""))
        .collect(Collectors.joining(" → ", "[", "]"));
  }

  private void assertNothingSent(String what) {
    assertThat(simulator.requests())
        .withFailMessage(
            "%s must be rejected before any request (it would cost credits), but the simulator"
                + " received:%s%n  If this fails, check that the limit is declared in"
                + " capabilities().",
            what, requestLog())
        .isEmpty();
  }

  private SimJob onlyJob() {
    assertThat(simulator.jobs())
        .withFailMessage(
            "expected exactly one job at the simulator, found %d; requests:%s",
            simulator.jobCount(), requestLog())
        .hasSize(1);
    return simulator.jobs().get(0);
  }

  private ProviderCapabilities caps() {
    return client.capabilities();
  }

  private InvalidRequestException expectInvalid(ImageToVideoRequest request, String what) {
    TestObserver<TaskStatus> obs = client.generate(request).test();
    InvalidRequestException e =
        expectError(
            obs,
            InvalidRequestException.class,
            what + " should be refused",
            "the limits in capabilities()");
    assertNothingSent(what);
    return e;
  }

  /**
   * Waits for {@code c} and returns its error, or {@code null} when it completed; fails when it did
   * not end within {@link #streamTimeout()}.
   */
  private Throwable await(io.reactivex.rxjava3.core.Completable c) {
    boolean ended;
    try {
      ended = c.blockingAwait(streamTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (RuntimeException e) {
      return e;
    }
    if (!ended) {
      throw new AssertionError("The call did not end within " + streamTimeout());
    }
    return null;
  }

  private static String repeat(char c, int n) {
    StringBuilder b = new StringBuilder(n);
    for (int i = 0; i < n; i++) b.append(c);
    return b.toString();
  }

  // ---------------------------------------------------------------------------------------------

  @Nested
  @DisplayName("submission")
  class Submission {
    @Test
    @DisplayName(
        "required: a valid request is accepted and the first emission is QUEUED with a handle whose"
            + " token round-trips")
    void firstEmissionIsQueued() {
      TestObserver<TaskStatus> obs = runToEnd(client.generate(validRequest()));
      List<TaskStatus> statuses = completedStatuses(obs, "a valid request should run to its end");
      TaskStatus first = statuses.get(0);
      assertThat(first.state()).as("first emission").isEqualTo(TaskState.QUEUED);
      TaskHandle h = first.handle();
      assertThat(h.providerId()).as("handle provider id").isEqualTo(client.providerId());
      assertThat(TaskHandle.parse(h.token())).as("handle parsed from its token").isEqualTo(h);
      assertThat(simulator.requestCount("submit")).as("submit requests").isEqualTo(1);
      assertThat(simulator.jobCount()).as("jobs created").isEqualTo(1);
    }

    @Test
    @DisplayName(
        "required: a request with every optional setting the capabilities allow is accepted by the"
            + " simulator, which knows the provider's exact wire values, and runs to SUCCEEDED")
    void everyOptionalSetting() {
      ImageToVideoRequest request = requestWithEveryOptionalSetting();
      List<TaskStatus> statuses =
          completedStatuses(
              runToEnd(client.generate(request)),
              "a request with every optional setting the capabilities allow ("
                  + request
                  + ") should be accepted; if the simulator refused it, check how the provider"
                  + " writes each setting on the wire (units, labels, types)");
      assertThat(statuses.get(statuses.size() - 1).state())
          .as("last state of %s", describe(statuses))
          .isEqualTo(TaskState.SUCCEEDED);
      assertThat(simulator.requestCount("submit")).as("submit requests").isEqualTo(1);
      assertThat(simulator.jobCount()).as("jobs created").isEqualTo(1);
    }

    @Test
    @DisplayName("required: submit() returns the handle without polling")
    void submitOnly() {
      TaskHandle h = client.submit(validRequest()).blockingGet();
      assertThat(h.providerId()).isEqualTo(client.providerId());
      assertThat(simulator.requestCount("status")).as("status polls after submit()").isZero();
      assertThat(simulator.jobCount()).isEqualTo(1);
    }
  }

  @Nested
  @DisplayName("lifecycle")
  class LifecycleGroup {
    @Test
    @DisplayName(
        "required: a job that queues, runs and succeeds is followed to SUCCEEDED with its video,"
            + " then the stream completes")
    void succeeds() {
      simulator.nextJobs(Lifecycle.builder().queued(2, 3).running(30, 60, 90).succeeded());
      List<TaskStatus> statuses =
          completedStatuses(
              runToEnd(client.generate(validRequest())),
              "a job that succeeds should complete the stream");
      List<TaskState> states =
          statuses.stream().map(TaskStatus::state).distinct().collect(Collectors.toList());
      assertThat(states)
          .as("states in order, %s", describe(statuses))
          .containsExactly(TaskState.QUEUED, TaskState.RUNNING, TaskState.SUCCEEDED);
      TaskStatus last = statuses.get(statuses.size() - 1);
      assertThat(last.videos()).as("videos of the SUCCEEDED status").isNotEmpty();
      SimJob job = onlyJob();
      assertThat(last.videos().get(0).url().toString())
          .as(
              "video URL (if this fails, check the success mapping reads the provider's video URL"
                  + " field)")
          .isEqualTo(simulator.videoUrl(job.id()));
      for (int i = 1; i < statuses.size(); i++) {
        assertThat(statuses.get(i).sameProgressAs(statuses.get(i - 1)))
            .as("status %d repeats status %d: %s", i, i - 1, describe(statuses))
            .isFalse();
      }
    }

    @Test
    @DisplayName("optional (queue position): the queue position is reported while queued")
    void queuePosition() {
      assumeTrue(traits().reportsQueuePosition(), "needs trait: reportsQueuePosition");
      simulator.nextJobs(Lifecycle.builder().queued(3, 3).running(50).succeeded());
      List<TaskStatus> statuses =
          completedStatuses(runToEnd(client.generate(validRequest())), "the job should succeed");
      assertThat(statuses)
          .as("statuses %s", describe(statuses))
          .anySatisfy(
              s -> {
                assertThat(s.state()).isEqualTo(TaskState.QUEUED);
                assertThat(s.queuePosition()).isPresent();
              });
    }

    @Test
    @DisplayName("optional (progress): progress is reported while running, in order")
    void progress() {
      assumeTrue(traits().reportsProgress(), "needs trait: reportsProgress");
      simulator.nextJobs(Lifecycle.builder().queued(1).running(30, 60, 90).succeeded());
      List<TaskStatus> statuses =
          completedStatuses(runToEnd(client.generate(validRequest())), "the job should succeed");
      List<Integer> progress =
          statuses.stream()
              .filter(s -> s.state() == TaskState.RUNNING)
              .map(s -> s.progressPercent().orElse(-1))
              .collect(Collectors.toList());
      assertThat(progress)
          .as(
              "trait reportsProgress: the simulator reported progress 30, 60 and 90 %% while"
                  + " RUNNING, so the client's RUNNING statuses must carry progressPercent 30, 60,"
                  + " 90, in that order (-1 below = a RUNNING status without progressPercent: map"
                  + " the provider's progress field, or leave out ContractTraits.withProgress() if"
                  + " the provider reports none); statuses: %s",
              describe(statuses))
          .containsExactly(30, 60, 90);
    }

    @Test
    @DisplayName(
        "required: a job that fails ends FAILED with a reason (not MODERATION), then the stream"
            + " completes")
    void fails() {
      simulator.nextJobs(Lifecycle.builder().queued(1).running(40).failed("the generator broke"));
      List<TaskStatus> statuses =
          completedStatuses(
              runToEnd(client.generate(validRequest())), "a FAILED task is data, not an error");
      TaskStatus last = statuses.get(statuses.size() - 1);
      assertThat(last.state())
          .as("last state of %s", describe(statuses))
          .isEqualTo(TaskState.FAILED);
      assertThat(last.failure().get().category()).isNotEqualTo(FailureCategory.MODERATION);
      assertThat(last.failure().get().message()).isNotBlank();
    }

    @Test
    @DisplayName(
        "required unless the protocol has no moderation signal: a job refused by moderation ends"
            + " FAILED with category MODERATION")
    void moderated() {
      assumeTrue(
          traits().reportsModeration(),
          "needs trait: a moderation signal (declared absent: withoutModerationSignal())");
      simulator.nextJobs(Lifecycle.builder().queued(1).moderated("sensitive content"));
      List<TaskStatus> statuses =
          completedStatuses(
              runToEnd(client.generate(validRequest())), "a moderated task is data, not an error");
      TaskStatus last = statuses.get(statuses.size() - 1);
      assertThat(last.state())
          .as("last state of %s", describe(statuses))
          .isEqualTo(TaskState.FAILED);
      assertThat(last.failure().get().category())
          .as(
              "failure category (if this fails, check the mapping of the provider's moderation"
                  + " status/code)")
          .isEqualTo(FailureCategory.MODERATION);
    }

    @Test
    @DisplayName("optional (cancelled state): a job cancelled at the provider ends CANCELLED")
    void cancelledState() {
      assumeTrue(traits().reportsCancelled(), "needs trait: reportsCancelled");
      simulator.nextJobs(Lifecycle.builder().queued(1).cancelled());
      List<TaskStatus> statuses =
          completedStatuses(runToEnd(client.generate(validRequest())), "a cancelled task is data");
      assertThat(statuses.get(statuses.size() - 1).state()).isEqualTo(TaskState.CANCELLED);
    }
  }

  /** The simulator's job of the task {@code h} names. */
  private SimJob jobOf(TaskHandle h) {
    SimJob job = simulator.job(h.taskId());
    assertThat(job)
        .withFailMessage(
            "the simulator has no job %s (the handle's task id); jobs: %s",
            h.taskId(), simulator.jobs())
        .isNotNull();
    return job;
  }

  /**
   * The decoded view of {@code job}'s request; fails, saying how to add one, when there is none.
   */
  private DecodedRequest decodedOf(SimJob job) {
    return job.decoded()
        .orElseThrow(
            () ->
                new AssertionError(
                    "The simulator reports no decoded view of the request (SimJob.decoded() is"
                        + " empty), so the contract cannot check that the settings arrived. If this"
                        + " fails, decode the accepted body into a DecodedRequest and create the"
                        + " job with createJob(id, body, decoded) (simulator README, \"Report what"
                        + " the request meant\")."));
  }

  private void assertIntact(
      String what,
      java.util.function.Function<DecodedRequest.Setting, java.util.Optional<Object>> asked,
      SimJob job) {
    DecodedRequest decoded = decodedOf(job);
    List<String> problems =
        WireCheck.problems(
            caps(), asked, decoded, java.util.Arrays.asList(DecodedRequest.Setting.values()));
    assertThat(problems)
        .withFailMessage(
            "%s did not arrive as sent:%n    %s%n  the simulator read: %s%n  requests:%s%n  If this"
                + " fails, check how the provider writes each setting on the wire (a dropped or"
                + " altered value, a setting the capabilities do not declare), or how the"
                + " simulator decodes it.",
            what, String.join("\n    ", problems), decoded, requestLog())
        .isEmpty();
  }

  /**
   * What the provider's requests meant at the simulator ({@link SimJob#decoded()}): a setting
   * accepted is not a setting arrived, since a missing optional field is valid.
   */
  @Nested
  @DisplayName("wire (what each request meant at the simulator)")
  class Wire {
    private void submitAndCheck(ImageToVideoRequest request) {
      TaskHandle h = client.submit(request).blockingGet();
      assertIntact("The request " + request, s -> s.of(request), jobOf(h));
    }

    @Test
    @DisplayName(
        "required: a request with every optional setting the capabilities accept, at distinctive"
            + " values, arrives intact (each setting as the simulator decoded it); nothing the"
            + " capabilities refuse is sent")
    void everySettingArrives() {
      submitAndCheck(requestWithEveryOptionalSetting());
    }

    @Test
    @DisplayName(
        "required: a minimal request sends its image and prompt as given and nothing the"
            + " capabilities refuse")
    void minimalRequestArrives() {
      submitAndCheck(validRequest());
    }

    @Test
    @DisplayName(
        "optional (extend of a task): an extend's source task and every setting it accepts arrive"
            + " intact")
    void extendArrives() {
      assumeTrue(caps().supportsExtend(), "needs capability: supportsExtend");
      assumeTrue(
          caps().extendSourceKinds().contains(VideoSource.Kind.TASK),
          "needs extend source kind " + VideoSource.Kind.TASK);
      List<TaskStatus> first =
          completedStatuses(runToEnd(client.generate(validRequest())), "a normal job");
      TaskHandle earlier = first.get(first.size() - 1).handle();
      ImageToVideoRequest all = requestWithEveryOptionalSetting();
      ExtendVideoRequest request =
          ExtendVideoRequest.builder()
              .source(VideoSource.task(earlier))
              .prompt("and then it jumps")
              .build();
      List<java.util.function.Consumer<ExtendVideoRequest.Builder>> settings = new ArrayList<>();
      all.negativePrompt().ifPresent(v -> settings.add(b -> b.negativePrompt(v)));
      all.duration().ifPresent(v -> settings.add(b -> b.duration(v)));
      all.quality().ifPresent(v -> settings.add(b -> b.quality(v)));
      all.seed().ifPresent(v -> settings.add(b -> b.seed(v)));
      all.style().ifPresent(v -> settings.add(b -> b.style(v)));
      all.motionMode().ifPresent(v -> settings.add(b -> b.motionMode(v)));
      all.model().ifPresent(v -> settings.add(b -> b.model(v)));
      all.templateId().ifPresent(v -> settings.add(b -> b.templateId(v)));
      for (java.util.function.Consumer<ExtendVideoRequest.Builder> setting : settings) {
        ExtendVideoRequest.Builder b = ExtendVideoRequest.builder().from(request);
        setting.accept(b);
        ExtendVideoRequest candidate = b.build();
        if (caps().validate(candidate).isEmpty()) request = candidate;
      }
      ExtendVideoRequest extend = request;
      TaskHandle h = client.submit(extend).blockingGet();
      assertIntact("The extend " + extend, s -> s.of(extend), jobOf(h));
    }
  }

  /**
   * The provider's mapping of single status reads, one lifecycle phase at a time: the stream's own
   * first QUEUED emission and its removal of repeats cannot hide a wrong mapping here.
   */
  @Nested
  @DisplayName("status reads (each phase the simulator shows maps to its state)")
  class StatusReads {
    /**
     * Submits a job following {@code lifecycle} and reads its status through the client one read at
     * a time until the simulator showed a terminal phase; fails listing every read whose mapping is
     * wrong. Returns the phases read, in order.
     */
    private List<io.github.pixverse4j.simulator.JobPhase> readEachPhase(Lifecycle lifecycle) {
      simulator.nextJobs(lifecycle);
      TaskHandle h = client.submit(validRequest()).blockingGet();
      SimJob job = jobOf(h);
      List<io.github.pixverse4j.simulator.JobPhase> phases = new ArrayList<>();
      List<String> problems = new ArrayList<>();
      List<String> reads = new ArrayList<>();
      for (int i = 1; i <= 20; i++) {
        long before = job.reads();
        TaskStatus status =
            client
                .status(h)
                .timeout(streamTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .blockingGet();
        io.github.pixverse4j.simulator.JobPhase phase =
            job.lastObserved()
                .orElseThrow(
                    () ->
                        new AssertionError(
                            "A status read through the provider did not read the job at the"
                                + " simulator (no SimJob.observe()); requests:"
                                + requestLog()));
        if (job.reads() == before) {
          throw new AssertionError(
              "Status read "
                  + i
                  + " did not reach the simulator's status endpoint; requests:"
                  + requestLog());
        }
        phases.add(phase);
        String line =
            "read "
                + i
                + ": the simulator showed "
                + phase
                + ", the provider mapped "
                + describe(java.util.Collections.singletonList(status));
        reads.add(line);
        String problem =
            WireCheck.mappingProblem(phase, status, traits(), simulator.videoUrl(job.id()));
        if (problem != null) problems.add(line + ": " + problem);
        if (phase.isTerminal()) break;
      }
      assertThat(problems)
          .withFailMessage(
              "Status reads mapped wrongly (traits %s):%n    %s%n  every read:%n    %s%n  If this"
                  + " fails, check the status mapping of each value the protocol shows.",
              traits(), String.join("\n    ", problems), String.join("\n    ", reads))
          .isEmpty();
      return phases;
    }

    @Test
    @DisplayName(
        "required: read one at a time, each queued phase maps to QUEUED (with its position where"
            + " reported), each running phase to RUNNING (with its progress where reported), and"
            + " success to SUCCEEDED with the video")
    void eachPhaseMaps() {
      List<io.github.pixverse4j.simulator.JobPhase> phases =
          readEachPhase(Lifecycle.builder().queued(2, 3).running(30, 60, 90).succeeded());
      assertThat(phases)
          .as("phases read, one per status read")
          .extracting(io.github.pixverse4j.simulator.JobPhase::state)
          .containsExactly(
              io.github.pixverse4j.simulator.JobState.QUEUED,
              io.github.pixverse4j.simulator.JobState.QUEUED,
              io.github.pixverse4j.simulator.JobState.RUNNING,
              io.github.pixverse4j.simulator.JobState.RUNNING,
              io.github.pixverse4j.simulator.JobState.RUNNING,
              io.github.pixverse4j.simulator.JobState.SUCCEEDED);
    }

    @Test
    @DisplayName(
        "required: a failed phase maps to FAILED (not MODERATION), a moderated one to FAILED"
            + " (MODERATION unless the protocol has no moderation signal)")
    void failedPhasesMap() {
      readEachPhase(Lifecycle.builder().queued(1).running(40).failed("the generator broke"));
      readEachPhase(Lifecycle.builder().queued(1).moderated("sensitive content"));
    }

    @Test
    @DisplayName("optional (cancelled state): a cancelled phase maps to CANCELLED")
    void cancelledPhaseMaps() {
      assumeTrue(traits().reportsCancelled(), "needs trait: reportsCancelled");
      readEachPhase(Lifecycle.builder().queued(1).cancelled());
    }
  }

  @Nested
  @DisplayName("resume")
  class Resume {
    @Test
    @DisplayName(
        "required: a fresh client resumes the same job from its token and follows it to the end")
    void resume() {
      simulator.nextJobs(Lifecycle.builder().queued(1).running(50).succeeded());
      String token = client.submit(validRequest()).blockingGet().token();
      VideoClient fresh = createClient(simulator, API_KEY, fastPolicy());
      List<TaskStatus> statuses =
          completedStatuses(
              runToEnd(fresh.watch(TaskHandle.parse(token))),
              "watching a stored token should follow the job");
      assertThat(statuses.get(statuses.size() - 1).state()).isEqualTo(TaskState.SUCCEEDED);
      assertThat(statuses).allSatisfy(s -> assertThat(s.handle().token()).isEqualTo(token));
      assertThat(simulator.requestCount("submit")).as("submits").isEqualTo(1);
    }
  }

  @Nested
  @DisplayName("validation (nothing is sent)")
  class Validation {
    @Test
    @DisplayName("required: a prompt over the limit is rejected")
    void promptTooLong() {
      InvalidRequestException e =
          expectInvalid(
              ImageToVideoRequest.builder()
                  .from(validRequest())
                  .prompt(repeat('a', caps().maxPromptLength() + 1))
                  .build(),
              "a prompt over the limit");
      assertThat(e.violations()).extracting(Violation::field).contains("prompt");
      assertThat(e.getMessage()).contains(Integer.toString(caps().maxPromptLength()));
    }

    @Test
    @DisplayName("required: a duration outside the accepted ones is rejected")
    void duration() {
      int bad = caps().durationsSeconds().isEmpty() ? 5 : caps().durationsSeconds().last() + 1;
      InvalidRequestException e =
          expectInvalid(
              ImageToVideoRequest.builder().from(validRequest()).durationSeconds(bad).build(),
              "a duration of " + bad + " s");
      assertThat(e.violations()).extracting(Violation::field).contains("duration");
    }

    @Test
    @DisplayName("optional (a quality the model lacks): an unavailable quality is rejected")
    void quality() {
      EnumSet<Quality> missing = EnumSet.allOf(Quality.class);
      missing.removeAll(caps().qualities());
      assumeTrue(!missing.isEmpty(), "needs capability: a quality the model does not offer");
      expectInvalid(
          ImageToVideoRequest.builder()
              .from(validRequest())
              .quality(missing.iterator().next())
              .build(),
          "quality " + missing.iterator().next());
    }

    @Test
    @DisplayName(
        "required: a seed outside 0..2147483647 (or any seed, when unsupported) is rejected")
    void seed() {
      long bad = caps().supportsSeed() ? ProviderCapabilities.MAX_SEED + 1 : 1;
      InvalidRequestException e =
          expectInvalid(
              ImageToVideoRequest.builder().from(validRequest()).seed(bad).build(), "seed " + bad);
      assertThat(e.violations()).extracting(Violation::field).contains("seed");
    }

    @Test
    @DisplayName(
        "optional (an image kind not accepted): a local file is rejected when only URLs are"
            + " accepted")
    void imageKind() {
      ImageInput.Kind kind =
          !caps().imageKinds().contains(ImageInput.Kind.FILE)
              ? ImageInput.Kind.FILE
              : !caps().imageKinds().contains(ImageInput.Kind.URL) ? ImageInput.Kind.URL : null;
      assumeTrue(
          kind != null, "needs capability: an image input kind the provider does not accept");
      ImageInput image =
          kind == ImageInput.Kind.FILE
              ? ImageInput.file(Paths.get("does-not-matter.png"))
              : ImageInput.url("https://example.com/cat.png");
      InvalidRequestException e =
          expectInvalid(
              ImageToVideoRequest.builder().from(validRequest()).image(image).build(),
              "an image given as " + kind);
      assertThat(e.violations()).extracting(Violation::field).contains("image");
    }

    @Test
    @DisplayName("required: every unsupported optional setting is rejected, all in one error")
    void unsupportedFields() {
      ProviderCapabilities c = caps();
      ImageToVideoRequest.Builder b = ImageToVideoRequest.builder().from(validRequest());
      List<String> expected = new ArrayList<>();
      if (!c.maxNegativePromptLength().isPresent()) {
        b.negativePrompt("blurry");
        expected.add("negativePrompt");
      }
      if (!c.supportsAudio()) {
        b.audio(true);
        expected.add("audio");
      }
      if (!c.supportsMultiClip()) {
        b.multiClip(true);
        expected.add("multiClip");
      }
      if (!c.supportsCfgScale()) {
        b.cfgScale(0.5);
        expected.add("cfgScale");
      }
      if (!c.supportsThinkingType()) {
        b.thinkingType("auto");
        expected.add("thinkingType");
      }
      if (c.styles().isEmpty()) {
        b.style("anime");
        expected.add("style");
      }
      if (c.motionModes().isEmpty()) {
        b.motionMode(MotionMode.FAST);
        expected.add("motionMode");
      }
      if (!c.supportsFastMode()) {
        b.fastMode(true);
        expected.add("fastMode");
      }
      if (!c.supportsTemplateId()) {
        b.templateId("123");
        expected.add("templateId");
      }
      assumeTrue(
          !expected.isEmpty(), "needs capability: at least one unsupported optional setting");
      InvalidRequestException e = expectInvalid(b.build(), "unsupported settings " + expected);
      assertThat(e.violations()).extracting(Violation::field).containsAll(expected);
    }
  }

  @Nested
  @DisplayName("cancellation")
  class Cancellation {
    @Test
    @DisplayName("optional (cancel): cancel reaches the provider")
    void cancelReachesServer() {
      assumeTrue(caps().supportsCancel(), "needs capability: supportsCancel");
      simulator.nextJobs(Lifecycle.builder().queued(1).runningFor(1000).succeeded());
      TaskHandle h = client.submit(validRequest()).blockingGet();
      Throwable error = await(client.cancel(h));
      assertThat(error).as("cancel error").isNull();
      assertThat(simulator.requestCount("cancel")).as("cancel requests").isGreaterThanOrEqualTo(1);
      assertThat(onlyJob().cancelRequested()).as("job cancel requested at the simulator").isTrue();
      if (traits().reportsCancelled()) {
        List<TaskStatus> statuses =
            completedStatuses(runToEnd(client.watch(h)), "a cancelled job is data");
        assertThat(statuses.get(statuses.size() - 1).state()).isEqualTo(TaskState.CANCELLED);
      }
    }

    @Test
    @DisplayName(
        "optional (no cancel): cancel fails at once with UnsupportedFeatureException and sends"
            + " nothing")
    void cancelUnsupported() {
      assumeTrue(!caps().supportsCancel(), "applies only to providers without cancel");
      TaskHandle h = TaskHandle.of(client.providerId(), caps().model(), "some-task");
      Throwable error = await(client.cancel(h));
      assertThat(error).isInstanceOf(UnsupportedFeatureException.class);
      assertNothingSent("cancel without a cancel endpoint");
    }
  }

  @Nested
  @DisplayName("faults")
  class Faults {
    private List<RecordedRequest> statusRequests() {
      return simulator.requests("status");
    }

    @Test
    @DisplayName(
        "required: a status poll answered 429 with Retry-After waits that long, then polling"
            + " continues")
    void retryAfterOnStatus() {
      simulator.nextJobs(Lifecycle.builder().queued(1).running(50).succeeded());
      simulator
          .faults()
          .on("status")
          .call(1)
          .respond(Fault.status(429, "{}").withHeader("Retry-After", "1"));
      List<TaskStatus> statuses =
          completedStatuses(
              runToEnd(client.generate(validRequest())),
              "a 429 on a status poll should be retried");
      assertThat(statuses.get(statuses.size() - 1).state()).isEqualTo(TaskState.SUCCEEDED);
      List<RecordedRequest> polls = statusRequests();
      Duration gap = Duration.between(polls.get(0).receivedAt(), polls.get(1).receivedAt());
      assertThat(gap)
          .as(
              "time between the 429 and the next poll (if this fails, check that the provider"
                  + " passes Retry-After into RateLimitedException)")
          .isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    @Test
    @DisplayName("required: status polls answered 500 and 503 are retried")
    void serverErrorsOnStatus() {
      simulator.nextJobs(Lifecycle.builder().queued(1).running(50).succeeded());
      simulator
          .faults()
          .on("status")
          .call(1)
          .respond(Fault.status(500, "{}"), Fault.status(503, "{}"));
      List<TaskStatus> statuses =
          completedStatuses(
              runToEnd(client.generate(validRequest())), "5xx on status polls should be retried");
      assertThat(statuses.get(statuses.size() - 1).state()).isEqualTo(TaskState.SUCCEEDED);
    }

    @Test
    @DisplayName("required: a status poll whose connection drops is retried")
    void droppedStatus() {
      simulator.faults().on("status").call(1).respond(Fault.dropBeforeRead());
      List<TaskStatus> statuses =
          completedStatuses(
              runToEnd(client.generate(validRequest())),
              "a dropped connection on a status poll should be retried");
      assertThat(statuses.get(statuses.size() - 1).state()).isEqualTo(TaskState.SUCCEEDED);
    }

    @Test
    @DisplayName(
        "required: a wrong API key fails with AuthenticationException at once, without retries")
    void wrongKey() {
      String wrong = "wrong-key-0123456789";
      VideoClient bad = createClient(simulator, wrong, fastPolicy());
      TestObserver<TaskStatus> obs = runToEnd(bad.generate(validRequest()));
      AuthenticationException e =
          expectError(obs, AuthenticationException.class, "a wrong key", "the 401/403 mapping");
      assertThat(simulator.requests()).as("requests with a wrong key").hasSize(1);
      assertThat(e.getMessage()).doesNotContain(wrong).doesNotContain(API_KEY);
    }

    @Test
    @DisplayName(
        "required: a status poll answered 403 fails with AuthenticationException carrying the"
            + " handle, without retries")
    void forbiddenOnStatus() {
      simulator.faults().on("status").always(Fault.status(403, "{}"));
      TestObserver<TaskStatus> obs = runToEnd(client.generate(validRequest()));
      AuthenticationException e =
          expectError(
              obs, AuthenticationException.class, "a 403 on a status poll", "the 401/403 mapping");
      assertThat(e.handle()).as("handle on the error").isPresent();
      assertThat(statusRequests()).as("status polls").hasSize(1);
    }

    @Test
    @DisplayName(
        "required: status polls answered with something that is not JSON (HTML, empty, cut off) are"
            + " retried")
    void unreadableStatusRetried() {
      simulator.nextJobs(Lifecycle.builder().queued(1).running(50).succeeded());
      simulator
          .faults()
          .on("status")
          .call(1)
          .respond(Fault.wrongContentType(), Fault.emptyBody(200), Fault.malformedJson());
      List<TaskStatus> statuses =
          completedStatuses(
              runToEnd(client.generate(validRequest())),
              "a gateway's HTML page, an empty or a cut-off body on a status poll should be retried"
                  + " (check that JSON errors are mapped by ErrorMappingCallAdapterFactory, which"
                  + " marks them unreadable)");
      assertThat(statuses.get(statuses.size() - 1).state()).isEqualTo(TaskState.SUCCEEDED);
      assertThat(statusRequests().size()).as("status polls").isGreaterThanOrEqualTo(4);
    }

    @Test
    @DisplayName(
        "required: an unknown status value ends the stream with an error carrying the handle;"
            + " polling stops")
    void unknownStatus() {
      simulator
          .faults()
          .on("status")
          .always(Fault.status(200, unknownStatusBody()).withContentType("application/json"));
      TestObserver<TaskStatus> obs = runToEnd(client.generate(validRequest()));
      VideoApiException e =
          expectError(
              obs,
              VideoApiException.class,
              "an unknown status value",
              "that the status mapping rejects values it does not know instead of guessing");
      assertThat(e).isInstanceOf(MalformedResponseException.class);
      assertThat(e.handle()).isPresent();
      assertThat(statusRequests()).as("status polls").hasSize(1);
    }

    @Test
    @DisplayName(
        "required: a submit whose answer is lost is not resent: SubmitOutcomeUnknownException, one"
            + " job")
    void lostSubmitAnswer() {
      simulator.faults().on("submit").call(1).respond(Fault.dropAfterRead());
      TestObserver<TaskStatus> obs = runToEnd(client.generate(validRequest()));
      expectError(
          obs,
          SubmitOutcomeUnknownException.class,
          "a submit whose answer was lost",
          "that OkHttp's retryOnConnectionFailure is off and submit errors keep"
              + " requestMayHaveReachedServer");
      assertThat(simulator.requestCount("submit")).as("submit requests").isEqualTo(1);
      assertThat(simulator.jobCount()).as("jobs").isEqualTo(1);
    }

    @Test
    @DisplayName(
        "required: a 2xx submit answer without a task id (204, or {}) is an unknown outcome, never"
            + " 'not accepted': it is not resent (issue 25, fault 8)")
    void submitAnswerWithoutId() {
      for (Fault answer :
          new Fault[] {
            Fault.emptyBody(204).afterHandling(),
            Fault.status(200, "{}").afterHandling(),
            Fault.status(202, "{}").afterHandling()
          }) {
        simulator.reset();
        simulator.faults().on("submit").always(answer);
        TestObserver<TaskStatus> obs = runToEnd(client.generate(validRequest()));
        expectError(
            obs,
            SubmitOutcomeUnknownException.class,
            "a submit answered " + answer,
            "that a 2xx answer without a body or id is a MalformedResponseException"
                + " (ProviderAnswers.handle, ErrorMappingCallAdapterFactory)");
        assertThat(simulator.requestCount("submit"))
            .as("submit requests for " + answer)
            .isEqualTo(1);
      }
    }

    @Test
    @DisplayName("required: a status poll answered 204 without a body is retried")
    void emptyStatusRetried() {
      simulator.nextJobs(Lifecycle.builder().queued(1).running(50).succeeded());
      simulator.faults().on("status").call(1).respond(Fault.emptyBody(204));
      List<TaskStatus> statuses =
          completedStatuses(
              runToEnd(client.generate(validRequest())),
              "a 204 on a status poll should be retried");
      assertThat(statuses.get(statuses.size() - 1).state()).isEqualTo(TaskState.SUCCEEDED);
    }

    @Test
    @DisplayName("required: a submit answered 500 is not resent")
    void submit500() {
      simulator.faults().on("submit").always(Fault.status(500, "{}"));
      TestObserver<TaskStatus> obs = runToEnd(client.generate(validRequest()));
      expectError(obs, VideoApiException.class, "a submit answered 500", "the 5xx mapping");
      assertThat(simulator.requestCount("submit")).as("submit requests").isEqualTo(1);
    }

    @Test
    @DisplayName(
        "required: a submit answered 503 or 429 (not accepted) is retried and creates one job")
    void submitRetriedWhenNotAccepted() {
      simulator
          .faults()
          .on("submit")
          .call(1)
          .respond(Fault.status(503, "{}"), Fault.status(429, "{}").withHeader("Retry-After", "0"));
      List<TaskStatus> statuses =
          completedStatuses(
              runToEnd(client.generate(validRequest())),
              "a submit refused with 503/429 should be retried");
      assertThat(statuses.get(statuses.size() - 1).state()).isEqualTo(TaskState.SUCCEEDED);
      assertThat(simulator.requestCount("submit")).as("submit requests").isEqualTo(3);
      assertThat(simulator.jobCount()).as("jobs").isEqualTo(1);
    }
  }

  /** The first bytes of an MP4 file (an {@code ftyp} box), enough for every sniffer. */
  private static final byte[] MP4_HEAD = {
    0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0, 'i', 's', 'o', 'm', 'm', 'p',
    '4', '1'
  };

  /**
   * Extend, for providers whose capabilities {@linkplain ProviderCapabilities#supportsExtend() say
   * they extend}; the simulator names the extend endpoint {@code "extend"} and a video upload
   * {@code "media-upload"}.
   */
  @Nested
  @DisplayName("extend")
  class Extend {
    @TempDir Path dir;

    private void assumeExtends(VideoSource.Kind kind) {
      assumeTrue(caps().supportsExtend(), "needs capability: supportsExtend");
      assumeTrue(caps().extendSourceKinds().contains(kind), "needs extend source kind " + kind);
    }

    private ExtendVideoRequest extend(VideoSource source) {
      return ExtendVideoRequest.builder().source(source).prompt("and then it jumps").build();
    }

    private Path videoFile() throws java.io.IOException {
      return Files.write(dir.resolve("clip.mp4"), MP4_HEAD);
    }

    @Test
    @DisplayName("required: a finished task is extended, and the new task is followed to its end")
    void extendFinishedTask() {
      assumeExtends(VideoSource.Kind.TASK);
      List<TaskStatus> first =
          completedStatuses(runToEnd(client.generate(validRequest())), "a normal job");
      TaskHandle earlier = first.get(first.size() - 1).handle();
      List<TaskStatus> statuses =
          completedStatuses(
              runToEnd(client.extend(extend(VideoSource.task(earlier)))),
              "extending a finished task");
      TaskStatus last = statuses.get(statuses.size() - 1);
      assertThat(last.state()).isEqualTo(TaskState.SUCCEEDED);
      assertThat(last.handle()).isNotEqualTo(earlier);
      assertThat(simulator.requestCount("extend")).as("extend requests").isEqualTo(1);
    }

    @Test
    @DisplayName("required: a local video file is uploaded once and extended")
    void extendUploadedFile() throws Exception {
      assumeExtends(VideoSource.Kind.FILE);
      List<TaskStatus> statuses =
          completedStatuses(
              runToEnd(client.extend(extend(VideoSource.file(videoFile())))),
              "extending a local file");
      assertThat(statuses.get(statuses.size() - 1).state()).isEqualTo(TaskState.SUCCEEDED);
      assertThat(simulator.requestCount("media-upload")).as("uploads").isEqualTo(1);
      assertThat(simulator.requestCount("extend")).as("extend requests").isEqualTo(1);
    }

    @Test
    @DisplayName("required: an unknown source task is a clear error, and no job is created")
    void unknownSource() {
      assumeExtends(VideoSource.Kind.TASK);
      TaskHandle unknown = TaskHandle.of(client.providerId(), caps().model(), "999999999999");
      Throwable e = errorOf(runToEnd(client.extend(extend(VideoSource.task(unknown)))));
      assertThat(e)
          .as("error for an unknown source")
          .isNotNull()
          .isInstanceOfAny(
              InvalidRequestException.class, io.github.pixverse4j.api.TaskNotFoundException.class);
      assertThat(e.getMessage()).isNotBlank();
      assertThat(simulator.jobCount()).as("jobs").isZero();
    }

    @Test
    @DisplayName(
        "required: invalid input (a file that is not a video, a duration not offered) sends"
            + " nothing")
    void invalidSendsNothing() throws Exception {
      assumeExtends(VideoSource.Kind.FILE);
      Path notVideo =
          Files.write(
              dir.resolve("clip.mp4"),
              "not a video at all".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      int bad = caps().durationsSeconds().isEmpty() ? 5 : caps().durationsSeconds().last() + 1;
      Throwable e =
          errorOf(
              runToEnd(
                  client.extend(
                      ExtendVideoRequest.builder()
                          .from(extend(VideoSource.file(notVideo)))
                          .durationSeconds(bad)
                          .build())));
      assertThat(e).isInstanceOf(InvalidRequestException.class);
      assertThat(((InvalidRequestException) e).violations())
          .extracting(Violation::field)
          .contains("source", "duration");
      assertThat(simulator.requests()).as("requests").isEmpty();
    }

    @Test
    @DisplayName(
        "required: an extend refused (503) is resent without a second upload; a lost answer is not"
            + " resent")
    void uploadNotRepeated() throws Exception {
      assumeExtends(VideoSource.Kind.FILE);
      simulator.faults().on("extend").call(1).respond(Fault.status(503, "{}"));
      List<TaskStatus> statuses =
          completedStatuses(
              runToEnd(client.extend(extend(VideoSource.file(videoFile())))),
              "an extend refused with 503 should be resent");
      assertThat(statuses.get(statuses.size() - 1).state()).isEqualTo(TaskState.SUCCEEDED);
      assertThat(simulator.requestCount("media-upload")).as("uploads").isEqualTo(1);
      assertThat(simulator.requestCount("extend")).as("extend requests").isEqualTo(2);
      assertThat(simulator.jobCount()).as("jobs").isEqualTo(1);

      simulator.clearRequests();
      simulator.faults().clear();
      simulator.faults().on("extend").call(1).respond(Fault.dropAfterRead());
      expectError(
          runToEnd(client.extend(extend(VideoSource.file(videoFile())))),
          SubmitOutcomeUnknownException.class,
          "an extend whose answer was lost",
          "that the extend keeps requestMayHaveReachedServer");
      assertThat(simulator.requestCount("media-upload")).as("uploads").isEqualTo(1);
      assertThat(simulator.requestCount("extend")).as("extend requests").isEqualTo(1);
    }

    @Test
    @DisplayName(
        "required: a provider without extend refuses it with UnsupportedFeatureException, sending"
            + " nothing")
    void noExtend() {
      assumeTrue(!caps().supportsExtend(), "applies only to providers without extend");
      Throwable e =
          errorOf(runToEnd(client.extend(extend(VideoSource.url("https://example.com/clip.mp4")))));
      assertThat(e).isInstanceOf(UnsupportedFeatureException.class);
      assertThat(simulator.requests()).as("requests").isEmpty();
    }
  }

  @Nested
  @DisplayName("security")
  class Security {
    @TempDir Path dir;

    @Test
    @DisplayName(
        "required: the API key appears in no message, toString() or token, even when the provider"
            + " echoes it")
    void keyNeverShown() {
      simulator
          .faults()
          .on("submit")
          .always(
              Fault.status(
                  400,
                  "{\"message\":\"bad request for key "
                      + API_KEY
                      + "\",\"detail\":\""
                      + API_KEY
                      + "\"}"));
      TestObserver<TaskStatus> obs = runToEnd(client.generate(validRequest()));
      Throwable e = errorOf(obs);
      assertThat(e).as("error for a 400 on submit").isNotNull();
      StringBuilder all = new StringBuilder(String.valueOf(e.getMessage())).append(e);
      for (Throwable c = e.getCause(); c != null; c = c.getCause())
        all.append(c.getMessage()).append(c);
      all.append(client).append(client.capabilities());
      simulator.faults().clear();
      List<TaskStatus> statuses =
          completedStatuses(runToEnd(client.generate(validRequest())), "a normal job");
      for (TaskStatus s : statuses) all.append(s).append(s.handle().token());
      assertThat(all.toString()).as("everything a user could print").doesNotContain(API_KEY);
    }

    @Test
    @DisplayName(
        "required: a download delivers the exact bytes and sends no credentials to the media host")
    void download() throws Exception {
      List<TaskStatus> statuses =
          completedStatuses(runToEnd(client.generate(validRequest())), "a normal job");
      Video video = statuses.get(statuses.size() - 1).videos().get(0);
      Path target = dir.resolve("video.mp4");
      DownloadProgress last = client.download(video, target).blockingLast();
      assertThat(last.done()).isTrue();
      assertThat(Files.readAllBytes(target)).isEqualTo(simulator.mediaBytes());
      List<RecordedRequest> media = simulator.requests(ProviderSimulator.MEDIA_ENDPOINT);
      assertThat(media).isNotEmpty();
      assertThat(media)
          .as("media requests carrying credentials")
          .noneMatch(RecordedRequest::credentialsSent);
      try (java.util.stream.Stream<Path> files = Files.list(dir)) {
        assertThat(files.map(p -> p.getFileName().toString())).containsExactly("video.mp4");
      }
    }
  }
}
