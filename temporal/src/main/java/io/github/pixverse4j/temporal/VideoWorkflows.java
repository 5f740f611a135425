package io.github.pixverse4j.temporal;

import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;

/**
 * Starts {@link GenerateVideoWorkflow}s so that one business key submits at most one job, across
 * every starter and worker of the fleet.
 *
 * <p>The workflow id is the business key. A second start with the same key while the first run is
 * open joins that run ({@code USE_EXISTING}); after it closed, it is rejected ({@code
 * REJECT_DUPLICATE}) and the existing run is returned instead. Temporal remembers closed runs for
 * the namespace's retention period: keep it longer than the time in which a duplicate request can
 * still arrive.
 */
public final class VideoWorkflows {
  private VideoWorkflows() {}

  /**
   * Options for the workflow of {@code businessKey} on {@code taskQueue}, with the id policies
   * above.
   */
  public static WorkflowOptions options(String taskQueue, String businessKey) {
    return optionsBuilder(taskQueue, businessKey).build();
  }

  /**
   * A builder with {@link #options}' settings, to add your own (search attributes, execution
   * timeout); keep the id and its two policies.
   */
  public static WorkflowOptions.Builder optionsBuilder(String taskQueue, String businessKey) {
    if (taskQueue == null) throw new NullPointerException("taskQueue == null");
    if (businessKey == null) throw new NullPointerException("businessKey == null");
    if (businessKey.trim().isEmpty()) throw new IllegalArgumentException("businessKey is blank");
    return WorkflowOptions.newBuilder()
        .setTaskQueue(taskQueue)
        .setWorkflowId(businessKey)
        .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
        .setWorkflowIdConflictPolicy(
            WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING);
  }

  /**
   * Starts the job under {@code businessKey}, or finds the run that key already has; either way
   * returns a stub of that run, for {@code getResult(VideoJobResult.class)}, {@code query("status",
   * TaskStatusView.class)} and {@code cancel()}.
   */
  public static WorkflowStub start(
      WorkflowClient client, String taskQueue, String businessKey, VideoJob job) {
    return start(client, options(taskQueue, businessKey), job);
  }

  /**
   * Like {@link #start(WorkflowClient, String, String, VideoJob)} with your own options (from
   * {@link #optionsBuilder}).
   */
  public static WorkflowStub start(WorkflowClient client, WorkflowOptions options, VideoJob job) {
    if (client == null) throw new NullPointerException("client == null");
    if (options == null) throw new NullPointerException("options == null");
    if (job == null) throw new NullPointerException("job == null");
    if (options.getWorkflowId() == null)
      throw new IllegalArgumentException("options need the business key as workflow id");
    GenerateVideoWorkflow workflow = client.newWorkflowStub(GenerateVideoWorkflow.class, options);
    try {
      WorkflowClient.start(workflow::generate, job);
    } catch (WorkflowExecutionAlreadyStarted e) {
      // The key's workflow ran already: its result is the answer, a second job is not.
    }
    return client.newUntypedWorkflowStub(options.getWorkflowId());
  }

  /**
   * Signals the workflow of {@code businessKey} (its workflow id) that its task ended, as a
   * verified callback said: call it from a webhook listener, {@code
   * client.webhookHandler().addListener(e -> VideoWorkflows.signalTaskEnded(temporal,
   * keyOf(e.handle())))}, where {@code keyOf} is your own record of which business key a task
   * belongs to. A workflow started without {@link VideoJob#withCallbacks()} reads at once too.
   */
  public static void signalTaskEnded(WorkflowClient client, String businessKey) {
    if (client == null) throw new NullPointerException("client == null");
    if (businessKey == null) throw new NullPointerException("businessKey == null");
    client.newWorkflowStub(GenerateVideoWorkflow.class, businessKey).taskEnded();
  }
}
