package io.github.pixverse4j.pixverse;

import static org.assertj.core.api.Assertions.assertThat;

import dagger.BindsInstance;
import dagger.Component;
import io.github.pixverse4j.api.ImageInput;
import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.api.TaskState;
import io.github.pixverse4j.api.TaskStatus;
import io.github.pixverse4j.client.ClientConfig;
import io.github.pixverse4j.client.ClientModule;
import io.github.pixverse4j.client.VideoClient;
import io.github.pixverse4j.client.VideoProviderFactory;
import io.github.pixverse4j.pixverse.simulator.PixVerseSimulator;
import io.github.pixverse4j.simulator.Lifecycle;
import io.github.pixverse4j.testkit.FastPolling;
import java.util.List;
import javax.inject.Singleton;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PixVerseFacadeTest {
  @Test
  @DisplayName(
      "ServiceLoader finds the factory as 'pixverse' with PIXVERSE_API_KEY and the default base"
          + " URL")
  void found() {
    VideoProviderFactory f = VideoProviderFactory.find("pixverse").orElseThrow(AssertionError::new);
    assertThat(f).isInstanceOf(PixVerseProviderFactory.class);
    assertThat(f.apiKeyEnvironmentVariable()).isEqualTo("PIXVERSE_API_KEY");
    assertThat(f.defaultBaseUrl()).isEqualTo("https://app-api.pixverse.ai");
    assertThat(f.capabilities().model()).isEqualTo("v4.5");
    assertThat(f.displayName()).isNotBlank();
  }

  @Test
  @DisplayName("the factory's client works against the simulator and never prints the key")
  void creates() {
    try (PixVerseSimulator sim = new PixVerseSimulator("factory-key-123").start()) {
      sim.nextJobs(Lifecycle.immediateSuccess());
      VideoClient client =
          new PixVerseProviderFactory()
              .create(
                  ClientConfig.builder().apiKey("factory-key-123").baseUrl(sim.baseUrl()).build());
      assertThat(client.providerId()).isEqualTo("pixverse");
      assertThat(client.toString()).doesNotContain("factory-key-123");
      assertThat(
              client
                  .submit(
                      io.github.pixverse4j.api.ImageToVideoRequest.builder()
                          .image(
                              io.github.pixverse4j.api.ImageInput.url("https://example.com/a.png"))
                          .prompt("p")
                          .build())
                  .blockingGet()
                  .providerId())
          .isEqualTo("pixverse");
      assertThat(sim.jobCount()).isEqualTo(1);
    }
  }

  /** An app's own component: the client's and PixVerse's modules; Dagger makes the module. */
  @Singleton
  @Component(modules = {ClientModule.class, PixVerseModule.class})
  interface AppComponent {
    VideoClient client();

    @Component.Factory
    interface Factory {
      AppComponent create(@BindsInstance ClientConfig config);
    }
  }

  @Test
  @DisplayName("an app's own Dagger component can include PixVerseModule")
  void appComponent() {
    try (PixVerseSimulator sim = new PixVerseSimulator("app-key-4242").start()) {
      sim.nextJobs(Lifecycle.immediateSuccess());
      VideoClient client =
          DaggerPixVerseFacadeTest_AppComponent.factory()
              .create(
                  ClientConfig.builder()
                      .apiKey("app-key-4242")
                      .baseUrl(sim.baseUrl())
                      .pollingPolicy(FastPolling.policy())
                      .build())
              .client();
      assertThat(client.providerId()).isEqualTo("pixverse");
      List<TaskStatus> statuses =
          client
              .generate(
                  ImageToVideoRequest.builder()
                      .image(ImageInput.url("https://example.com/a.png"))
                      .prompt("p")
                      .build())
              .toList()
              .blockingGet();
      assertThat(statuses.get(statuses.size() - 1).state()).isEqualTo(TaskState.SUCCEEDED);
    }
  }
}
