package io.github.pixverse4j.temporal.sample;

import io.github.pixverse4j.api.ImageInput;
import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.api.Quality;
import io.github.pixverse4j.temporal.VideoJob;
import io.github.pixverse4j.temporal.VideoJobResult;
import io.github.pixverse4j.temporal.VideoWorkflows;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import io.temporal.serviceclient.WorkflowServiceStubs;

/**
 * The service side of docs/scaling.md: turns a business request (an order id) into at most one
 * video job, however often it is called. Compiled with the tests so that it cannot rot.
 */
public final class SampleStarter {
  private SampleStarter() {}

  public static void main(String[] args) {
    WorkflowClient client = WorkflowClient.newInstance(WorkflowServiceStubs.newLocalServiceStubs());
    VideoJobResult result =
        generate(client, "gmi", "order-1042", "https://example.com/cat.png", "the cat smiles");
    System.out.println(result.state() + " " + result.getHandleToken() + " " + result.getStored());
  }

  /** Starts (or joins) the workflow of {@code orderId} and waits for its result. */
  public static VideoJobResult generate(
      WorkflowClient client, String provider, String orderId, String imageUrl, String prompt) {
    ImageToVideoRequest request =
        ImageToVideoRequest.builder()
            .image(ImageInput.url(imageUrl))
            .prompt(prompt)
            .quality(Quality.P720)
            .build();
    VideoJob job = VideoJob.of(provider, request).withDownload("videos", orderId + ".mp4");
    WorkflowStub run =
        VideoWorkflows.start(client, SampleWorker.TASK_QUEUE, "video-" + orderId, job);
    return run.getResult(VideoJobResult.class);
  }
}
