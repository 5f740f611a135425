package io.github.pixverse4j.temporal;

import io.github.pixverse4j.temporal.internal.GenerateVideoWorkflowImpl;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.NonDeterministicException;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import io.temporal.worker.WorkflowImplementationOptions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * One worker process of a fleet, for tests: its own {@link WorkerFactory} and client identity on a
 * shared in-process test server, so that it can be stopped while the others go on, and the history
 * shows which machine did what.
 */
final class Machine implements AutoCloseable {
  /**
   * Sticky execution off. A real server moves a workflow task off a stopped worker's sticky queue
   * after the sticky schedule-to-start timeout; the test server never does, so the task would wait
   * for the stopped worker forever. Without a sticky queue every workflow task goes to the shared
   * queue, and the worker that takes it replays the full history (which is what a fresh process
   * does anyway). Eager activities off too: they would bind an activity to the scheduling worker.
   */
  static final WorkerOptions NOT_STICKY =
      WorkerOptions.newBuilder()
          .setStickyQueueScheduleToStartTimeout(Duration.ZERO)
          .setDisableEagerExecution(true)
          .build();

  /**
   * A replay that plans other commands than the history fails the workflow, instead of retrying
   * forever.
   */
  static final WorkflowImplementationOptions FAIL_ON_NONDETERMINISM =
      WorkflowImplementationOptions.newBuilder()
          .setFailWorkflowExceptionTypes(NonDeterministicException.class)
          .build();

  final String identity;
  private final WorkerFactory factory;

  Machine(TestWorkflowEnvironment env, String identity, VideoWorker videos) {
    this(env, identity, videos, videos.activities());
  }

  /**
   * A machine whose activities are {@code activities} (a wrapper of {@code videos.activities()}).
   */
  Machine(
      TestWorkflowEnvironment env,
      String identity,
      VideoWorker videos,
      VideoActivities activities) {
    this.identity = identity;
    WorkflowClient client =
        WorkflowClient.newInstance(
            env.getWorkflowServiceStubs(),
            WorkflowClientOptions.newBuilder()
                .setNamespace(env.getNamespace())
                .setIdentity(identity)
                .build());
    factory = WorkerFactory.newInstance(client);
    Worker worker = factory.newWorker(Fleet.TASK_QUEUE, NOT_STICKY);
    // As VideoWorker.registerWorkflow, plus the option above.
    worker.registerWorkflowImplementationFactory(
        GenerateVideoWorkflow.class,
        () -> new GenerateVideoWorkflowImpl(videos.settings()),
        FAIL_ON_NONDETERMINISM);
    worker.registerActivitiesImplementations(activities);
  }

  Machine start() {
    factory.start();
    return this;
  }

  /**
   * Stops polling at once, as a process that died: no task reaches this machine any more. A task in
   * hand that ignores the interrupt (see {@code WorkerHandoverTest.hang}) is never reported.
   */
  void kill() {
    factory.shutdownNow();
  }

  /** Stops polling and lets the tasks in hand finish (a graceful stop, as on SIGTERM). */
  void stop() {
    factory.shutdown();
    factory.awaitTermination(30, TimeUnit.SECONDS);
    if (!factory.isTerminated())
      throw new IllegalStateException(identity + " did not stop within 30 s");
  }

  @Override
  public void close() {
    factory.shutdownNow();
    factory.awaitTermination(10, TimeUnit.SECONDS);
  }
}
