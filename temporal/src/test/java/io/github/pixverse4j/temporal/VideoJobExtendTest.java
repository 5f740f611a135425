package io.github.pixverse4j.temporal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pixverse4j.api.ExtendVideoRequest;
import io.github.pixverse4j.api.Quality;
import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.api.TaskState;
import io.github.pixverse4j.api.VideoSource;
import io.github.pixverse4j.simulator.Lifecycle;
import io.github.pixverse4j.simulator.ProviderSimulator;
import io.github.pixverse4j.simulator.RecordedRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@link VideoJob} that extends a video (issue 26, item 7): the source travels in history as a
 * task token or URL only, and the workflow submits the extend once through the worker's client.
 */
@DisplayName("VideoJob.extend and the workflow that runs it")
class VideoJobExtendTest {
  @TempDir Path dir;

  private static ExtendVideoRequest extend(VideoSource source) {
    return ExtendVideoRequest.builder()
        .source(source)
        .prompt("the cat jumps off the table")
        .durationSeconds(5)
        .quality(Quality.P540)
        .build();
  }

  @Test
  @DisplayName("a token, URL or media id source round-trips through the history form")
  void historySafeSourcesRoundTrip() {
    TaskHandle task = TaskHandle.of("pixverse", "v5", "371234567890123456");
    for (ExtendVideoRequest r :
        List.of(
            extend(VideoSource.task(task)),
            extend(VideoSource.url("https://example.com/clip.mp4")),
            extend(VideoSource.providerMediaId(42L)))) {
      VideoRequest stored = VideoJob.extend("pixverse", r).getRequest();
      assertThat(stored.extendsVideo()).isTrue();
      assertThat(stored.toExtendRequest()).isEqualTo(r);
    }
    assertThat(VideoJob.of("pixverse", Fleet.request()).getRequest().extendsVideo()).isFalse();
  }

  @Test
  @DisplayName(
      "a local file or bytes are refused when the job is built, saying what to pass instead")
  void fileAndBytesAreRefused() throws Exception {
    Path clip = Files.write(dir.resolve("clip.mp4"), new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p'});
    assertThatThrownBy(() -> VideoJob.extend("pixverse", extend(VideoSource.file(clip))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(
            "a local file (" + clip + "), which a worker on another machine cannot read")
        .hasMessageContaining("VideoSource.url(..)");
    assertThatThrownBy(
            () -> VideoJob.extend("pixverse", extend(VideoSource.bytes(new byte[] {1, 2, 3}))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("3 bytes in memory, which do not belong in workflow history")
        .hasMessageContaining("VideoSource.task(..)");
  }

  @Test
  @DisplayName(
      "an extend workflow of a finished PixVerse task succeeds, submits the extend once, stores the"
          + " video")
  void extendWorkflowSubmitsOnce() throws Exception {
    try (ProviderSimulator sim = Endpoint.PIXVERSE.startSimulator(Fleet.KEY);
        Fleet fleet = new Fleet()) {
      sim.defaultLifecycle(Lifecycle.builder().queued(1).running(50).succeeded());
      fleet
          .register(
              VideoWorker.builder()
                  .provider(Endpoint.PIXVERSE.builderFor(sim))
                  .sink("videos", VideoSink.directory(dir))
                  .build())
          .start();
      VideoJobResult first =
          fleet
              .start("order-1", VideoJob.of("pixverse", Fleet.request()))
              .getResult(VideoJobResult.class);
      assertThat(first.state()).isEqualTo(TaskState.SUCCEEDED);
      TaskHandle source = TaskHandle.parse(first.getHandleToken());

      VideoJobResult result =
          fleet
              .start(
                  "order-1-longer",
                  VideoJob.extend("pixverse", extend(VideoSource.task(source)))
                      .withDownload("videos", "longer.mp4"))
              .getResult(VideoJobResult.class);

      assertThat(result.state()).isEqualTo(TaskState.SUCCEEDED);
      assertThat(result.getHandleToken()).isNotEqualTo(first.getHandleToken());
      assertThat(dir.resolve("longer.mp4")).hasBinaryContent(sim.mediaBytes());
      List<RecordedRequest> extends_ = sim.requests("extend");
      assertThat(extends_).as("extend submits").hasSize(1);
      assertThat(extends_.get(0).bodyUtf8()).contains("\"source_video_id\":" + source.taskId());
      assertThat(sim.requestCount("submit"))
          .as("image-to-video submits: the first job only")
          .isEqualTo(1);
      assertThat(fleet.client().fetchHistory("order-1-longer").toJson(false))
          .doesNotContain(Fleet.KEY);
    }
  }
}
