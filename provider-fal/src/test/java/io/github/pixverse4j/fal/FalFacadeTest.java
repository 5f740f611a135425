package io.github.pixverse4j.fal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pixverse4j.api.ImageInput;
import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.api.ProviderCapabilities;
import io.github.pixverse4j.api.Quality;
import io.github.pixverse4j.api.TaskState;
import io.github.pixverse4j.client.ClientConfig;
import io.github.pixverse4j.client.VideoClient;
import io.github.pixverse4j.client.VideoProviderFactory;
import io.github.pixverse4j.fal.simulator.FalSimulator;
import io.github.pixverse4j.simulator.Lifecycle;
import io.github.pixverse4j.simulator.QueueSimulator;
import io.github.pixverse4j.simulator.SimulatorFactoryChecks;
import io.github.pixverse4j.testkit.FastPolling;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FalFacadeTest {
  @Test
  @DisplayName(
      "capabilities: URL images only, 1–15 s, all qualities, negative prompt, seed, audio, cancel;"
          + " no multi-clip, no thinking type, no extend")
  void capabilities() {
    ProviderCapabilities c = Fal.CAPABILITIES;
    assertThat(c.providerId()).isEqualTo("fal");
    assertThat(c.model()).isEqualTo("fal-ai/pixverse/v6/image-to-video");
    assertThat(c.durationsSeconds()).hasSize(15).startsWith(1).endsWith(15);
    assertThat(c.qualities()).containsExactlyInAnyOrder(Quality.values());
    assertThat(c.imageKinds()).containsExactly(ImageInput.Kind.URL);
    assertThat(c.maxNegativePromptLength()).isPresent();
    assertThat(c.supportsSeed() && c.supportsAudio() && c.supportsCancel()).isTrue();
    assertThat(c.supportsMultiClip() || c.supportsThinkingType() || c.supportsExtend()).isFalse();
  }

  @Test
  @DisplayName("the builder defaults to https://queue.fal.run; a missing key names FAL_KEY")
  void builder() {
    VideoClient client = Fal.builder().apiKey("fal-secret-123456").build();
    assertThat(client.providerId()).isEqualTo("fal");
    assertThat(client.toString()).doesNotContain("fal-secret-123456");
    assertThat(Fal.DEFAULT_BASE_URL).isEqualTo("https://queue.fal.run");
    assertThatThrownBy(() -> Fal.builder().build())
        .hasMessageContaining("fal")
        .hasMessageContaining("FAL_KEY");
  }

  @Test
  @DisplayName("ServiceLoader finds the factory under id fal, and it builds a working client")
  void factory() {
    VideoProviderFactory f = VideoProviderFactory.find("fal").orElseThrow();
    assertThat(f).isInstanceOf(FalProviderFactory.class);
    assertThat(f.apiKeyEnvironmentVariable()).isEqualTo("FAL_KEY");
    assertThat(f.defaultBaseUrl()).isEqualTo("https://queue.fal.run");
    assertThat(f.capabilities()).isEqualTo(Fal.CAPABILITIES);
    assertThat(f.displayName()).contains("fal.ai");
    try (QueueSimulator sim = FalSimulator.create("factory-key-42").start()) {
      sim.nextJobs(Lifecycle.immediateSuccess());
      VideoClient client =
          f.create(
              ClientConfig.builder()
                  .apiKey("factory-key-42")
                  .baseUrl(sim.baseUrl())
                  .pollingPolicy(FastPolling.policy())
                  .build());
      ImageToVideoRequest request =
          ImageToVideoRequest.builder()
              .image(ImageInput.url("https://example.com/a.png"))
              .prompt("p")
              .build();
      assertThat(client.generate(request).blockingLast().state()).isEqualTo(TaskState.SUCCEEDED);
    }
  }

  @Test
  @DisplayName("its simulator is registered for --simulate")
  void simulatorRegistered() throws Exception {
    SimulatorFactoryChecks.assertRegistered("fal", QueueSimulator.class, "sim-key-4242");
  }
}
