package io.github.pixverse4j.temporal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.pixverse4j.api.ImageInput;
import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.api.TaskState;
import io.github.pixverse4j.client.PollingPolicy;
import io.github.pixverse4j.simulator.Fault;
import io.github.pixverse4j.simulator.Lifecycle;
import io.github.pixverse4j.simulator.ProviderSimulator;
import io.temporal.api.enums.v1.EventType;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("GenerateVideoWorkflow under faults, cancellation and duplicate starts")
class GenerateVideoWorkflowFailureTest {

  private static ApplicationFailure failureOf(WorkflowStub run) {
    WorkflowFailedException e =
        catchThrowableOfType(
            WorkflowFailedException.class, () -> run.getResult(VideoJobResult.class));
    assertThat(e).as("the workflow fails").isNotNull();
    assertThat(e.getCause()).isInstanceOf(ApplicationFailure.class);
    return (ApplicationFailure) e.getCause();
  }

  private static FailureInfo infoOf(ApplicationFailure f) {
    return f.getDetails().get(FailureInfo.class);
  }

  private static Fleet fleet(ProviderSimulator sim, Endpoint endpoint) {
    return fleet(sim, endpoint, PollingPolicy.defaults());
  }

  private static Fleet fleet(ProviderSimulator sim, Endpoint endpoint, PollingPolicy policy) {
    return new Fleet()
        .register(
            VideoWorker.builder().pollingPolicy(policy).provider(endpoint.builderFor(sim)).build())
        .start();
  }

  @Nested
  @DisplayName("submit")
  class Submit {
    @Test
    @DisplayName(
        "an outcome-unknown submit (connection dropped after the provider read it) fails the"
            + " workflow and is never sent again")
    void outcomeUnknownIsNotResent() {
      try (ProviderSimulator sim = Endpoint.GMI.startSimulator(Fleet.KEY);
          Fleet fleet = fleet(sim, Endpoint.GMI)) {
        sim.faults().on("submit").call(1).respond(Fault.dropAfterRead());

        ApplicationFailure f =
            failureOf(fleet.start("order-unknown", VideoJob.of("gmi", Fleet.request())));

        assertThat(f.getType()).isEqualTo(VideoFailureTypes.SUBMIT_OUTCOME_UNKNOWN);
        assertThat(f.isNonRetryable()).isTrue();
        assertThat(f.getOriginalMessage()).contains("A job may exist");
        assertThat(infoOf(f).isSubmitProvablyNotAccepted()).isFalse();
        assertThat(sim.requestCount("submit")).as("submit requests").isEqualTo(1);
        assertThat(sim.jobCount()).as("the provider did create the job").isEqualTo(1);
        assertThat(sim.requestCount("status")).isZero();
      }
    }

    @Test
    @DisplayName(
        "a submit the provider provably did not take (503) is sent again after a workflow timer")
    void provablyNotAcceptedIsRetried() {
      try (ProviderSimulator sim = Endpoint.GMI.startSimulator(Fleet.KEY);
          Fleet fleet = fleet(sim, Endpoint.GMI)) {
        sim.faults()
            .on("submit")
            .call(1)
            .respond(Fault.status(503, "{\"error\":{\"message\":\"busy\"}}"));
        sim.faults()
            .on("submit")
            .call(2)
            .respond(Fault.status(429, "{}").withHeader("Retry-After", "7"));

        VideoJobResult result =
            fleet
                .start("order-503", VideoJob.of("gmi", Fleet.request()))
                .getResult(VideoJobResult.class);

        assertThat(result.state()).isEqualTo(TaskState.SUCCEEDED);
        assertThat(sim.requestCount("submit")).as("submit requests").isEqualTo(3);
        assertThat(sim.jobCount()).as("jobs").isEqualTo(1);
        List<Duration> timers = timers(fleet, "order-503");
        PollingPolicy p = PollingPolicy.defaults();
        assertThat(timers.get(0).toMillis())
            .as("first retry: the policy's retry delay with jitter")
            .isBetween(
                (long) (p.retryDelay().toMillis() * (1 - p.jitter())),
                (long) (p.retryDelay().toMillis() * (1 + p.jitter())));
        assertThat(timers.get(1).toMillis())
            .as("second retry: the provider's Retry-After, never earlier")
            .isBetween(7000L, (long) (7000 * (1 + p.jitter())));
      }
    }

    @Test
    @DisplayName("a rejected submit (401) fails the workflow at once, with the provider's answer")
    void rejectedIsNotRetried() {
      try (ProviderSimulator sim = Endpoint.GMI.startSimulator(Fleet.KEY);
          Fleet fleet = fleet(sim, Endpoint.GMI)) {
        sim.faults()
            .on("submit")
            .always(Fault.status(401, "{\"error\":{\"message\":\"bad key\"}}"));

        ApplicationFailure f =
            failureOf(fleet.start("order-401", VideoJob.of("gmi", Fleet.request())));

        assertThat(f.getType()).isEqualTo("AuthenticationException");
        assertThat(infoOf(f).getHttpStatus()).isEqualTo(401);
        assertThat(sim.requestCount("submit")).isEqualTo(1);
      }
    }

    @Test
    @DisplayName("a job for a provider the worker has no client for fails without any request")
    void unknownProvider() {
      try (ProviderSimulator sim = Endpoint.GMI.startSimulator(Fleet.KEY);
          Fleet fleet = fleet(sim, Endpoint.GMI)) {
        ApplicationFailure f =
            failureOf(fleet.start("order-x", VideoJob.of("highway", Fleet.request())));

        assertThat(f.getType()).isEqualTo(VideoFailureTypes.UNKNOWN_PROVIDER);
        assertThat(sim.requests()).isEmpty();
      }
    }

    @Test
    @DisplayName(
        "an inline image above 64 KiB is refused before any workflow starts; a small one travels"
            + " inline")
    void inlineImageLimit() {
      byte[] big = new byte[VideoRequest.MAX_INLINE_IMAGE_BYTES + 1];
      ImageToVideoRequest tooBig =
          ImageToVideoRequest.builder()
              .image(ImageInput.bytes(big, "image/png"))
              .prompt("p")
              .build();
      assertThatThrownBy(() -> VideoJob.of("pixverse", tooBig))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("at most 65536 inline");
      ImageToVideoRequest file =
          ImageToVideoRequest.builder()
              .image(ImageInput.file(java.nio.file.Paths.get("cat.png")))
              .prompt("p")
              .build();
      assertThatThrownBy(() -> VideoJob.of("pixverse", file)).hasMessageContaining("local file");

      byte[] small = new byte[VideoRequest.MAX_INLINE_IMAGE_BYTES];
      small[0] = 42;
      ImageToVideoRequest ok =
          ImageToVideoRequest.builder()
              .image(ImageInput.bytes(small, "image/png"))
              .prompt("p")
              .build();
      assertThat(VideoJob.of("pixverse", ok).getRequest().toRequest().image())
          .isEqualTo(ok.image());
    }
  }

  @Nested
  @DisplayName("polling")
  class Polling {
    @Test
    @DisplayName(
        "an outage past the deadline is ridden out to it: the workflow then fails with"
            + " TaskTimeoutException, the handle and last status")
    void longOutage() {
      try (ProviderSimulator sim = Endpoint.GMI.startSimulator(Fleet.KEY);
          Fleet fleet = fleet(sim, Endpoint.GMI)) {
        sim.faults().on("status").always(Fault.status(503, "{\"error\":{\"message\":\"down\"}}"));

        ApplicationFailure f =
            failureOf(fleet.start("order-outage", VideoJob.of("gmi", Fleet.request())));

        // Before issue 23 the workflow failed after maxConsecutiveFailures + 1 = 6 reads (about 30
        // s).
        assertThat(f.getType()).isEqualTo(VideoFailureTypes.TASK_TIMEOUT);
        assertThat(f.getOriginalMessage())
            .contains("may still finish")
            .contains("failed reads, last: ProviderUnavailableException");
        FailureInfo info = infoOf(f);
        assertThat(info.getHandleToken()).startsWith("pv4j.");
        assertThat(info.getLastStatus().getState()).isEqualTo(TaskState.QUEUED);
        // 20 min: 1, 2, 4, 8, 16 s, then every 30 s (+-3 %): about 45 reads.
        assertThat(sim.requestCount("status")).as("status attempts").isBetween(40, 47);
        assertThat(sim.requestCount("submit")).isEqualTo(1);
      }
    }

    @Test
    @DisplayName(
        "a status read the provider refuses (401) fails the workflow at once with the handle and"
            + " last status")
    void refusedRead() {
      try (ProviderSimulator sim = Endpoint.GMI.startSimulator(Fleet.KEY);
          Fleet fleet = fleet(sim, Endpoint.GMI)) {
        sim.faults()
            .on("status")
            .always(Fault.status(401, "{\"error\":{\"message\":\"bad key\"}}"));

        ApplicationFailure f =
            failureOf(fleet.start("order-refused", VideoJob.of("gmi", Fleet.request())));

        assertThat(f.getType()).isEqualTo("AuthenticationException");
        assertThat(f.getOriginalMessage()).contains("may still finish");
        FailureInfo info = infoOf(f);
        assertThat(info.getHandleToken()).startsWith("pv4j.");
        assertThat(info.getLastStatus().getState()).isEqualTo(TaskState.QUEUED);
        assertThat(sim.requestCount("status")).as("status attempts").isEqualTo(1);
        assertThat(sim.requestCount("submit")).isEqualTo(1);
      }
    }

    @Test
    @DisplayName(
        "a 10-minute status outage is ridden out to the deadline, as VideoClient does: bounded"
            + " reads, each retry at most maxRetryDelay apart")
    void tenMinuteOutage() {
      try (ProviderSimulator sim = Endpoint.GMI.startSimulator(Fleet.KEY);
          Fleet fleet = fleet(sim, Endpoint.GMI)) {
        sim.nextJobs(Lifecycle.builder().running(50).succeeded());
        sim.faults().on("status").always(Fault.status(503, "{\"error\":{\"message\":\"down\"}}"));
        WorkflowStub run = fleet.start("order-10min", VideoJob.of("gmi", Fleet.request()));

        fleet.sleep(Duration.ofMinutes(10));
        int outageReads = sim.requestCount("status");
        assertThat(run.query("status", TaskStatusView.class).getState())
            .isEqualTo(TaskState.QUEUED);
        sim.faults().on("status").clear();
        VideoJobResult result = run.getResult(VideoJobResult.class);

        assertThat(result.state()).isEqualTo(TaskState.SUCCEEDED);
        PollingPolicy p = PollingPolicy.defaults();
        // As VideoClient's engine: 1, 2, 4, 8, 16 s, then every 30 s (+-3 %): about 24 reads.
        assertThat(outageReads)
            .as("status reads during the outage, far more than the 6 attempts before issue 23")
            .isBetween(20, 25);
        assertThat(sim.requestCount("status"))
            .as("the outage's reads, then running and succeeded")
            .isEqualTo(outageReads + 2);
        assertThat(sim.requestCount("submit")).isEqualTo(1);
        long cap = (long) (p.maxRetryDelay().toMillis() * (1 + p.jitter()));
        assertThat(timers(fleet, "order-10min"))
            .as("workflow timers: the first poll, the retries, the polls after")
            .allSatisfy(t -> assertThat(t.toMillis()).isLessThanOrEqualTo(cap));
      }
    }

    @Test
    @DisplayName("an outage shorter than the retries is ridden out")
    void shortOutage() {
      try (ProviderSimulator sim = Endpoint.GMI.startSimulator(Fleet.KEY);
          Fleet fleet = fleet(sim, Endpoint.GMI)) {
        sim.nextJobs(Lifecycle.builder().running(50).succeeded());
        sim.faults().on("status").next(3, Fault.status(503, "{}"));

        VideoJobResult result =
            fleet
                .start("order-blip", VideoJob.of("gmi", Fleet.request()))
                .getResult(VideoJobResult.class);

        assertThat(result.state()).isEqualTo(TaskState.SUCCEEDED);
        assertThat(sim.requestCount("status")).isEqualTo(3 + 2);
        assertThat(sim.requestCount("submit")).isEqualTo(1);
      }
    }

    @Test
    @DisplayName("the timers are the worker's PollingPolicy: a fixed 7 s interval gives 7 s timers")
    void timersFollowThePolicy() {
      try (ProviderSimulator sim = Endpoint.GMI.startSimulator(Fleet.KEY);
          Fleet fleet =
              fleet(
                  sim,
                  Endpoint.GMI,
                  PollingPolicy.builder().fixedInterval(Duration.ofSeconds(7)).build())) {
        sim.nextJobs(Lifecycle.builder().queued(3).running(50).succeeded());

        fleet
            .start("order-7s", VideoJob.of("gmi", Fleet.request()))
            .getResult(VideoJobResult.class);

        assertThat(timers(fleet, "order-7s")).hasSize(5).containsOnly(Duration.ofSeconds(7));
      }
    }

    @Test
    @DisplayName(
        "the deadline is the workflow's: past it the workflow fails with TaskTimeoutException and"
            + " the last status")
    void deadline() {
      try (ProviderSimulator sim = Endpoint.GMI.startSimulator(Fleet.KEY);
          Fleet fleet = fleet(sim, Endpoint.GMI)) {
        sim.nextJobs(Lifecycle.builder().queued(100_000).succeeded());

        ApplicationFailure f =
            failureOf(
                fleet.start(
                    "order-slow", VideoJob.of("gmi", Fleet.request()).withDeadlineSeconds(120)));

        assertThat(f.getType()).isEqualTo(VideoFailureTypes.TASK_TIMEOUT);
        assertThat(infoOf(f).getLastStatus().getState()).isEqualTo(TaskState.QUEUED);
        assertThat(infoOf(f).getHandleToken()).startsWith("pv4j.");
        // 120 s at 5 s then 3.9 s (+-3 %) per poll: about 30 reads, nowhere near the 100,000
        // scripted.
        assertThat(sim.requestCount("status")).isBetween(25, 35);
      }
    }
  }

  @Nested
  @DisplayName("cancellation")
  class Cancellation {
    @Test
    @DisplayName(
        "cancelling the workflow cancels the task at a provider that can cancel (OdiRouter)")
    void cancelsRemotely() {
      try (ProviderSimulator sim = Endpoint.ODIROUTER.startSimulator(Fleet.KEY);
          Fleet fleet = fleet(sim, Endpoint.ODIROUTER)) {
        sim.nextJobs(Lifecycle.builder().queued(100_000).succeeded());
        WorkflowStub run = fleet.start("order-cancel", VideoJob.of("odirouter", Fleet.request()));
        fleet.sleep(Duration.ofSeconds(30));
        assertThat(run.query("status", TaskStatusView.class).getState())
            .isEqualTo(TaskState.QUEUED);

        run.cancel();

        WorkflowFailedException e =
            catchThrowableOfType(
                WorkflowFailedException.class, () -> run.getResult(VideoJobResult.class));
        assertThat(e.getCause()).isInstanceOf(CanceledFailure.class);
        assertThat(sim.requestCount("cancel")).as("remote cancel requests").isEqualTo(1);
        assertThat(sim.jobs().get(0).cancelRequested()).isTrue();
        assertThat(sim.requestCount("submit")).isEqualTo(1);
      }
    }

    @Test
    @DisplayName(
        "cancelling the workflow of a provider without cancel sends nothing and ends the workflow")
    void noRemoteCancel() {
      try (ProviderSimulator sim = Endpoint.GMI.startSimulator(Fleet.KEY);
          Fleet fleet = fleet(sim, Endpoint.GMI)) {
        sim.nextJobs(Lifecycle.builder().queued(100_000).succeeded());
        WorkflowStub run = fleet.start("order-cancel-gmi", VideoJob.of("gmi", Fleet.request()));
        fleet.sleep(Duration.ofSeconds(30));
        int before = sim.requests().size();

        run.cancel();

        WorkflowFailedException e =
            catchThrowableOfType(
                WorkflowFailedException.class, () -> run.getResult(VideoJobResult.class));
        assertThat(e.getCause()).isInstanceOf(CanceledFailure.class);
        assertThat(sim.requests()).as("requests after the cancel").hasSize(before);
      }
    }
  }

  @Nested
  @DisplayName("one submit per business key")
  class Idempotency {
    @Test
    @DisplayName(
        "starting the same key again, while it runs and after it finished, joins the first run and"
            + " never submits twice")
    void sameKeyTwice() {
      try (ProviderSimulator sim = Endpoint.HIGHWAY.startSimulator(Fleet.KEY);
          Fleet fleet = fleet(sim, Endpoint.HIGHWAY)) {
        WorkflowStub first = fleet.start("order-42", VideoJob.of("highway", Fleet.request()));
        WorkflowStub second = fleet.start("order-42", VideoJob.of("highway", Fleet.request()));
        VideoJobResult a = first.getResult(VideoJobResult.class);
        VideoJobResult b = second.getResult(VideoJobResult.class);
        WorkflowStub third = fleet.start("order-42", VideoJob.of("highway", Fleet.request()));
        VideoJobResult c = third.getResult(VideoJobResult.class);

        assertThat(sim.submitCount()).as("jobs submitted for one key").isEqualTo(1);
        assertThat(sim.requestCount("submit")).isEqualTo(1);
        assertThat(b.getHandleToken()).isEqualTo(a.getHandleToken());
        assertThat(c.getHandleToken()).isEqualTo(a.getHandleToken());
      }
    }
  }

  static List<Duration> timers(Fleet fleet, String workflowId) {
    return fleet.client().fetchHistory(workflowId).getEvents().stream()
        .filter(e -> e.getEventType() == EventType.EVENT_TYPE_TIMER_STARTED)
        .map(GenerateVideoWorkflowLifecycleTest::timerDuration)
        .collect(Collectors.toList());
  }
}
