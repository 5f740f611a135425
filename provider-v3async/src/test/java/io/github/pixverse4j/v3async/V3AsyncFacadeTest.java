package io.github.pixverse4j.v3async;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dagger.BindsInstance;
import dagger.Component;
import io.github.pixverse4j.api.ImageInput;
import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.api.Model;
import io.github.pixverse4j.api.ProviderCapabilities;
import io.github.pixverse4j.api.Quality;
import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.api.TaskState;
import io.github.pixverse4j.api.TaskStatus;
import io.github.pixverse4j.api.UnsupportedFeatureException;
import io.github.pixverse4j.api.Violation;
import io.github.pixverse4j.client.ClientConfig;
import io.github.pixverse4j.client.ClientModule;
import io.github.pixverse4j.client.PollingPolicy;
import io.github.pixverse4j.client.VideoClient;
import io.github.pixverse4j.client.VideoProviderFactory;
import io.github.pixverse4j.simulator.Lifecycle;
import io.github.pixverse4j.testkit.FastPolling;
import io.github.pixverse4j.v3async.simulator.V3AsyncSimulator;
import io.reactivex.rxjava3.core.Completable;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import javax.inject.Singleton;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class V3AsyncFacadeTest {
  static final String KEY = "sk-facade-test-1234abcd";

  static ImageToVideoRequest.Builder request() {
    return ImageToVideoRequest.builder()
        .image(ImageInput.url("https://example.com/cat.png"))
        .prompt("a cat");
  }

  static List<String> fields(ProviderCapabilities caps, ImageToVideoRequest r) {
    return caps.validate(r).stream().map(Violation::field).collect(Collectors.toList());
  }

  @Test
  @DisplayName("the presets choose host, model and provider id; the key never shows")
  void presets() {
    VideoClient highway = V3Async.highway().apiKey(KEY).build();
    assertThat(highway.providerId()).isEqualTo("highway");
    assertThat(highway.capabilities().model()).isEqualTo("pixverse-v6-i2v");
    VideoClient myrouter = V3Async.myrouter().apiKey(KEY).build();
    assertThat(myrouter.providerId()).isEqualTo("myrouter");
    assertThat(myrouter.capabilities().model()).isEqualTo("pixverse-v4.5-i2v");
    assertThat(highway.toString() + myrouter + V3Async.highway().apiKey(KEY).component().provider())
        .doesNotContain(KEY);
    assertThat(V3Async.highway().apiKey(KEY).component().provider().model())
        .isEqualTo(V3AsyncModel.PIXVERSE_V6_I2V);
  }

  @Test
  @DisplayName(
      "the generic builder needs a base URL and a model; its id is v3async unless set, and ids are"
          + " checked")
  void generic() {
    assertThatThrownBy(
            () -> V3Async.builder().apiKey(KEY).model(V3AsyncModel.PIXVERSE_V6_I2V).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("baseUrl");
    assertThatThrownBy(() -> V3Async.builder().apiKey(KEY).baseUrl("https://api.novita.ai").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("model");
    VideoClient c =
        V3Async.builder()
            .apiKey(KEY)
            .baseUrl("https://api.novita.ai")
            .model(V3AsyncModel.PIXVERSE_V4_5_I2V)
            .build();
    assertThat(c.providerId()).isEqualTo("v3async");
    assertThat(c.capabilities().model()).isEqualTo("pixverse-v4.5-i2v");
    assertThat(
            V3Async.builder()
                .providerId("novita")
                .baseUrl("https://api.novita.ai")
                .model(V3AsyncModel.PIXVERSE_V6_I2V)
                .apiKey(KEY)
                .build()
                .providerId())
        .isEqualTo("novita");
    assertThatThrownBy(() -> V3Async.builder().providerId("Novita AI"))
        .hasMessageContaining("providerId");
    // A base URL given through settings(..) counts as given (it used to be refused as missing).
    VideoClient fromSettings =
        V3Async.builder()
            .model(V3AsyncModel.PIXVERSE_V6_I2V)
            .settings(ClientConfig.builder().apiKey(KEY).baseUrl("https://api.novita.ai").build())
            .build();
    assertThat(fromSettings.providerId()).isEqualTo("v3async");
    assertThatThrownBy(() -> V3Async.highway().baseUrl("http://api.example.com"))
        .hasMessageContaining("HTTPS");
  }

  @Test
  @DisplayName(
      "ServiceLoader finds the highway and myrouter factories with their env variables and"
          + " capabilities")
  void factories() {
    VideoProviderFactory highway = VideoProviderFactory.find("highway").orElseThrow();
    VideoProviderFactory myrouter = VideoProviderFactory.find("myrouter").orElseThrow();
    assertThat(highway.apiKeyEnvironmentVariable()).isEqualTo("HIGHWAY_API_KEY");
    assertThat(myrouter.apiKeyEnvironmentVariable()).isEqualTo("MYROUTER_API_KEY");
    assertThat(highway.defaultBaseUrl()).isEqualTo("https://api.highwayapi.ai");
    assertThat(myrouter.defaultBaseUrl()).isEqualTo("https://api.myrouter.ai");
    assertThat(highway.capabilities().model()).isEqualTo("pixverse-v6-i2v");
    assertThat(myrouter.capabilities().providerId()).isEqualTo("myrouter");
    VideoClient c =
        myrouter.create(ClientConfig.builder().apiKey(KEY).baseUrl("http://127.0.0.1:9/").build());
    assertThat(c.providerId()).isEqualTo("myrouter");
  }

  @Test
  @DisplayName(
      "V6 capabilities: empty prompt allowed, 1-15 s, cfg 0..1, audio and thinking type; no style"
          + " or fast mode; URL images only")
  void v6Capabilities() {
    ProviderCapabilities caps = V3AsyncModel.PIXVERSE_V6_I2V.capabilities("highway");
    assertThat(caps.validate(request().prompt("").build())).isEmpty();
    assertThat(
            caps.validate(
                request()
                    .durationSeconds(1)
                    .cfgScale(1.0)
                    .audio(true)
                    .thinkingType("auto")
                    .quality(Quality.P1080)
                    .negativePrompt("n")
                    .seed(0L)
                    .model(Model.V6)
                    .build()))
        .isEmpty();
    assertThat(caps.defaultDurationSeconds()).contains(5);
    assertThat(caps.defaultQuality()).contains(Quality.P720);
    assertThat(
            fields(
                caps,
                request()
                    .durationSeconds(16)
                    .cfgScale(1.5)
                    .style("anime")
                    .fastMode(true)
                    .prompt("p".repeat(2501))
                    .negativePrompt("n".repeat(2501))
                    .model(Model.V4_5)
                    .build()))
        .containsExactlyInAnyOrder(
            "duration", "cfgScale", "style", "fastMode", "prompt", "negativePrompt", "model");
    assertThat(caps.supportsCancel()).isFalse();
  }

  @Test
  @DisplayName(
      "V4.5 capabilities: no duration (clear message), prompt 1-2048, styles, fast mode not with"
          + " 1080p")
  void v45Capabilities() {
    ProviderCapabilities caps = V3AsyncModel.PIXVERSE_V4_5_I2V.capabilities("myrouter");
    assertThat(
            caps.validate(
                request()
                    .quality(Quality.P1080)
                    .fastMode(false)
                    .style("3d_animation")
                    .seed(7L)
                    .negativePrompt("n")
                    .build()))
        .isEmpty();
    assertThat(caps.validate(request().quality(Quality.P720).fastMode(true).build())).isEmpty();
    List<Violation> duration = caps.validate(request().durationSeconds(5).build());
    assertThat(duration).extracting(Violation::field).containsExactly("duration");
    assertThat(duration.get(0).message())
        .contains("no duration setting")
        .contains("leave duration unset");
    assertThat(fields(caps, request().prompt(" ").build())).containsExactly("prompt");
    assertThat(fields(caps, request().prompt("p".repeat(2049)).build())).containsExactly("prompt");
    assertThat(fields(caps, request().style("watercolor").build())).containsExactly("style");
    List<Violation> fast = caps.validate(request().quality(Quality.P1080).fastMode(true).build());
    assertThat(fast).extracting(Violation::field).containsExactly("fastMode");
    assertThat(fast.get(0).message()).contains("1080p");
    assertThat(fields(caps, request().audio(true).cfgScale(0.5).thinkingType("auto").build()))
        .containsExactlyInAnyOrder("audio", "cfgScale", "thinkingType");
    assertThat(caps.constraints())
        .extracting(Object::toString)
        .containsExactly("fast mode is not available at 1080p");
  }

  @Test
  @DisplayName(
      "local files and bytes are refused before sending: the hosts document image URLs only")
  void imageKinds() {
    for (V3AsyncModel m : V3AsyncModel.values()) {
      ProviderCapabilities caps = m.capabilities("x");
      List<Violation> file =
          caps.validate(request().image(ImageInput.file(Paths.get("cat.png"))).build());
      assertThat(file).extracting(Violation::field).containsExactly("image");
      assertThat(file.get(0).message()).contains("URL");
      assertThat(
              fields(caps, request().image(ImageInput.bytes(new byte[] {1}, "image/png")).build()))
          .containsExactly("image");
    }
  }

  static Throwable errorOf(Completable c) {
    try {
      c.blockingAwait();
      return null;
    } catch (RuntimeException e) {
      return e;
    }
  }

  @Test
  @DisplayName("cancel fails at once without a request; the provider's cancel too")
  void cancel() {
    try (V3AsyncSimulator sim = V3AsyncSimulator.highway(KEY).start()) {
      V3Async.Builder b = V3Async.highway().baseUrl(sim.baseUrl()).apiKey(KEY);
      TaskHandle h = TaskHandle.of("highway", "pixverse-v6-i2v", "t");
      assertThat(errorOf(b.build().cancel(h))).isInstanceOf(UnsupportedFeatureException.class);
      assertThat(errorOf(b.component().provider().cancel(h)))
          .isInstanceOf(UnsupportedFeatureException.class);
      assertThat(sim.requests()).isEmpty();
    }
  }

  @Test
  @DisplayName(
      "eta and progress from the host reach the statuses, with or without zero-valued fields")
  void etaReachesStatuses() {
    for (boolean zeros : new boolean[] {true, false}) {
      try (V3AsyncSimulator sim = V3AsyncSimulator.myrouter(KEY).start().emitZeroValues(zeros)) {
        sim.nextJobs(
            Lifecycle.builder()
                .queued(1)
                .running(20, 70)
                .withEta(Duration.ofSeconds(1), Duration.ofSeconds(1))
                .succeeded());
        PollingPolicy fast = FastPolling.policy();
        List<TaskStatus> statuses =
            V3Async.myrouter()
                .baseUrl(sim.baseUrl())
                .apiKey(KEY)
                .pollingPolicy(fast)
                .build()
                .generate(request().build())
                .toList()
                .blockingGet();
        assertThat(statuses)
            .extracting(TaskStatus::state)
            .containsExactly(
                TaskState.QUEUED, TaskState.RUNNING, TaskState.RUNNING, TaskState.SUCCEEDED);
        assertThat(statuses.get(1).progressPercent()).contains(20);
        assertThat(statuses.get(1).estimatedTimeRemaining()).contains(Duration.ofSeconds(1));
        assertThat(statuses.get(3).videos().get(0).expiresAt()).isPresent();
        assertThat(sim.handlerFailures()).isEmpty();
      }
    }
  }

  /** An app's own component: the client's module and a v3 async module for one host and model. */
  @Singleton
  @Component(modules = {ClientModule.class, V3AsyncModule.class})
  interface AppComponent {
    VideoClient client();

    @Component.Factory
    interface Factory {
      AppComponent create(@BindsInstance ClientConfig config, V3AsyncModule v3async);
    }
  }

  @Test
  @DisplayName("an app's own Dagger component can include V3AsyncModule for its host and model")
  void appComponent() {
    try (V3AsyncSimulator sim = V3AsyncSimulator.myrouter(KEY).start()) {
      sim.nextJobs(Lifecycle.immediateSuccess());
      VideoClient client =
          DaggerV3AsyncFacadeTest_AppComponent.factory()
              .create(
                  ClientConfig.builder()
                      .apiKey(KEY)
                      .baseUrl(sim.baseUrl())
                      .pollingPolicy(FastPolling.policy())
                      .build(),
                  new V3AsyncModule("myrouter", V3AsyncModel.PIXVERSE_V4_5_I2V))
              .client();
      assertThat(client.providerId()).isEqualTo("myrouter");
      List<TaskStatus> statuses = client.generate(request().build()).toList().blockingGet();
      assertThat(statuses.get(statuses.size() - 1).state()).isEqualTo(TaskState.SUCCEEDED);
      assertThat(sim.requests("submit"))
          .singleElement()
          .satisfies(
              r -> assertThat(r.path()).endsWith("/" + V3AsyncModel.PIXVERSE_V4_5_I2V.path()));
    }
  }
}
