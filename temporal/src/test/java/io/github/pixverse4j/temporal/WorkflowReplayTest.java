package io.github.pixverse4j.temporal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pixverse4j.api.TaskState;
import io.github.pixverse4j.client.PollingPolicy;
import io.github.pixverse4j.simulator.Fault;
import io.github.pixverse4j.simulator.Lifecycle;
import io.github.pixverse4j.simulator.ProviderSimulator;
import io.temporal.api.enums.v1.EventType;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import io.temporal.common.interceptors.WorkflowInboundCallsInterceptor;
import io.temporal.common.interceptors.WorkflowInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkflowOutboundCallsInterceptor;
import io.temporal.common.interceptors.WorkflowOutboundCallsInterceptorBase;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.NonDeterministicException;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A history recorded on one worker, replayed on a worker of another process: the same commands and
 * the same timer durations (the jitter comes from the workflow's own random). Temporal's replayer
 * checks the commands but not a timer's duration, so the replay worker records the durations it
 * asks for and the test compares them with the history.
 */
@DisplayName("GenerateVideoWorkflow replays its history deterministically on a second worker")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkflowReplayTest {
  private static final String ID = "order-replay";

  private ProviderSimulator sim;
  private String historyJson;
  private List<Duration> recordedTimers;

  /**
   * One run on worker-a, through every branch that plans a timer or a retry: a submit refused with
   * 503 (sent again after a jittered timer), a status outage of two reads (retried after jittered
   * workflow timers of the engine's PollSchedule), queued and running polls, a download.
   */
  @BeforeAll
  void recordOnFirstWorker() throws Exception {
    sim = Endpoint.GMI.startSimulator(Fleet.KEY);
    sim.nextJobs(Lifecycle.builder().queued(2, 3).running(25, 50, 75).succeeded());
    sim.faults()
        .on("submit")
        .call(1)
        .respond(Fault.status(503, "{\"error\":{\"message\":\"busy\"}}"));
    sim.faults().on("status").call(2).respond(Fault.status(503, "{}"));
    sim.faults().on("status").call(3).respond(Fault.status(503, "{}"));
    try (Fleet fleet = new Fleet()) {
      fleet.register(worker(PollingPolicy.defaults())).start();
      VideoJobResult result =
          fleet.start(ID, VideoJob.of("gmi", Fleet.request())).getResult(VideoJobResult.class);
      assertThat(result.state()).isEqualTo(TaskState.SUCCEEDED);
      WorkflowExecutionHistory history = fleet.client().fetchHistory(ID);
      // As it would travel to another machine (temporal workflow show --output json).
      historyJson = history.toJson(true);
      recordedTimers =
          history.getEvents().stream()
              .filter(e -> e.getEventType() == EventType.EVENT_TYPE_TIMER_STARTED)
              .map(GenerateVideoWorkflowLifecycleTest::timerDuration)
              .collect(Collectors.toList());
    }
    assertThat(sim.requestCount("submit")).isEqualTo(2);
    assertThat(sim.requestCount("status")).isEqualTo(2 + 3 + 1 + 2);
    // Since issue 23 a failed read is retried by the workflow (a timer per retry) rather than by
    // Temporal's activity retries (no timer): 2 more timers than before.
    assertThat(recordedTimers)
        .as("the submit retry, one timer per poll and one per failed read")
        .hasSize(1 + 6 + 2);
  }

  @Test
  @DisplayName(
      "a worker of another process replays it: the same commands and the same timer durations")
  void replaysOnSecondWorker() throws Exception {
    List<Duration> planned = replay(PollingPolicy.defaults());

    assertThat(planned).as("timers planned in the replay").isEqualTo(recordedTimers);
    assertThat(sim.requestCount("submit")).as("a replay sends nothing").isEqualTo(2);
    assertThat(sim.requestCount("status")).isEqualTo(8);
  }

  @Test
  @DisplayName("the check can fail: a worker with another PollingPolicy plans other timers")
  void otherPolicyPlansOtherTimers() throws Exception {
    List<Duration> planned =
        replay(PollingPolicy.defaults().toBuilder().fixedInterval(Duration.ofSeconds(7)).build());

    assertThat(planned).hasSameSizeAs(recordedTimers).isNotEqualTo(recordedTimers);
  }

  @Test
  @DisplayName(
      "the check can fail: a worker that would not resend the refused submit does not replay at"
          + " all")
  void otherCommandsAreNondeterministic() {
    // The replayer reports the NonDeterministicException in its message, not as a cause.
    assertThatThrownBy(
            () -> replay(PollingPolicy.defaults().toBuilder().maxSubmitRetries(0).build()))
        .hasMessageContaining(NonDeterministicException.class.getName())
        .hasMessageContaining(
            "EVENT_TYPE_TIMER_STARTED does not match command type"
                + " COMMAND_TYPE_FAIL_WORKFLOW_EXECUTION");
  }

  /**
   * Replays the recorded history on a fresh process's worker with {@code policy}; returns the
   * timers it asked for.
   */
  private List<Duration> replay(PollingPolicy policy) throws Exception {
    TimerRecorder timers = new TimerRecorder();
    try (TestWorkflowEnvironment other = TestWorkflowEnvironment.newInstance()) {
      WorkerFactory factory =
          WorkerFactory.newInstance(
              other.getWorkflowClient(),
              WorkerFactoryOptions.newBuilder().setWorkerInterceptors(timers).build());
      Worker worker = factory.newWorker(Fleet.TASK_QUEUE);
      // Workflow only: a replay runs no activity, so this worker needs no provider at all.
      worker(policy).registerWorkflow(worker);
      WorkflowReplayer.replayWorkflowExecution(
          WorkflowExecutionHistory.fromJson(historyJson, ID), worker);
    }
    return timers.durations;
  }

  private VideoWorker worker(PollingPolicy policy) {
    return VideoWorker.builder()
        .pollingPolicy(policy)
        .provider(Endpoint.GMI.builderFor(sim))
        .build();
  }

  @AfterAll
  void stopSimulator() {
    sim.close();
  }

  /** Records the duration of every timer the workflow code asks for. */
  static final class TimerRecorder extends WorkerInterceptorBase {
    final List<Duration> durations = new CopyOnWriteArrayList<>();

    @Override
    public WorkflowInboundCallsInterceptor interceptWorkflow(WorkflowInboundCallsInterceptor next) {
      return new WorkflowInboundCallsInterceptorBase(next) {
        @Override
        public void init(WorkflowOutboundCallsInterceptor outbound) {
          super.init(
              new WorkflowOutboundCallsInterceptorBase(outbound) {
                @Override
                public void sleep(Duration duration) {
                  // A timer command carries whole milliseconds.
                  durations.add(Duration.ofMillis(duration.toMillis()));
                  super.sleep(duration);
                }
              });
        }
      };
    }
  }
}
