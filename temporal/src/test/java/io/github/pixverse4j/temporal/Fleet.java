package io.github.pixverse4j.temporal;

import io.github.pixverse4j.api.ImageInput;
import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.api.Quality;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;

/**
 * One in-process Temporal test server (time skipping) with workers on one task queue, for tests.
 * Workflow time is skipped whenever the test waits for a result or calls {@link #sleep}; the
 * simulators' HTTP runs in real time on loopback.
 */
final class Fleet implements AutoCloseable {
  static final String TASK_QUEUE = "pixverse4j-test";
  static final String KEY = "sim-key-3f9a1c";

  final TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();

  /**
   * Registers {@code worker} on a new worker of the shared factory; call {@link #start()} after.
   */
  Fleet register(VideoWorker worker) {
    Worker w = env.newWorker(TASK_QUEUE);
    worker.registerOn(w);
    return this;
  }

  Fleet start() {
    env.start();
    return this;
  }

  WorkflowClient client() {
    return env.getWorkflowClient();
  }

  WorkflowStub start(String businessKey, VideoJob job) {
    return VideoWorkflows.start(client(), TASK_QUEUE, businessKey, job);
  }

  void sleep(java.time.Duration d) {
    env.sleep(d);
  }

  static ImageToVideoRequest request() {
    return ImageToVideoRequest.builder()
        .image(ImageInput.url("https://example.com/cat.png"))
        .prompt("the cat turns its head and smiles")
        .quality(Quality.P720)
        .build();
  }

  @Override
  public void close() {
    env.close();
  }
}
