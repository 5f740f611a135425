package io.github.pixverse4j.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pixverse4j.api.TaskState;
import io.github.pixverse4j.client.PollingPolicy;
import io.github.pixverse4j.simulator.Lifecycle;
import io.github.pixverse4j.simulator.ProviderSimulator;
import io.temporal.api.enums.v1.EventType;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 28: with callbacks the workflow waits for the signal or its safety-net poll timer,
 * whichever comes first, and replays deterministically.
 */
class WorkflowCallbackTest {
  private ProviderSimulator sim;

  @BeforeEach
  void start() {
    sim = Endpoint.GMI.startSimulator(Fleet.KEY);
    sim.nextJobs(Lifecycle.immediateSuccess());
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  private VideoWorker worker() {
    return VideoWorker.builder()
        .pollingPolicy(PollingPolicy.defaults())
        .provider(Endpoint.GMI.builderFor(sim))
        .build();
  }

  private static List<HistoryFacts> events(WorkflowExecutionHistory h) {
    return h.getEvents().stream().map(HistoryFacts::new).collect(Collectors.toList());
  }

  /** The type and, for a started timer, its duration. */
  static final class HistoryFacts {
    final EventType type;
    final Duration timer;

    HistoryFacts(io.temporal.api.history.v1.HistoryEvent e) {
      type = e.getEventType();
      timer =
          type == EventType.EVENT_TYPE_TIMER_STARTED
              ? GenerateVideoWorkflowLifecycleTest.timerDuration(e)
              : null;
    }
  }

  private static long count(List<HistoryFacts> events, EventType type) {
    return events.stream().filter(e -> e.type == type).count();
  }

  @Test
  @DisplayName(
      "a signal ends the wait at once (even one sent before the submit answered), and the history"
          + " replays")
  void signalEndsWait() throws Exception {
    String history;
    try (Fleet fleet = new Fleet()) {
      fleet.register(worker()).start();
      VideoJob job = VideoJob.of("gmi", Fleet.request()).withCallbacks();
      io.temporal.client.WorkflowStub stub = fleet.start("order-callback", job);
      VideoWorkflows.signalTaskEnded(fleet.client(), "order-callback");
      VideoJobResult result = stub.getResult(VideoJobResult.class);
      assertThat(result.state()).isEqualTo(TaskState.SUCCEEDED);
      WorkflowExecutionHistory h = fleet.client().fetchHistory("order-callback");
      List<HistoryFacts> events = events(h);
      assertThat(count(events, EventType.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED)).isEqualTo(1);
      assertThat(count(events, EventType.EVENT_TYPE_TIMER_FIRED))
          .as("no poll timer ran out: the signal came first")
          .isZero();
      assertThat(sim.requestCount("status")).isEqualTo(1);
      history = h.toJson(true);
    }
    try (TestWorkflowEnvironment other = TestWorkflowEnvironment.newInstance()) {
      Worker w = other.newWorker(Fleet.TASK_QUEUE);
      worker().registerWorkflow(w);
      WorkflowReplayer.replayWorkflowExecution(
          WorkflowExecutionHistory.fromJson(history, "order-callback"), w);
    }
  }

  @Test
  @DisplayName("without a signal, the safety-net timer (60 s, +-3 %) ends the wait")
  void safetyNetTimer() {
    try (Fleet fleet = new Fleet()) {
      fleet.register(worker()).start();
      VideoJob job = VideoJob.of("gmi", Fleet.request()).withCallbacks();
      VideoJobResult result = fleet.start("order-no-signal", job).getResult(VideoJobResult.class);
      assertThat(result.state()).isEqualTo(TaskState.SUCCEEDED);
      List<HistoryFacts> events = events(fleet.client().fetchHistory("order-no-signal"));
      List<Duration> timers =
          events.stream()
              .filter(e -> e.timer != null)
              .map(e -> e.timer)
              .collect(Collectors.toList());
      assertThat(timers).hasSize(1);
      assertThat(timers.get(0)).isBetween(Duration.ofMillis(58_200), Duration.ofMillis(61_800));
      assertThat(count(events, EventType.EVENT_TYPE_TIMER_FIRED)).isEqualTo(1);
    }
  }
}
