package io.github.pixverse4j.temporal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.pixverse4j.api.TaskState;
import io.github.pixverse4j.simulator.Lifecycle;
import io.github.pixverse4j.simulator.ProviderSimulator;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowStub;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Workers that stop while a workflow is under way: the fleet finishes it with one submit, and a
 * submit whose worker died after sending it is never sent again.
 */
@DisplayName("GenerateVideoWorkflow across worker stops")
@Timeout(120) // a stalled hand-over would otherwise wait forever
class WorkerHandoverTest {
  private static final String SUBMIT = "pixverse4j.Submit";
  private static final String STATUS = "pixverse4j.Status";

  @Test
  @DisplayName("a worker stopped mid-task and another started: the task completes on the second with exactly one submit")
  void stoppedWorkerHandsOver() {
    try (ProviderSimulator sim = Endpoint.GMI.startSimulator(Fleet.KEY);
        TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      sim.nextJobs(Lifecycle.builder().queued(3).running(20, 40, 60, 80).succeeded());
      VideoWorker videos = VideoWorker.builder().provider(Endpoint.GMI.builderFor(sim)).build();
      try (Machine a = new Machine(env, "worker-a", videos).start();
          Machine b = new Machine(env, "worker-b", videos)) {
        WorkflowStub run = VideoWorkflows.start(env.getWorkflowClient(), Fleet.TASK_QUEUE, "order-handover",
            VideoJob.of("gmi", Fleet.request()));

        // Workflow time: submit, the first poll at 5 s, the next about 3.9 s later; the third
        // is due at about 12.8 s. The activities hold time still while they run, so at 12 s the
        // workflow waits on its timer with nothing in flight.
        env.sleep(Duration.ofSeconds(12));
        a.stop();
        int readsByA = sim.requestCount("status");
        assertThat(sim.requestCount("submit")).as("submits before the stop").isEqualTo(1);
        assertThat(readsByA).as("status reads by worker-a").isEqualTo(2);
        assertThat(sim.jobs().get(0).peek().state().isTerminal()).as("the task is still under way").isFalse();

        b.start();
        VideoJobResult result = run.getResult(VideoJobResult.class);

        assertThat(result.state()).isEqualTo(TaskState.SUCCEEDED);
        assertThat(sim.submitCount()).as("jobs submitted").isEqualTo(1);
        assertThat(sim.requestCount("submit")).as("submit requests").isEqualTo(1);
        assertThat(sim.requestCount("status")).as("status reads: 3 queued, 4 running, 1 succeeded").isEqualTo(8);

        WorkflowExecutionHistory history = env.getWorkflowClient().fetchHistory("order-handover");
        assertThat(activityWorkers(history, SUBMIT)).containsExactly("worker-a");
        List<String> pollers = activityWorkers(history, STATUS);
        assertThat(pollers.subList(0, readsByA)).containsOnly("worker-a");
        assertThat(pollers.subList(readsByA, pollers.size())).as("polls after the stop").containsOnly("worker-b");
        assertThat(workflowTaskWorkers(history)).as("worker-b replayed the history and finished the workflow")
            .endsWith("worker-b");
        assertThat(eventsOf(history, EventType.EVENT_TYPE_WORKFLOW_TASK_FAILED)).as("failed workflow tasks").isEmpty();
      }
    }
  }

  @Test
  @DisplayName("a submit whose worker died after sending it (no answer, the activity timed out) is not sent again by any worker")
  void submitWorkerDiedAfterSending() throws InterruptedException {
    try (ProviderSimulator sim = Endpoint.GMI.startSimulator(Fleet.KEY);
        TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      // Real seconds: a running activity holds the test server's clock, so its timeout runs in
      // real time; 1 s keeps the test short.
      VideoWorker videos = VideoWorker.builder().provider(Endpoint.GMI.builderFor(sim))
          .submitTimeout(Duration.ofSeconds(1)).build();
      CountDownLatch release = new CountDownLatch(1);
      DyingSubmit dying = new DyingSubmit(videos.activities(), () -> {
        // The process is gone: it never reports. The thread waits until the test ends.
        release.await();
        throw new IllegalStateException("worker-a is gone");
      });
      try (Machine a = new Machine(env, "worker-a", videos, dying).start();
          Machine b = new Machine(env, "worker-b", videos)) {
        WorkflowStub run = VideoWorkflows.start(env.getWorkflowClient(), Fleet.TASK_QUEUE,
            "order-died", VideoJob.of("gmi", Fleet.request()));
        // worker-b joins once worker-a has sent the submit, ready to take any retry.
        dying.sent.await();
        b.start();
        ApplicationFailure f = failureOf(run);

        assertOutcomeUnknown(f, sim, env, "order-died", EventType.EVENT_TYPE_ACTIVITY_TASK_TIMED_OUT);
        assertThat(f.getOriginalMessage()).contains("timed out (TIMEOUT_TYPE_START_TO_CLOSE)");
        assertThat(dying.calls.get()).as("submit attempts").isEqualTo(1);
      } finally {
        release.countDown();
      }
    }
  }

  @Test
  @DisplayName("a submit activity that failed after its request left (an error that is no provider answer) is not sent again")
  void submitFailedAfterSending() throws InterruptedException {
    try (ProviderSimulator sim = Endpoint.GMI.startSimulator(Fleet.KEY);
        TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      VideoWorker videos = VideoWorker.builder().provider(Endpoint.GMI.builderFor(sim)).build();
      DyingSubmit dying = new DyingSubmit(videos.activities(), () -> {
        throw new IllegalStateException("worker-a could not record the answer: its JVM is shutting down");
      });
      try (Machine a = new Machine(env, "worker-a", videos, dying).start();
          Machine b = new Machine(env, "worker-b", videos)) {
        WorkflowStub run = VideoWorkflows.start(env.getWorkflowClient(), Fleet.TASK_QUEUE,
            "order-error", VideoJob.of("gmi", Fleet.request()));
        dying.sent.await();
        b.start();
        ApplicationFailure f = failureOf(run);

        assertOutcomeUnknown(f, sim, env, "order-error", EventType.EVENT_TYPE_ACTIVITY_TASK_FAILED);
        assertThat(activityWorkers(env.getWorkflowClient().fetchHistory("order-error"), SUBMIT)).containsExactly("worker-a");
        assertThat(f.getOriginalMessage()).contains("ended without an answer").contains("JVM is shutting down");
        assertThat(dying.calls.get()).as("submit attempts").isEqualTo(1);
      }
    }
  }

  private static void assertOutcomeUnknown(
      ApplicationFailure f, ProviderSimulator sim, TestWorkflowEnvironment env, String id, EventType ended) {
    assertThat(f.getType()).isEqualTo(VideoFailureTypes.SUBMIT_OUTCOME_UNKNOWN);
    assertThat(f.isNonRetryable()).isTrue();
    assertThat(f.getOriginalMessage()).contains("A job may exist").contains("was not sent again");
    FailureInfo info = f.getDetails().get(FailureInfo.class);
    assertThat(info.getProviderId()).isEqualTo("gmi");
    assertThat(info.isRequestMayHaveReachedServer()).isTrue();
    assertThat(info.isSubmitProvablyNotAccepted()).isFalse();
    assertThat(sim.requestCount("submit")).as("submit requests").isEqualTo(1);
    assertThat(sim.jobCount()).as("the provider did create the job").isEqualTo(1);
    assertThat(sim.requestCount("status")).isZero();
    WorkflowExecutionHistory history = env.getWorkflowClient().fetchHistory(id);
    assertThat(eventsOf(history, EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED))
        .extracting(e -> e.getActivityTaskScheduledEventAttributes().getActivityType().getName())
        .as("activities in the history").containsExactly(SUBMIT);
    assertThat(eventsOf(history, ended)).as("how the submit ended").hasSize(1);
  }

  private static ApplicationFailure failureOf(WorkflowStub run) {
    WorkflowFailedException e = catchThrowableOfType(WorkflowFailedException.class, () -> run.getResult(VideoJobResult.class));
    assertThat(e).as("the workflow fails").isNotNull();
    assertThat(e.getCause()).isInstanceOf(ApplicationFailure.class);
    return (ApplicationFailure) e.getCause();
  }

  /**
   * The identity of the worker that ran each activity of {@code type}, in order (the history keeps
   * one started event per activity: its last attempt's, with the attempt number).
   */
  static List<String> activityWorkers(WorkflowExecutionHistory history, String type) {
    Map<Long, String> types = new HashMap<>();
    List<String> workers = new ArrayList<>();
    for (HistoryEvent e : history.getEvents()) {
      if (e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED) {
        types.put(e.getEventId(), e.getActivityTaskScheduledEventAttributes().getActivityType().getName());
      } else if (e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED
          && type.equals(types.get(e.getActivityTaskStartedEventAttributes().getScheduledEventId()))) {
        workers.add(e.getActivityTaskStartedEventAttributes().getIdentity());
      }
    }
    return workers;
  }

  static List<String> workflowTaskWorkers(WorkflowExecutionHistory history) {
    List<String> workers = new ArrayList<>();
    for (HistoryEvent e : eventsOf(history, EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED)) {
      workers.add(e.getWorkflowTaskStartedEventAttributes().getIdentity());
    }
    return workers;
  }

  static List<HistoryEvent> eventsOf(WorkflowExecutionHistory history, EventType type) {
    List<HistoryEvent> events = new ArrayList<>();
    for (HistoryEvent e : history.getEvents()) {
      if (e.getEventType() == type) events.add(e);
    }
    return events;
  }

  /** What the dying worker does once its submit request has gone out. */
  interface AfterSend {
    void run() throws Exception;
  }

  /**
   * Activities whose first submit sends the request (the provider creates the job) and then
   * dies as {@code afterSend} says; later submits, if the workflow made any, go through.
   */
  static final class DyingSubmit implements VideoActivities {
    final AtomicInteger calls = new AtomicInteger();
    final CountDownLatch sent = new CountDownLatch(1);
    private final VideoActivities delegate;
    private final AfterSend afterSend;

    DyingSubmit(VideoActivities delegate, AfterSend afterSend) {
      this.delegate = delegate;
      this.afterSend = afterSend;
    }

    @Override
    public String submit(String providerId, VideoRequest request) {
      String token = delegate.submit(providerId, request);
      if (calls.incrementAndGet() > 1) return token;
      sent.countDown();
      try {
        afterSend.run();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      throw new IllegalStateException("unreachable: the dying worker answered");
    }

    @Override
    public TaskStatusView status(String handleToken) {
      return delegate.status(handleToken);
    }

    @Override
    public boolean cancel(String handleToken) {
      return delegate.cancel(handleToken);
    }

    @Override
    public StoredVideo download(String handleToken, VideoView video, DownloadTarget target) {
      return delegate.download(handleToken, video, target);
    }
  }
}
