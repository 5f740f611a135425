package io.github.pixverse4j.odirouter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dagger.BindsInstance;
import dagger.Component;
import io.github.pixverse4j.api.ImageInput;
import io.github.pixverse4j.api.ProviderCapabilities;
import io.github.pixverse4j.api.Quality;
import io.github.pixverse4j.api.TaskState;
import io.github.pixverse4j.api.TaskStatus;
import io.github.pixverse4j.client.ClientBuilder;
import io.github.pixverse4j.client.ClientConfig;
import io.github.pixverse4j.client.ClientModule;
import io.github.pixverse4j.client.VideoClient;
import io.github.pixverse4j.client.VideoProviderFactory;
import io.github.pixverse4j.odirouter.simulator.OdiRouterSimulator;
import io.github.pixverse4j.simulator.Lifecycle;
import io.github.pixverse4j.testkit.FastPolling;
import java.nio.file.Paths;
import java.util.List;
import javax.inject.Singleton;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class OdiRouterFacadeTest {
  private static io.github.pixverse4j.client.PollingPolicy fast() {
    return FastPolling.policy();
  }

  @Test
  @DisplayName(
      "capabilities: URL images only, prompt ≤ 5000, 1–15 s, all qualities, seed, audio,"
          + " multi-clip, cancel, no negative prompt")
  void capabilities() {
    ProviderCapabilities c = OdiRouter.capabilities();
    assertThat(c.providerId()).isEqualTo("odirouter");
    assertThat(c.model()).isEqualTo("pixverse_v6_i2v");
    assertThat(c.maxPromptLength()).isEqualTo(5000);
    assertThat(c.durationsSeconds()).hasSize(15).startsWith(1).endsWith(15);
    assertThat(c.qualities()).containsExactlyInAnyOrder(Quality.values());
    assertThat(c.imageKinds()).containsExactly(ImageInput.Kind.URL);
    assertThat(c.supportsSeed()).isTrue();
    assertThat(c.supportsAudio()).isTrue();
    assertThat(c.supportsMultiClip()).isTrue();
    assertThat(c.supportsCancel()).isTrue();
    assertThat(c.maxNegativePromptLength()).isEmpty();
    assertThat(
            c.supportsCfgScale()
                || c.supportsThinkingType()
                || c.supportsFastMode()
                || c.supportsTemplateId())
        .isFalse();
    assertThat(c.models()).isEmpty();
  }

  @Test
  @DisplayName("a local file is refused before sending, with a message asking for a public URL")
  void localFile() {
    var violations =
        OdiRouter.capabilities()
            .validate(
                io.github.pixverse4j.api.ImageToVideoRequest.builder()
                    .image(ImageInput.file(Paths.get("cat.png")))
                    .prompt("p")
                    .build());
    assertThat(violations)
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.field()).isEqualTo("image");
              assertThat(v.message()).contains("public http(s) image URL");
            });
  }

  @Test
  @DisplayName(
      "the builder defaults to https://odirouter.ai/model, needs a key and never prints it")
  void builder() {
    VideoClient client = OdiRouter.builder().apiKey("odi-secret-123456").build();
    assertThat(client.providerId()).isEqualTo("odirouter");
    assertThat(client.toString()).doesNotContain("odi-secret-123456");
    assertThat(OdiRouter.DEFAULT_BASE_URL).isEqualTo("https://odirouter.ai/model");
    assertThatThrownBy(() -> OdiRouter.builder().build()).hasMessageContaining("apiKey");
    assertThatThrownBy(() -> OdiRouter.builder().baseUrl("http://odirouter.ai/model"))
        .hasMessageContaining("HTTPS");
  }

  @Test
  @DisplayName("the provider's toString names the host, never the key")
  void providerToString() {
    okhttp3.HttpUrl base =
        io.github.pixverse4j.client.http.BaseUrls.require(OdiRouter.DEFAULT_BASE_URL);
    io.github.pixverse4j.client.http.ApiKey key =
        io.github.pixverse4j.client.http.ApiKey.of("odi-secret-123456");
    io.github.pixverse4j.queue.internal.QueueProvider p =
        OdiRouterErrorsTest.provider(
            base, key, io.reactivex.rxjava3.schedulers.Schedulers.computation());
    assertThat(p.toString()).contains("odirouter.ai").doesNotContain("odi-secret-123456");
    assertThat(
            p.urls(io.github.pixverse4j.api.TaskHandle.of("odirouter", "pixverse_v6_i2v", "r1"))
                .status())
        .hasToString("https://odirouter.ai/model/v1/queue/pixverse_v6_i2v/requests/r1/status");
  }

  @Test
  @DisplayName(
      "ServiceLoader finds the factory under id odirouter, with ODIROUTER_API_KEY, and it builds a"
          + " working client")
  void factory() {
    VideoProviderFactory f = VideoProviderFactory.find("odirouter").orElseThrow();
    assertThat(f).isInstanceOf(OdiRouterProviderFactory.class);
    assertThat(f.apiKeyEnvironmentVariable()).isEqualTo("ODIROUTER_API_KEY");
    assertThat(f.defaultBaseUrl()).isEqualTo("https://odirouter.ai/model");
    assertThat(f.capabilities()).isEqualTo(OdiRouter.capabilities());
    assertThat(f.displayName()).contains("OdiRouter");
    try (OdiRouterSimulator sim = new OdiRouterSimulator("factory-key-42").start()) {
      sim.nextJobs(Lifecycle.immediateSuccess());
      VideoClient client =
          f.create(
              ClientConfig.builder()
                  .apiKey("factory-key-42")
                  .baseUrl(sim.baseUrl())
                  .pollingPolicy(fast())
                  .build());
      TaskStatus last =
          client
              .generate(
                  io.github.pixverse4j.api.ImageToVideoRequest.builder()
                      .image(ImageInput.url("https://example.com/a.png"))
                      .prompt("p")
                      .build())
              .blockingLast();
      assertThat(last.state()).isEqualTo(TaskState.SUCCEEDED);
    }
  }

  @Singleton
  @Component(modules = {ClientModule.class, OdiRouterModule.class})
  interface AppComponent {
    VideoClient client();

    @Component.Factory
    interface Factory {
      AppComponent create(@BindsInstance ClientConfig config);
    }
  }

  static final class AppBuilder extends ClientBuilder<AppBuilder> {
    AppBuilder() {
      super(OdiRouter.DEFAULT_BASE_URL);
    }

    @Override
    public VideoClient build() {
      return DaggerOdiRouterFacadeTest_AppComponent.factory().create(config()).client();
    }
  }

  @Test
  @DisplayName("an app's own Dagger component can include OdiRouterModule")
  void appComponent() {
    try (OdiRouterSimulator sim = new OdiRouterSimulator("app-key-4242").start()) {
      VideoClient client =
          new AppBuilder()
              .apiKey("app-key-4242")
              .baseUrl(sim.baseUrl())
              .pollingPolicy(fast())
              .build();
      List<TaskStatus> statuses =
          client
              .generate(
                  io.github.pixverse4j.api.ImageToVideoRequest.builder()
                      .image(ImageInput.url("https://example.com/a.png"))
                      .prompt("p")
                      .build())
              .toList()
              .blockingGet();
      assertThat(statuses.get(statuses.size() - 1).state()).isEqualTo(TaskState.SUCCEEDED);
    }
  }
}
