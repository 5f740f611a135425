package io.github.pixverse4j.temporal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pixverse4j.api.TaskState;
import io.github.pixverse4j.client.PollingPolicy;
import io.github.pixverse4j.simulator.ProviderSimulator;
import io.github.pixverse4j.temporal.sample.SampleStarter;
import io.github.pixverse4j.temporal.sample.SampleWorker;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.WorkerFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The sample worker and starter of docs/scaling.md and the temporal README")
class ScalingOutSampleTest {
  @TempDir Path videos;

  @Test
  @DisplayName("two calls for one order give one job and one stored video")
  void sampleRuns() throws Exception {
    try (ProviderSimulator sim = Endpoint.GMI.startSimulator(Fleet.KEY);
        TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      WorkerFactory worker =
          SampleWorker.start(
              env.getWorkflowClient(),
              VideoWorker.builder()
                  .provider(Endpoint.GMI.builderFor(sim))
                  .sink("videos", VideoSink.directory(videos))
                  .build());
      try {
        VideoJobResult first =
            SampleStarter.generate(
                env.getWorkflowClient(), "gmi", "1042", "https://example.com/cat.png", "smile");
        VideoJobResult again =
            SampleStarter.generate(
                env.getWorkflowClient(), "gmi", "1042", "https://example.com/cat.png", "smile");

        assertThat(first.state()).isEqualTo(TaskState.SUCCEEDED);
        assertThat(again.getHandleToken()).isEqualTo(first.getHandleToken());
        assertThat(sim.submitCount()).isEqualTo(1);
        assertThat(Files.readAllBytes(videos.resolve("1042.mp4"))).isEqualTo(sim.mediaBytes());
      } finally {
        worker.shutdownNow();
      }
    }
  }

  @Test
  @DisplayName(
      "fromEnvironment builds a client for each provider whose key variable is set, and none"
          + " without keys")
  void fromEnvironment() {
    VideoWorker w =
        VideoWorker.fromEnvironment(Collections.singletonMap("GMI_API_KEY", "k")).build();
    assertThat(w.providerIds()).containsExactly("gmi");
    assertThatThrownBy(() -> VideoWorker.fromEnvironment(Collections.emptyMap()).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no provider client");
  }

  @Test
  @DisplayName("a ready client that retries by itself is refused: Temporal does the retries")
  void clientWithOwnRetries() {
    try (ProviderSimulator sim = Endpoint.GMI.startSimulator(Fleet.KEY)) {
      assertThatThrownBy(() -> VideoWorker.builder().client(Endpoint.GMI.builderFor(sim).build()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("maxSubmitRetries(0)");
      // Reads retry until the client's deadline, so no submit resends alone is not enough.
      assertThatThrownBy(
              () ->
                  VideoWorker.builder()
                      .client(
                          Endpoint.GMI
                              .builderFor(sim)
                              .pollingPolicy(PollingPolicy.builder().maxSubmitRetries(0).build())
                              .build()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("deadline below retryDelay");
      VideoWorker.builder()
          .client(
              Endpoint.GMI
                  .builderFor(sim)
                  .pollingPolicy(
                      PollingPolicy.builder()
                          .maxSubmitRetries(0)
                          .deadline(java.time.Duration.ofMillis(500))
                          .build())
                  .build())
          .build();
    }
  }
}
