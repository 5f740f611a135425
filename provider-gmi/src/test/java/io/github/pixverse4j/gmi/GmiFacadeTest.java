package io.github.pixverse4j.gmi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dagger.BindsInstance;
import dagger.Component;
import io.github.pixverse4j.api.AuthenticationException;
import io.github.pixverse4j.api.ImageInput;
import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.api.InvalidRequestException;
import io.github.pixverse4j.api.Model;
import io.github.pixverse4j.api.ProviderCapabilities;
import io.github.pixverse4j.api.Quality;
import io.github.pixverse4j.api.TaskState;
import io.github.pixverse4j.api.TaskStatus;
import io.github.pixverse4j.api.Violation;
import io.github.pixverse4j.client.ClientConfig;
import io.github.pixverse4j.client.ClientModule;
import io.github.pixverse4j.client.VideoClient;
import io.github.pixverse4j.client.VideoProviderFactory;
import io.github.pixverse4j.gmi.simulator.GmiSimulator;
import io.github.pixverse4j.simulator.Lifecycle;
import io.github.pixverse4j.testkit.FastPolling;
import java.nio.file.Paths;
import java.util.List;
import javax.inject.Singleton;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class GmiFacadeTest {
  private static final String KEY = "gmi-facade-key-555555";

  @Test
  @DisplayName("the factory is found by ServiceLoader as 'gmi' with GMI_API_KEY and GMI's base URL")
  void factory() {
    VideoProviderFactory f = VideoProviderFactory.find("gmi").orElseThrow();
    assertThat(f).isInstanceOf(GmiProviderFactory.class);
    assertThat(f.apiKeyEnvironmentVariable()).isEqualTo("GMI_API_KEY");
    assertThat(f.defaultBaseUrl())
        .isEqualTo("https://console.gmicloud.ai/api/v1/ie/requestqueue/apikey");
    assertThat(f.capabilities()).isSameAs(GmiCloud.capabilities());
    assertThat(f.displayName()).contains("GMI");
  }

  @Test
  @DisplayName(
      "the factory estimates the cost from the price table and describes the prices with their"
          + " date")
  void factoryPricing() {
    VideoProviderFactory f = VideoProviderFactory.find("gmi").orElseThrow();
    io.github.pixverse4j.api.ImageToVideoRequest r =
        io.github.pixverse4j.api.ImageToVideoRequest.builder()
            .image(io.github.pixverse4j.api.ImageInput.url("https://example.com/a.png"))
            .prompt("p")
            .durationSeconds(8)
            .quality(io.github.pixverse4j.api.Quality.P1080)
            .audio(true)
            .build();
    assertThat(f.estimateUsd(r)).hasValue(new java.math.BigDecimal("0.920"));
    assertThat(f.priceDescription().orElseThrow())
        .contains("1080p 0.09 (0.115 with audio)")
        .contains("360p 0.025")
        .contains("as of 2026-06-05");
  }

  @Test
  @DisplayName("a client from the factory's settings talks to the given base URL")
  void factoryCreate() {
    try (GmiSimulator sim = new GmiSimulator(KEY).start()) {
      VideoClient client =
          new GmiProviderFactory()
              .create(ClientConfig.builder().apiKey(KEY).baseUrl(sim.baseUrl()).build());
      assertThat(client.providerId()).isEqualTo("gmi");
      client.submit(request().build()).blockingGet();
      assertThat(sim.jobCount()).isEqualTo(1);
      assertThat(client.toString()).doesNotContain(KEY);
    }
  }

  private static ImageToVideoRequest.Builder request() {
    return ImageToVideoRequest.builder()
        .prompt("a cat")
        .image(ImageInput.url("https://example.com/cat.png"));
  }

  private static List<String> violations(ImageToVideoRequest r) {
    return GmiCloud.capabilities().validate(r).stream().map(Violation::field).toList();
  }

  @Test
  @DisplayName(
      "capabilities: prompt ≤ 5000, 1–15 s (default 5), all qualities (default 540p), URL images"
          + " only, seed, audio, multi-clip, no cancel")
  void capabilities() {
    ProviderCapabilities c = GmiCloud.capabilities();
    assertThat(c.providerId()).isEqualTo("gmi");
    assertThat(c.model()).isEqualTo("pixverse-v6-i2v");
    assertThat(c.maxPromptLength()).isEqualTo(5000);
    assertThat(c.durationsSeconds()).first().isEqualTo(1);
    assertThat(c.durationsSeconds()).last().isEqualTo(15);
    assertThat(c.durationsSeconds()).hasSize(15);
    assertThat(c.defaultDurationSeconds()).contains(5);
    assertThat(c.qualities()).containsExactlyInAnyOrder(Quality.values());
    assertThat(c.defaultQuality()).contains(Quality.P540);
    assertThat(c.imageKinds()).containsExactly(ImageInput.Kind.URL);
    assertThat(c.supportsSeed()).isTrue();
    assertThat(c.supportsAudio()).isTrue();
    assertThat(c.supportsMultiClip()).isTrue();
    assertThat(c.supportsCancel()).isFalse();
    assertThat(c.maxNegativePromptLength()).isEmpty();

    assertThat(
            violations(
                request()
                    .prompt("x".repeat(5000))
                    .durationSeconds(15)
                    .seed(0L)
                    .model(Model.V6)
                    .build()))
        .isEmpty();
    assertThat(violations(request().prompt("").build())).isEmpty();
    assertThat(violations(request().prompt("x".repeat(5001)).build())).containsExactly("prompt");
    assertThat(violations(request().durationSeconds(16).build())).containsExactly("duration");
    assertThat(violations(request().model(Model.V5).build())).containsExactly("model");
    assertThat(violations(request().negativePrompt("blur").cfgScale(0.5).style("anime").build()))
        .containsExactly("negativePrompt", "cfgScale", "style");
  }

  @Test
  @DisplayName("a local image file is refused before sending, saying to give a URL")
  void localFileRefused() {
    try (GmiSimulator sim = new GmiSimulator(KEY).start()) {
      VideoClient client = GmiCloud.builder().apiKey(KEY).baseUrl(sim.baseUrl()).build();
      ImageToVideoRequest r = request().image(ImageInput.file(Paths.get("cat.png"))).build();
      assertThatThrownBy(() -> client.submit(r).blockingGet())
          .isInstanceOf(InvalidRequestException.class)
          .hasMessageContaining("local image file")
          .hasMessageContaining("URL");
      assertThat(sim.requests()).isEmpty();
    }
  }

  @Test
  @DisplayName(
      "listModels with a wrong key fails with AuthenticationException, without the key in the"
          + " message")
  void listModelsWrongKey() {
    try (GmiSimulator sim = new GmiSimulator(KEY).start()) {
      GmiProvider provider =
          GmiCloud.builder().apiKey("wrong-key-7777777").baseUrl(sim.baseUrl()).buildProvider();
      assertThatThrownBy(() -> provider.listModels().blockingGet())
          .isInstanceOf(AuthenticationException.class)
          .hasMessageNotContaining("wrong-key-7777777");
      assertThat(sim.requestCount("models")).isEqualTo(1);
    }
  }

  @Test
  @DisplayName("the builder checks the organization id and refuses plain http to a remote host")
  void builderChecks() {
    assertThatThrownBy(() -> GmiCloud.builder().organizationId(" "))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> GmiCloud.builder().organizationId("a\nb"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> GmiCloud.builder().organizationId(null))
        .hasMessage("organizationId == null");
    assertThatThrownBy(() -> GmiCloud.builder().baseUrl("http://console.gmicloud.ai/x"))
        .hasMessageContaining("HTTPS");
    assertThatThrownBy(() -> GmiCloud.builder().build()).hasMessageContaining("apiKey");
    assertThat(GmiCloud.builder().apiKey(KEY).organizationId("org").buildProvider().toString())
        .doesNotContain(KEY)
        .contains("org");
  }

  /** An app's own component: the client's and GMI's modules, the module made by the app. */
  @Singleton
  @Component(modules = {ClientModule.class, GmiModule.class})
  interface AppComponent {
    VideoClient client();

    @Component.Factory
    interface Factory {
      AppComponent create(@BindsInstance ClientConfig config, GmiModule gmi);
    }
  }

  @Test
  @DisplayName("an app's own Dagger component can include GmiModule, with its organization id")
  void appComponent() {
    try (GmiSimulator sim = new GmiSimulator("app-key-4242").start()) {
      sim.nextJobs(Lifecycle.immediateSuccess());
      VideoClient client =
          DaggerGmiFacadeTest_AppComponent.factory()
              .create(
                  ClientConfig.builder()
                      .apiKey("app-key-4242")
                      .baseUrl(sim.baseUrl())
                      .pollingPolicy(FastPolling.policy())
                      .build(),
                  new GmiModule("org-7"))
              .client();
      assertThat(client.providerId()).isEqualTo("gmi");
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
      assertThat(sim.requests())
          .isNotEmpty()
          .allSatisfy(r -> assertThat(r.header("X-Organization-ID")).isEqualTo("org-7"));
    }
  }
}
