package io.github.pixverse4j.temporal.sample;

import io.github.pixverse4j.temporal.VideoSink;
import io.github.pixverse4j.temporal.VideoWorker;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.worker.WorkerFactory;
import java.nio.file.Paths;

/**
 * The worker process of docs/scaling.md: run as many as you like, on any machines, with the API
 * keys in their environment. Compiled with the tests so that it cannot rot.
 */
public final class SampleWorker {
  public static final String TASK_QUEUE = "pixverse4j";

  private SampleWorker() {}

  public static void main(String[] args) {
    WorkflowServiceStubs service =
        WorkflowServiceStubs.newLocalServiceStubs(); // or newServiceStubs(options) for your cluster
    WorkflowClient client = WorkflowClient.newInstance(service);
    VideoWorker videos =
        VideoWorker.fromEnvironment(System.getenv()) // GMI_API_KEY, PIXVERSE_API_KEY, ...
            .sink("videos", VideoSink.directory(Paths.get("/srv/videos")))
            .build();
    start(client, videos);
  }

  /** Starts a worker for {@code videos} on {@link #TASK_QUEUE}; stop it with {@code shutdown()}. */
  public static WorkerFactory start(WorkflowClient client, VideoWorker videos) {
    WorkerFactory factory = WorkerFactory.newInstance(client);
    videos.registerOn(factory.newWorker(TASK_QUEUE));
    factory.start();
    return factory;
  }
}
