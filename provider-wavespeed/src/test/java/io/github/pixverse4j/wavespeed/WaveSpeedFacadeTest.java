package io.github.pixverse4j.wavespeed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dagger.BindsInstance;
import dagger.Component;
import io.github.pixverse4j.api.ImageInput;
import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.api.ProviderCapabilities;
import io.github.pixverse4j.api.Quality;
import io.github.pixverse4j.api.TaskState;
import io.github.pixverse4j.api.TaskStatus;
import io.github.pixverse4j.client.ClientBuilder;
import io.github.pixverse4j.client.ClientConfig;
import io.github.pixverse4j.client.ClientModule;
import io.github.pixverse4j.client.DescribedModule;
import io.github.pixverse4j.client.VideoClient;
import io.github.pixverse4j.client.VideoProviderFactory;
import io.github.pixverse4j.simulator.Lifecycle;
import io.github.pixverse4j.simulator.PollSimulator;
import io.github.pixverse4j.simulator.SimulatorFactoryChecks;
import io.github.pixverse4j.testkit.FastPolling;
import io.github.pixverse4j.wavespeed.simulator.WaveSpeedSimulator;
import javax.inject.Singleton;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class WaveSpeedFacadeTest {
  private static final ImageToVideoRequest REQUEST =
      ImageToVideoRequest.builder()
          .image(ImageInput.url("https://example.com/a.png"))
          .prompt("p")
          .build();

  @Test
  @DisplayName(
      "capabilities: URL images only, prompt ≤ 2048, 1–15 s, all qualities, audio, multi-clip,"
          + " thinking type; no seed, no cancel, no negative prompt")
  void capabilities() {
    ProviderCapabilities c = WaveSpeed.CAPABILITIES;
    assertThat(c.providerId()).isEqualTo("wavespeed");
    assertThat(c.model()).isEqualTo("pixverse/pixverse-v6/image-to-video");
    assertThat(c.maxPromptLength()).isEqualTo(2048);
    assertThat(c.durationsSeconds()).hasSize(15).startsWith(1).endsWith(15);
    assertThat(c.qualities()).containsExactlyInAnyOrder(Quality.values());
    assertThat(c.imageKinds()).containsExactly(ImageInput.Kind.URL);
    assertThat(c.supportsAudio() && c.supportsMultiClip() && c.supportsThinkingType()).isTrue();
    assertThat(c.supportsSeed() || c.supportsCancel() || c.supportsCfgScale()).isFalse();
    assertThat(c.maxNegativePromptLength()).isEmpty();
  }

  @Test
  @DisplayName(
      "the builder defaults to https://api.wavespeed.ai; a missing key names WAVESPEED_API_KEY")
  void builder() {
    VideoClient client = WaveSpeed.builder().apiKey("ws-secret-123456").build();
    assertThat(client.providerId()).isEqualTo("wavespeed");
    assertThat(client.toString()).doesNotContain("ws-secret-123456");
    assertThat(WaveSpeed.DEFAULT_BASE_URL).isEqualTo("https://api.wavespeed.ai");
    assertThatThrownBy(() -> WaveSpeed.builder().build())
        .hasMessageContaining("wavespeed")
        .hasMessageContaining("WAVESPEED_API_KEY");
  }

  @Test
  @DisplayName("ServiceLoader finds the factory under id wavespeed, and it builds a working client")
  void factory() {
    VideoProviderFactory f = VideoProviderFactory.find("wavespeed").orElseThrow();
    assertThat(f).isInstanceOf(WaveSpeedProviderFactory.class);
    assertThat(f.apiKeyEnvironmentVariable()).isEqualTo("WAVESPEED_API_KEY");
    assertThat(f.defaultBaseUrl()).isEqualTo("https://api.wavespeed.ai");
    assertThat(f.capabilities()).isEqualTo(WaveSpeed.CAPABILITIES);
    assertThat(f.displayName()).contains("WaveSpeed");
    try (PollSimulator sim = WaveSpeedSimulator.create("factory-key-42").start()) {
      sim.nextJobs(Lifecycle.immediateSuccess());
      VideoClient client =
          f.create(
              ClientConfig.builder()
                  .apiKey("factory-key-42")
                  .baseUrl(sim.baseUrl())
                  .pollingPolicy(FastPolling.policy())
                  .build());
      assertThat(client.generate(REQUEST).blockingLast().state()).isEqualTo(TaskState.SUCCEEDED);
    }
  }

  @Test
  @DisplayName("its simulator is registered for --simulate")
  void simulatorRegistered() throws Exception {
    SimulatorFactoryChecks.assertRegistered("wavespeed", PollSimulator.class, "sim-key-4242");
  }

  @Singleton
  @Component(modules = {ClientModule.class, DescribedModule.class})
  interface AppComponent {
    VideoClient client();

    @Component.Factory
    interface Factory {
      AppComponent create(@BindsInstance ClientConfig config, DescribedModule module);
    }
  }

  static final class AppBuilder extends ClientBuilder<AppBuilder> {
    AppBuilder() {
      super(WaveSpeed.DEFAULT_BASE_URL);
    }

    @Override
    public VideoClient build() {
      return DaggerWaveSpeedFacadeTest_AppComponent.factory()
          .create(config(), new DescribedModule(WaveSpeed.PROTOCOL))
          .client();
    }
  }

  @Test
  @DisplayName("an app's own Dagger component can include DescribedModule(WaveSpeed.PROTOCOL)")
  void appComponent() {
    try (PollSimulator sim = WaveSpeedSimulator.create("app-key-4242").start()) {
      VideoClient client =
          new AppBuilder()
              .apiKey("app-key-4242")
              .baseUrl(sim.baseUrl())
              .pollingPolicy(FastPolling.policy())
              .build();
      TaskStatus last = client.generate(REQUEST).blockingLast();
      assertThat(last.state()).isEqualTo(TaskState.SUCCEEDED);
      assertThat(sim.requests("submit")).hasSize(1);
    }
  }
}
